using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Core.Access;

/// <summary>
/// One existing account assignment with names resolved. Pipes into Revoke-IdcAccountAccess (UserId or GroupId,
/// PermissionSetArn, AccountId). When listed through a user's group memberships, the principal is the group that
/// holds the assignment and <see cref="MemberUserName"/> is the user who reaches it.
/// </summary>
public sealed class AccountAssignmentEntry
{
    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }
    public string PermissionSetArn { get; set; } = "";
    public string? PermissionSetName { get; set; }
    public PrincipalKind PrincipalType { get; set; }
    public string PrincipalId { get; set; } = "";
    public string? PrincipalName { get; set; }
    public string? UserId => PrincipalType == PrincipalKind.User ? PrincipalId : null;
    public string? GroupId => PrincipalType == PrincipalKind.Group ? PrincipalId : null;
    /// <summary>The user who reaches this assignment through membership of the group; null for direct assignments.</summary>
    public string? MemberUserName { get; set; }
    public bool ThroughGroup => MemberUserName != null;

    public AssignmentKey Key => new(AccountId, PermissionSetArn, PrincipalType, PrincipalId);

    public override string ToString() => $"{PrincipalName ?? PrincipalId} {PermissionSetName ?? PermissionSetArn} {AccountName ?? AccountId}";
}
