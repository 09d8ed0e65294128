namespace IdcAdmin.Core.Access;

/// <summary>
/// One way a user reaches an account with a permission set: directly, or through membership of a group (then
/// <see cref="GroupName"/> names it). A user who reaches the same pair directly and through groups gets a row for each.
/// Flat strings, so Export-Csv writes one line per row.
/// </summary>
public sealed class EffectiveAccessEntry
{
    public string UserName { get; set; } = "";
    public string UserId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }
    public string PermissionSetName { get; set; } = "";
    public string PermissionSetArn { get; set; } = "";
    /// <summary>The group the access comes through; null when it is assigned to the user directly.</summary>
    public string? GroupName { get; set; }
    public string? GroupId { get; set; }
    public bool Direct => GroupId == null;

    public override string ToString() => $"{UserName} {PermissionSetName} {AccountName ?? AccountId}{(GroupName != null ? " via " + GroupName : "")}";
}
