using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Assignments;

/// <summary>
/// Which of a batch's assignments already exist, read the cheapest way: one ListAccountAssignmentsForPrincipal
/// listing per principal when there are fewer principals than account × permission set pairs, otherwise one
/// ListAccountAssignments per pair.
/// </summary>
public static class ExistingAssignments
{
    /// <summary>How many listings run at once; the session's rate limiter paces them.</summary>
    internal const int ListingConcurrency = 8;

    /// <summary>Whether a batch is checked by one listing per principal (fewer principals than pairs) rather than per pair.</summary>
    public static bool ListsByPrincipal(int principals, int accountPermissionSetPairs) => principals <= accountPermissionSetPairs;

    public static Task<HashSet<AssignmentKey>> LoadAsync(IdcSession session, IReadOnlyCollection<AssignmentKey> wanted, CancellationToken cancellationToken) =>
        LoadAsync(session, wanted, null, cancellationToken);

    /// <summary>As the other overload, taking up the principal listings <paramref name="prefetched"/> started (whole, so valid whatever the filter).</summary>
    public static async Task<HashSet<AssignmentKey>> LoadAsync(IdcSession session, IReadOnlyCollection<AssignmentKey> wanted, PrincipalListingPrefetch? prefetched,
        CancellationToken cancellationToken)
    {
        var found = new HashSet<AssignmentKey>();
        if (wanted.Count == 0) return found;
        var principals = wanted.Select(k => (k.PrincipalKind, k.PrincipalId)).Distinct().ToList();
        var pairs = wanted.Select(k => (k.AccountId, k.PermissionSetArn)).Distinct().ToList();
        var wantedAccounts = new HashSet<string>(wanted.Select(k => k.AccountId), StringComparer.Ordinal);

        if (ListsByPrincipal(principals.Count, pairs.Count))
        {
            var lists = await Bounded.SelectAsync(principals, ListingConcurrency, p => prefetched?.Started(p.PrincipalKind, p.PrincipalId) ?? ForPrincipalAsync(session, p.PrincipalKind, p.PrincipalId,
                wantedAccounts.Count == 1 ? wantedAccounts.First() : null, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var key in lists.SelectMany(l => l)) found.Add(key);
        }
        else
        {
            var lists = await Bounded.SelectAsync(pairs, ListingConcurrency, p => ForPairAsync(session, p.AccountId, p.PermissionSetArn, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var key in lists.SelectMany(l => l)) found.Add(key);
        }
        found.IntersectWith(wanted);
        return found;
    }

    /// <summary>A principal's assignments (see <see cref="AssignmentListings.ForPrincipalAsync"/>), read whole.</summary>
    public static Task<List<AssignmentKey>> ForPrincipalAsync(IdcSession session, PrincipalKind kind, string principalId, string? accountId, CancellationToken cancellationToken) =>
        AssignmentListings.ForPrincipalAsync(session, kind, principalId, accountId, cancellationToken).ToListAsync();

    /// <summary>The assignments of one permission set in one account, read whole.</summary>
    public static Task<List<AssignmentKey>> ForPairAsync(IdcSession session, string accountId, string permissionSetArn, CancellationToken cancellationToken) =>
        AssignmentListings.ForPairAsync(session, accountId, permissionSetArn, cancellationToken).ToListAsync();
}
