namespace IdcAdmin.Core.Identity;

/// <summary>
/// One membership: a user in a group. Carries GroupId/GroupName and UserId/UserName so it pipes into
/// Remove-IdcGroupMember, Get-IdcUser or Get-IdcGroup; the user's display name is UserDisplayName so that it never
/// binds to a group's DisplayName.
/// </summary>
public sealed class IdcGroupMember
{
    public string GroupName { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? UserDisplayName { get; set; }
    public string? Email { get; set; }
    public string? MembershipId { get; set; }
    public string IdentityStoreId { get; set; } = "";

    public override string ToString() => $"{UserName} in {GroupName}";
}
