using System.Collections.Generic;

namespace IdcAdmin.Core.Access;

/// <summary>What Get-IdcAccountAssignment / Test-IdcAccountAccess look at; empty lists mean "any".</summary>
public sealed class AssignmentFilter
{
    public List<PrincipalRef> Principals { get; } = new();
    public List<string> PermissionSets { get; } = new();
    public List<string> Accounts { get; } = new();
    /// <summary>Also follow each user's group memberships: what the user can reach, not only what is assigned to them.</summary>
    public bool IncludeGroups { get; set; }
}
