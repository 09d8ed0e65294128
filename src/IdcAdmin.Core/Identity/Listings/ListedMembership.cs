namespace IdcAdmin.Core.Identity.Listings;

/// <summary>One group membership as the listings return it: ids only (the member is null when it is not a user).</summary>
public sealed class ListedMembership
{
    public ListedMembership(string? membershipId, string groupId, string? userId)
    {
        MembershipId = membershipId;
        GroupId = groupId;
        UserId = userId;
    }

    public string? MembershipId { get; }
    public string GroupId { get; }
    public string? UserId { get; }
}
