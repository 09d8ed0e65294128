using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Configuration;

/// <summary>A membership to add or remove, by names.</summary>
internal sealed class MembershipPayload
{
    public MembershipPayload(string group, string user) { Group = group; User = user; }
    public string Group { get; }
    public string User { get; }
}

/// <summary>One change of an existing permission set (several attribute drifts share one UpdateAttributes change).</summary>
internal sealed class PermissionSetChangePayload
{
    public PermissionSetChangePayload(ConfigurationPermissionSet declared, IdcPermissionSet current, PermissionSetChange change)
    {
        Declared = declared;
        Current = current;
        Change = change;
    }

    public ConfigurationPermissionSet Declared { get; }
    public IdcPermissionSet Current { get; }
    public PermissionSetChange Change { get; }
}

/// <summary>An assignment to create or delete, by the names the access engine resolves and the account id.</summary>
internal sealed class AssignmentPayload
{
    public AssignmentPayload(PrincipalKind kind, string principal, string permissionSet, string accountId)
    {
        Kind = kind;
        Principal = principal;
        PermissionSet = permissionSet;
        AccountId = accountId;
    }

    public PrincipalKind Kind { get; }
    public string Principal { get; }
    public string PermissionSet { get; }
    public string AccountId { get; }
}
