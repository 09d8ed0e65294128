using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Assignments;

/// <summary>
/// Principals' whole assignment listings (ListAccountAssignmentsForPrincipal) started as soon as each principal is
/// resolved, while the batch's accounts and permission sets are still being resolved: the listing needs only the
/// principal, so it need not wait for the organization walk. <see cref="ExistingAssignments"/> takes them up.
/// </summary>
public sealed class PrincipalListingPrefetch
{
    private readonly IdcSession _session;
    private readonly CancellationToken _cancellationToken;
    private readonly SemaphoreSlim _gate = new(ExistingAssignments.ListingConcurrency, ExistingAssignments.ListingConcurrency);
    private readonly ConcurrentDictionary<(PrincipalKind Kind, string Id), Task<List<AssignmentKey>>> _started = new();

    public PrincipalListingPrefetch(IdcSession session, CancellationToken cancellationToken)
    {
        _session = session;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Whether a batch named this way is checked by principal listings whole (so worth starting early): when it is
    /// checked per principal (<see cref="ExistingAssignments.ListsByPrincipal"/>) and names several accounts (for one
    /// account the listing is filtered to it, which needs the account resolved).
    /// </summary>
    public static bool Worthwhile(int principals, int accountPermissionSetPairs, int accounts) =>
        accounts > 1 && ExistingAssignments.ListsByPrincipal(principals, accountPermissionSetPairs);

    /// <summary>Starts the principal's listing, once.</summary>
    public void Start(PrincipalKind kind, string principalId) => _started.GetOrAdd((kind, principalId), key => ListAsync(key.Kind, key.Id));

    /// <summary>The principal's listing if it was started, else null.</summary>
    public Task<List<AssignmentKey>>? Started(PrincipalKind kind, string principalId) => _started.TryGetValue((kind, principalId), out var t) ? t : null;

    /// <summary>Listings started so far.</summary>
    public int Count => _started.Count;

    /// <summary>Waits for every started listing, so none is left running; a failure of one no longer needed is ignored (a needed one was awaited by its user).</summary>
    public async Task DrainAsync()
    {
        foreach (var t in _started.Values.ToList())
        {
            try { await t.ConfigureAwait(false); }
            catch { /* not needed: a batch that could not be resolved reports its names, not this read */ }
        }
    }

    private async Task<List<AssignmentKey>> ListAsync(PrincipalKind kind, string principalId)
    {
        await _gate.WaitAsync(_cancellationToken).ConfigureAwait(false);
        try { return await ExistingAssignments.ForPrincipalAsync(_session, kind, principalId, null, _cancellationToken).ConfigureAwait(false); }
        finally { _gate.Release(); }
    }
}
