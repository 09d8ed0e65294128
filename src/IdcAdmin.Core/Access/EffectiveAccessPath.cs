namespace IdcAdmin.Core.Access;

/// <summary>How the effective-access view reads assignments.</summary>
public enum EffectiveAccessPath
{
    /// <summary>Let the planner choose the cheapest from counts.</summary>
    Auto,
    /// <summary>ListAccountAssignmentsForPrincipal for every user and group in scope; needs no provisioning listing.</summary>
    Principal,
    /// <summary>Per account, the permission sets provisioned to it, then ListAccountAssignments per pair.</summary>
    Account,
    /// <summary>Per permission set, the accounts it is provisioned to, then ListAccountAssignments per pair.</summary>
    PermissionSet,
}
