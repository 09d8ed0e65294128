using System;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// A customer managed policy by name and path, as a permission set refers to it: the policy must exist with that name
/// and path in every account the permission set is provisioned to. Written "Name" or "/path/Name".
/// </summary>
public sealed class CustomerManagedPolicyName : IEquatable<CustomerManagedPolicyName>
{
    public CustomerManagedPolicyName(string name, string? path = null)
    {
        Name = name;
        Path = string.IsNullOrEmpty(path) ? "/" : path!;
    }

    public string Name { get; }
    /// <summary>"/" or "/a/b/": starts and ends with a slash.</summary>
    public string Path { get; }

    /// <summary>"Name" → path "/"; "/team/Name" → path "/team/", name "Name".</summary>
    public static CustomerManagedPolicyName Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        var slash = trimmed.LastIndexOf('/');
        if (slash < 0) return new CustomerManagedPolicyName(trimmed);
        var path = trimmed.Substring(0, slash + 1);
        return new CustomerManagedPolicyName(trimmed.Substring(slash + 1), path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path);
    }

    public bool Equals(CustomerManagedPolicyName? other) => other != null && Name == other.Name && Path == other.Path;
    public override bool Equals(object? obj) => Equals(obj as CustomerManagedPolicyName);
    public override int GetHashCode() => (Path + Name).GetHashCode();
    public override string ToString() => Path + Name;
}
