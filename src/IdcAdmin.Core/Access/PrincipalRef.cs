using System;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Core.Access;

/// <summary>A user or group as the caller named it: a name or an identity store id.</summary>
public sealed class PrincipalRef : IEquatable<PrincipalRef>
{
    public PrincipalRef(PrincipalKind kind, string nameOrId)
    {
        Kind = kind;
        NameOrId = nameOrId.Trim();
    }

    public PrincipalKind Kind { get; }
    public string NameOrId { get; }

    public bool Equals(PrincipalRef? other) => other != null && Kind == other.Kind && string.Equals(NameOrId, other.NameOrId, StringComparison.OrdinalIgnoreCase);
    public override bool Equals(object? obj) => Equals(obj as PrincipalRef);
    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(NameOrId);
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{NameOrId}'";
}
