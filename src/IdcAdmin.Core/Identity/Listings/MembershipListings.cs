using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Identity.Listings;

/// <summary>
/// The group-membership listings in both directions (ListGroupMemberships, ListGroupMembershipsForMember): the one
/// place that pages them, 100 a page. Streamed, so a caller that finds what it looks for reads no further page.
/// Below the lock-out guard, which counts the administrators a group holds.
/// </summary>
public static class MembershipListings
{
    /// <summary>A group's memberships (members that are not users come with a null user id).</summary>
    public static async IAsyncEnumerable<ListedMembership> OfGroupAsync(IdcSession session, string groupId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListGroupMembershipsRequest { IdentityStoreId = session.IdentityStoreId, GroupId = groupId, MaxResults = 100 };
        await foreach (var m in session.Connection.IdentityStore.PaginateListGroupMemberships(request, cancellationToken).ConfigureAwait(false))
            yield return new ListedMembership(m.MembershipId, m.GroupId ?? groupId, m.MemberId?.UserId);
    }

    /// <summary>A user's memberships, one per group it belongs to.</summary>
    public static async IAsyncEnumerable<ListedMembership> OfUserAsync(IdcSession session, string userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListGroupMembershipsForMemberRequest { IdentityStoreId = session.IdentityStoreId, MemberId = new MemberId { UserId = userId }, MaxResults = 100 };
        await foreach (var m in session.Connection.IdentityStore.PaginateListGroupMembershipsForMember(request, cancellationToken).ConfigureAwait(false))
            if (m.GroupId != null) yield return new ListedMembership(m.MembershipId, m.GroupId, m.MemberId?.UserId ?? userId);
    }
}
