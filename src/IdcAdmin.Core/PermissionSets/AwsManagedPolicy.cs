using System;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>An AWS managed policy attached to a permission set: its name and ARN (which carries the path).</summary>
public sealed class AwsManagedPolicy : IEquatable<AwsManagedPolicy>
{
    public AwsManagedPolicy(string name, string arn)
    {
        Name = name;
        Arn = arn;
    }

    public string Name { get; }
    public string Arn { get; }

    /// <summary>From an ARN alone: the name is the part after the last slash.</summary>
    public static AwsManagedPolicy FromArn(string arn) => new(arn.Substring(arn.LastIndexOf('/') + 1), arn);

    public bool Equals(AwsManagedPolicy? other) => other != null && string.Equals(Arn, other.Arn, StringComparison.Ordinal);
    public override bool Equals(object? obj) => Equals(obj as AwsManagedPolicy);
    public override int GetHashCode() => Arn.GetHashCode();
    public override string ToString() => Name;
}
