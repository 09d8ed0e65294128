using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.IdentityStore;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Identity.Services;

/// <summary>A membership to add or remove, resolved by reading only: both ids, and the membership if it exists.</summary>
public sealed class MembershipPlan
{
    public MembershipPlan(IdcGroup group, IdcUser user, string? existingMembershipId)
    {
        Group = group;
        User = user;
        ExistingMembershipId = existingMembershipId;
    }

    public IdcGroup Group { get; }
    public IdcUser User { get; }
    public string? ExistingMembershipId { get; }
    public bool Exists => ExistingMembershipId != null;
    public string Target => $"user '{User.UserName}' in group '{Group.DisplayName}'";
}

/// <summary>
/// Group memberships: add (a no-op when present), remove, and list in both directions. Given a writer for unreadable
/// details, a listing whose user or group cannot be described (the role may lack the call) warns once for it, names
/// the member by id and goes on.
/// </summary>
public sealed class MembershipService
{
    private readonly IdcSession _session;
    private readonly UserService _users;
    private readonly GroupService _groups;
    private readonly IOutputWriter? _unreadableDetails;

    public MembershipService(IdcSession session, IOutputWriter? unreadableDetails = null)
    {
        _session = session;
        _unreadableDetails = unreadableDetails;
        _users = new UserService(session);
        _groups = new GroupService(session);
    }

    private IdentityStoreClient Client => _session.Connection.IdentityStore;

    /// <summary>Resolves the group and user (each by name or id; unknown ones are refused) and finds the membership.</summary>
    public async Task<MembershipPlan> PlanAsync(string groupNameOrId, string userNameOrId, CancellationToken cancellationToken)
    {
        var group = await _groups.GetAsync(groupNameOrId, cancellationToken).ConfigureAwait(false);
        var user = await _users.GetAsync(userNameOrId, cancellationToken).ConfigureAwait(false);
        var membershipId = await FindMembershipIdAsync(group.GroupId, user.UserId, cancellationToken).ConfigureAwait(false);
        return new MembershipPlan(group, user, membershipId);
    }

    /// <summary>Adds the user to the group; when already a member, returns the membership and sends nothing.</summary>
    public async Task<IdcGroupMember> AddAsync(MembershipPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Exists) return Member(plan.Group, plan.User, plan.ExistingMembershipId);
        try
        {
            // A lost reply is looked up before the membership is sent again (some identity stores accept duplicates).
            var created = await Client.CreateGroupMembershipAsync(new CreateGroupMembershipRequest
            {
                IdentityStoreId = _session.IdentityStoreId, GroupId = plan.Group.GroupId, MemberId = new MemberId { UserId = plan.User.UserId },
            }, async ct => await FindMembershipIdAsync(plan.Group.GroupId, plan.User.UserId, ct).ConfigureAwait(false) is { } id
                ? new CreateGroupMembershipResponse { MembershipId = id, IdentityStoreId = _session.IdentityStoreId } : null, cancellationToken).ConfigureAwait(false);
            return Member(plan.Group, plan.User, created.MembershipId);
        }
        catch (AwsConflictException e) when (e.IsUniquenessViolation)
        {
            // Added by someone else since the plan was read: the goal is reached all the same.
            var id = await FindMembershipIdAsync(plan.Group.GroupId, plan.User.UserId, cancellationToken).ConfigureAwait(false);
            return Member(plan.Group, plan.User, id);
        }
    }

    /// <summary>
    /// Removes the membership; a user who is not a member is left as is. Taking the last administrator out of the
    /// group they hold administrator access through is refused by the lock-out guard, unless <paramref name="allowNoAdministrator"/>.
    /// </summary>
    public async Task RemoveAsync(MembershipPlan plan, CancellationToken cancellationToken, bool allowNoAdministrator = false)
    {
        if (!plan.Exists) return;
        var change = new Lockout.AdministratorChange();
        change.RemovedMemberships.Add((plan.Group.GroupId, plan.User.UserId));
        await Lockout.AdministratorAccessGuard.EnsureAsync(_session, change, $"remove the {plan.Target}", allowNoAdministrator, cancellationToken).ConfigureAwait(false);
        try
        {
            await Client.DeleteGroupMembershipAsync(new DeleteGroupMembershipRequest { IdentityStoreId = _session.IdentityStoreId, MembershipId = plan.ExistingMembershipId }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            // Removed meanwhile: the goal is reached.
        }
    }

    /// <summary>The members of a group, streamed a page at a time, each with its user's name and email.</summary>
    public async IAsyncEnumerable<IdcGroupMember> ListMembersAsync(string groupNameOrId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var group = await _groups.GetAsync(groupNameOrId, cancellationToken).ConfigureAwait(false);
        await foreach (var m in MembershipListings.OfGroupAsync(_session, group.GroupId, cancellationToken).ConfigureAwait(false))
        {
            var userId = m.UserId;
            if (userId == null) continue;
            var user = await DescribeOrIdAsync(() => _users.DescribeAsync(userId, cancellationToken), $"Group '{group.DisplayName}': member {userId}",
                "user name, display name and email") ?? new IdcUser { UserId = userId, UserName = userId };
            yield return Member(group, user, m.MembershipId);
        }
    }

    /// <summary>The groups a user belongs to (the reverse view), streamed a page at a time.</summary>
    public async IAsyncEnumerable<IdcGroupMember> ListGroupsOfAsync(string userNameOrId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var user = await _users.GetAsync(userNameOrId, cancellationToken).ConfigureAwait(false);
        await foreach (var m in MembershipListings.OfUserAsync(_session, user.UserId, cancellationToken).ConfigureAwait(false))
        {
            var groupId = m.GroupId;
            var group = await DescribeOrIdAsync(() => _groups.DescribeAsync(groupId, cancellationToken), $"User '{user.UserName}': group {groupId}",
                "display name") ?? new IdcGroup { GroupId = groupId, DisplayName = groupId };
            yield return Member(group, user, m.MembershipId);
        }
    }

    /// <summary>A described user or group; null when it is gone, or (with a writer) unreadable, after one warning.</summary>
    private async Task<T?> DescribeOrIdAsync<T>(Func<Task<T?>> describe, string what, string detail) where T : class
    {
        try
        {
            return await describe().ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (_unreadableDetails != null)
        {
            _unreadableDetails.WriteWarning($"{what}: the {detail} could not be read, so it is shown by id. {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The membership id of a user in a group, or null. Read from the user's memberships: a user is in few groups,
    /// so this is one call in practice, and it behaves the same on every identity store implementation.
    /// </summary>
    public async Task<string?> FindMembershipIdAsync(string groupId, string userId, CancellationToken cancellationToken)
    {
        await foreach (var m in MembershipListings.OfUserAsync(_session, userId, cancellationToken).ConfigureAwait(false))
            if (m.GroupId == groupId) return m.MembershipId;
        return null;
    }

    private IdcGroupMember Member(IdcGroup group, IdcUser user, string? membershipId) => new()
    {
        GroupName = group.DisplayName,
        GroupId = group.GroupId,
        UserName = user.UserName,
        UserId = user.UserId,
        UserDisplayName = user.DisplayName,
        Email = user.Email,
        MembershipId = membershipId,
        IdentityStoreId = _session.IdentityStoreId,
    };
}
