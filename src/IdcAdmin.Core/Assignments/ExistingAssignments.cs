using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Assignments;

/// <summary>
/// Which of a batch's assignments already exist, read the cheapest way: one ListAccountAssignmentsForPrincipal
/// listing per principal when there are fewer principals than account × permission set pairs, otherwise one
/// ListAccountAssignments per pair.
/// </summary>
public static class ExistingAssignments
{
    /// <summary>How many listings run at once; the session's rate limiter paces them.</summary>
    private const int ListingConcurrency = 8;

    public static async Task<HashSet<AssignmentKey>> LoadAsync(IdcSession session, IReadOnlyCollection<AssignmentKey> wanted, CancellationToken cancellationToken)
    {
        var found = new HashSet<AssignmentKey>();
        if (wanted.Count == 0) return found;
        var principals = wanted.Select(k => (k.PrincipalKind, k.PrincipalId)).Distinct().ToList();
        var pairs = wanted.Select(k => (k.AccountId, k.PermissionSetArn)).Distinct().ToList();
        var wantedAccounts = new HashSet<string>(wanted.Select(k => k.AccountId), StringComparer.Ordinal);

        if (principals.Count <= pairs.Count)
        {
            var lists = await Bounded.SelectAsync(principals, ListingConcurrency, p => ForPrincipalAsync(session, p.PrincipalKind, p.PrincipalId,
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

    public static async Task<List<AssignmentKey>> ForPrincipalAsync(IdcSession session, PrincipalKind kind, string principalId, string? accountId, CancellationToken cancellationToken)
    {
        var request = new ListAccountAssignmentsForPrincipalRequest
        {
            InstanceArn = session.InstanceArn, PrincipalType = kind.ToAws(), PrincipalId = principalId, MaxResults = 100,
            Filter = accountId == null ? null : new ListAccountAssignmentsFilter { AccountId = accountId },
        };
        var keys = new List<AssignmentKey>();
        await foreach (var a in session.Connection.SsoAdmin.PaginateListAccountAssignmentsForPrincipal(request, cancellationToken).ConfigureAwait(false))
            keys.Add(new AssignmentKey(a.AccountId ?? "", a.PermissionSetArn ?? "", PrincipalKindExtensions.FromAws(a.PrincipalType), a.PrincipalId ?? ""));
        return keys;
    }

    public static async Task<List<AssignmentKey>> ForPairAsync(IdcSession session, string accountId, string permissionSetArn, CancellationToken cancellationToken)
    {
        var request = new ListAccountAssignmentsRequest { InstanceArn = session.InstanceArn, AccountId = accountId, PermissionSetArn = permissionSetArn, MaxResults = 100 };
        var keys = new List<AssignmentKey>();
        await foreach (var a in session.Connection.SsoAdmin.PaginateListAccountAssignments(request, cancellationToken).ConfigureAwait(false))
            keys.Add(new AssignmentKey(a.AccountId ?? accountId, a.PermissionSetArn ?? permissionSetArn, PrincipalKindExtensions.FromAws(a.PrincipalType), a.PrincipalId ?? ""));
        return keys;
    }
}
