using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Everyone's effective access: every (user, account, permission set) a user reaches, directly or through a group,
/// for the whole organization or narrowed to users, accounts or permission sets (who can reach account X, who holds
/// set Y anywhere). Assignments are read by the path <see cref="EffectiveAccessPlanner"/> finds cheapest, listings
/// run several at once under the session's shared rate limit, each group's members are listed once, names come from
/// one directory listing or the session's caches, and rows stream as listings finish.
/// </summary>
public sealed class EffectiveAccessQuery
{
    /// <summary>Listings at once; the session's rate limiter paces them.</summary>
    private const int Concurrency = 8;
    private readonly IdcSession _session;
    private readonly ConcurrentDictionary<string, Task<List<string>>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groupNames = new(StringComparer.Ordinal);
    private OrganizationSnapshot? _snapshot;

    public EffectiveAccessQuery(IdcSession session) => _session = session;

    /// <summary>The path the last run read by.</summary>
    public EffectiveAccessPath ChosenPath { get; private set; }

    /// <summary>The provisioned (account, permission set) pairs the last run found when it probed; null when it did not.</summary>
    public int? ProvisionedPairs { get; private set; }

    /// <summary>The names the last run could not resolve: to report; the rest was answered.</summary>
    public IReadOnlyList<ResolutionError> Unresolved { get; private set; } = Array.Empty<ResolutionError>();

    /// <summary>The users and groups whose assignments a per-principal read would list.</summary>
    public int PrincipalCount { get; private set; }

    public async IAsyncEnumerable<EffectiveAccessEntry> StreamAsync(EffectiveAccessFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resolver = new AccessResolver(_session);
        var userRefs = filter.Users.Select(u => new PrincipalRef(PrincipalKind.User, u)).ToList();
        var groupRefs = filter.Groups.Select(g => new PrincipalRef(PrincipalKind.Group, g)).ToList();
        await resolver.ResolveAsync(userRefs.Concat(groupRefs), filter.PermissionSets, filter.Accounts, cancellationToken).ConfigureAwait(false);
        Unresolved = resolver.Errors;
        if (!resolver.EachFilterKeptAValue(userRefs, filter.PermissionSets, filter.Accounts) || !resolver.EachFilterKeptAValue(groupRefs, [], [])) yield break;
        var users = userRefs.Select(resolver.Principal).OfType<ResolvedPrincipal>().GroupBy(p => p.Id).Select(g => g.First()).ToList();
        foreach (var u in users) _userNames[u.Id] = u.Name;
        var groups = groupRefs.Select(resolver.Principal).OfType<ResolvedPrincipal>().GroupBy(p => p.Id).Select(g => g.First()).ToList();
        foreach (var g in groups) _groupNames[g.Id] = g.Name;
        // Access through the groups named: rows of other groups and direct rows are left out.
        var groupFilter = groups.Count > 0 ? new HashSet<string>(groups.Select(g => g.Id), StringComparer.Ordinal) : null;
        var setFilter = new HashSet<string>(filter.PermissionSets.Select(resolver.PermissionSet).OfType<ResolvedPermissionSet>().Select(p => p.Arn), StringComparer.Ordinal);
        var accountFilter = new HashSet<string>(filter.Accounts.Select(resolver.Account).OfType<AwsAccount>().Select(a => a.AccountId), StringComparer.Ordinal);
        _snapshot = await OrganizationDirectory.For(_session).SnapshotAsync(refresh: false, cancellationToken).ConfigureAwait(false);

        IAsyncEnumerable<AssignmentKey> assignments;
        HashSet<string>? userFilter = null;
        if (users.Count > 0)
        {
            // A question about users: their own assignments and their groups', whatever else narrows it.
            ChosenPath = EffectiveAccessPath.Principal;
            userFilter = new HashSet<string>(users.Select(u => u.Id), StringComparer.Ordinal);
            var principals = new List<(PrincipalKind, string)>();
            // The users' memberships are known from here, so their groups need no member listing.
            var membersInScope = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var u in users)
            {
                principals.Add((PrincipalKind.User, u.Id));
                foreach (var g in await GroupsOfAsync(u.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (!membersInScope.TryGetValue(g, out var members)) { membersInScope[g] = members = new List<string>(); principals.Add((PrincipalKind.Group, g)); }
                    members.Add(u.Id);
                }
            }
            foreach (var pair in membersInScope) _members[pair.Key] = Task.FromResult(pair.Value);
            PrincipalCount = principals.Count;
            assignments = ForPrincipalsAsync(principals, accountFilter, setFilter, cancellationToken);
        }
        else if (groupFilter != null)
        {
            // A question about groups: their own assignments, expanded to their members.
            ChosenPath = EffectiveAccessPath.Principal;
            var principals = groups.Select(g => (PrincipalKind.Group, g.Id)).ToList();
            PrincipalCount = principals.Count;
            assignments = ForPrincipalsAsync(principals, accountFilter, setFilter, cancellationToken);
        }
        else
        {
            var principals = await DirectoryAsync(cancellationToken).ConfigureAwait(false);
            PrincipalCount = principals.Count;
            var accounts = accountFilter.Count > 0 ? accountFilter.ToList() : _snapshot.Accounts.Select(a => a.AccountId).ToList();
            var sets = setFilter.Count > 0 ? setFilter.ToList() : await AllPermissionSetsAsync(cancellationToken).ConfigureAwait(false);
            var side = filter.Path is EffectiveAccessPath.Account or EffectiveAccessPath.PermissionSet ? filter.Path : EffectiveAccessPlanner.ProvisioningSide(accounts.Count, sets.Count);
            var probeCalls = side == EffectiveAccessPath.PermissionSet ? sets.Count : accounts.Count;
            if (filter.Path == EffectiveAccessPath.Principal || (filter.Path == EffectiveAccessPath.Auto && EffectiveAccessPlanner.PrincipalsCheaperThanProbe(principals.Count, probeCalls)))
            {
                ChosenPath = EffectiveAccessPath.Principal;
                assignments = ForPrincipalsAsync(principals, accountFilter, setFilter, cancellationToken);
            }
            else
            {
                var pairs = await ProvisionedPairsAsync(side, accounts, sets, cancellationToken).ConfigureAwait(false);
                ProvisionedPairs = pairs.Count;
                ChosenPath = filter.Path == EffectiveAccessPath.Auto ? EffectiveAccessPlanner.Choose(side, pairs.Count, principals.Count) : side;
                assignments = ChosenPath == EffectiveAccessPath.Principal
                    ? ForPrincipalsAsync(principals, accountFilter, setFilter, cancellationToken)
                    : ForPairsAsync(pairs, cancellationToken);
            }
        }

        await foreach (var key in assignments.ConfigureAwait(false))
        {
            if (key.PrincipalKind == PrincipalKind.User)
            {
                if (groupFilter == null && (userFilter == null || userFilter.Contains(key.PrincipalId)))
                    yield return await RowAsync(key, key.PrincipalId, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (groupFilter != null && !groupFilter.Contains(key.PrincipalId)) continue;
            foreach (var member in await MembersAsync(key.PrincipalId, cancellationToken).ConfigureAwait(false))
                if (userFilter == null || userFilter.Contains(member))
                    yield return await RowAsync(key, member, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<EffectiveAccessEntry> RowAsync(AssignmentKey key, string userId, CancellationToken cancellationToken) => new()
    {
        UserId = userId,
        UserName = await UserNameAsync(userId, cancellationToken).ConfigureAwait(false),
        AccountId = key.AccountId,
        AccountName = _snapshot?.NameOf(key.AccountId),
        PermissionSetArn = key.PermissionSetArn,
        PermissionSetName = await _session.PermissionSets.GetNameAsync(key.PermissionSetArn, cancellationToken).ConfigureAwait(false),
        GroupId = key.PrincipalKind == PrincipalKind.Group ? key.PrincipalId : null,
        GroupName = key.PrincipalKind == PrincipalKind.Group ? await GroupNameAsync(key.PrincipalId, cancellationToken).ConfigureAwait(false) : null,
    };

    private async Task<string> UserNameAsync(string id, CancellationToken cancellationToken)
    {
        if (_userNames.TryGetValue(id, out var name)) return name;
        return _userNames[id] = await _session.Principals.GetNameAsync(PrincipalKind.User, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GroupNameAsync(string id, CancellationToken cancellationToken)
    {
        if (_groupNames.TryGetValue(id, out var name)) return name;
        return _groupNames[id] = await _session.Principals.GetNameAsync(PrincipalKind.Group, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every user and group, names learned on the way (one listing each, 100 a page).</summary>
    private async Task<List<(PrincipalKind, string)>> DirectoryAsync(CancellationToken cancellationToken)
    {
        var principals = new List<(PrincipalKind, string)>();
        await foreach (var u in new UserService(_session).ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(u.UserId)) continue;
            principals.Add((PrincipalKind.User, u.UserId));
            if (!string.IsNullOrEmpty(u.UserName)) { _userNames[u.UserId] = u.UserName; _session.Principals.Learn(PrincipalKind.User, u.UserName, u.UserId); }
        }
        await foreach (var g in new GroupService(_session).ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(g.GroupId)) continue;
            principals.Add((PrincipalKind.Group, g.GroupId));
            if (!string.IsNullOrEmpty(g.DisplayName)) { _groupNames[g.GroupId] = g.DisplayName; _session.Principals.Learn(PrincipalKind.Group, g.DisplayName, g.GroupId); }
        }
        return principals;
    }

    private Task<List<string>> AllPermissionSetsAsync(CancellationToken cancellationToken) => _session.PermissionSets.ListArnsAsync(cancellationToken).ToListAsync();

    /// <summary>The provisioned (account, set) pairs in scope, probed from the smaller side.</summary>
    private async Task<List<(string Account, string Set)>> ProvisionedPairsAsync(EffectiveAccessPath side, List<string> accounts, List<string> sets, CancellationToken cancellationToken)
    {
        var accountSet = new HashSet<string>(accounts, StringComparer.Ordinal);
        var setSet = new HashSet<string>(sets, StringComparer.Ordinal);
        if (side == EffectiveAccessPath.PermissionSet)
        {
            var lists = await Bounded.SelectAsync(sets, Concurrency, async arn =>
            {
                var pairs = new List<(string, string)>();
                await foreach (var account in ProvisioningListings.AccountsOfAsync(_session, arn, null, cancellationToken).ConfigureAwait(false))
                    if (accountSet.Contains(account)) pairs.Add((account, arn));
                return pairs;
            }, cancellationToken).ConfigureAwait(false);
            return lists.SelectMany(l => l).ToList();
        }
        var byAccount = await Bounded.SelectAsync(accounts, Concurrency, async account =>
        {
            var pairs = new List<(string, string)>();
            await foreach (var arn in ProvisioningListings.PermissionSetsOnAsync(_session, account, null, cancellationToken).ConfigureAwait(false))
                if (setSet.Contains(arn)) pairs.Add((account, arn));
            return pairs;
        }, cancellationToken).ConfigureAwait(false);
        return byAccount.SelectMany(l => l).ToList();
    }

    private IAsyncEnumerable<AssignmentKey> ForPairsAsync(List<(string Account, string Set)> pairs, CancellationToken cancellationToken) =>
        InWindowsAsync(pairs, p => ExistingAssignments.ForPairAsync(_session, p.Account, p.Set, cancellationToken), cancellationToken);

    private IAsyncEnumerable<AssignmentKey> ForPrincipalsAsync(List<(PrincipalKind Kind, string Id)> principals, HashSet<string> accounts, HashSet<string> sets, CancellationToken cancellationToken) =>
        InWindowsAsync(principals, async p =>
        {
            var keys = await ExistingAssignments.ForPrincipalAsync(_session, p.Kind, p.Id, accounts.Count == 1 ? accounts.First() : null, cancellationToken).ConfigureAwait(false);
            return keys.Where(k => (accounts.Count == 0 || accounts.Contains(k.AccountId)) && (sets.Count == 0 || sets.Contains(k.PermissionSetArn))).ToList();
        }, cancellationToken);

    /// <summary>Runs the listings <see cref="Concurrency"/> at a time and streams each window's keys.</summary>
    private static async IAsyncEnumerable<AssignmentKey> InWindowsAsync<T>(IReadOnlyList<T> items, Func<T, Task<List<AssignmentKey>>> list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 0; start < items.Count; start += Concurrency * 2)
        {
            var window = items.Skip(start).Take(Concurrency * 2);
            foreach (var keys in await Bounded.SelectAsync(window, Concurrency, list, cancellationToken).ConfigureAwait(false))
                foreach (var key in keys) yield return key;
        }
    }

    private async Task<List<string>> GroupsOfAsync(string userId, CancellationToken cancellationToken)
    {
        var groups = new List<string>();
        await foreach (var m in MembershipListings.OfUserAsync(_session, userId, cancellationToken).ConfigureAwait(false))
            groups.Add(m.GroupId);
        return groups;
    }

    /// <summary>A group's member users, listed once per run however many assignments the group holds.</summary>
    private Task<List<string>> MembersAsync(string groupId, CancellationToken cancellationToken) =>
        _members.GetOrAdd(groupId, async id =>
        {
            var users = new List<string>();
            await foreach (var m in MembershipListings.OfGroupAsync(_session, id, cancellationToken).ConfigureAwait(false))
                if (m.UserId != null) users.Add(m.UserId);
            return users;
        });
}
