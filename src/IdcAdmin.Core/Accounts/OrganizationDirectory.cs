using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Organizations.Model;

namespace IdcAdmin.Core.Accounts;

/// <summary>
/// The organization's tree of roots, organizational units and accounts, walked live (streamed, with OU paths) for
/// listings, and kept as a snapshot per session (the session owns one: <c>IdcSession.Organization</c>) for resolving account names and ids and for tab completion.
/// </summary>
public sealed class OrganizationDirectory
{
    private readonly OrganizationsClient _client;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OrganizationSnapshot? _snapshot;
    private string? _managementAccountId;
    private bool _managementAccountKnown;

    public OrganizationDirectory(OrganizationsClient client) => _client = client;

    /// <summary>The organization's roots (there is one).</summary>
    public async IAsyncEnumerable<OrganizationalUnitEntry> RootsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in _client.PaginateListRoots(new ListRootsRequest(), cancellationToken).ConfigureAwait(false))
        {
            var name = r.Name ?? "Root";
            yield return new OrganizationalUnitEntry { OrganizationalUnitId = r.Id ?? "", Name = name, Path = "/" + name, Arn = r.Arn, Depth = 0 };
        }
    }

    // Organizations' pattern for an OU id (DescribeOrganizationalUnit's OrganizationalUnitId).
    private static readonly Regex UnitIdPattern = new("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$", RegexOptions.CultureInvariant);

    /// <summary>A root or OU by path (/Root/Workloads/Prod, or Workloads/Prod from the root) or id (ou-…, r-…).</summary>
    public async Task<OrganizationalUnitEntry> ResolveUnitAsync(string pathOrId, CancellationToken cancellationToken)
    {
        var value = pathOrId.Trim();
        var roots = await RootsAsync(cancellationToken).ToListAsync().ConfigureAwait(false);
        if (roots.Count == 0) throw new OrganizationalUnitNotFoundException(pathOrId, "the organization has no root");
        var byId = roots.FirstOrDefault(r => string.Equals(r.OrganizationalUnitId, value, StringComparison.OrdinalIgnoreCase));
        if (byId != null) return byId;
        if (value.StartsWith("ou-", StringComparison.OrdinalIgnoreCase) && !value.Contains("/"))
        {
            // AWS answers a malformed id with its pattern error; the user asked for an OU that cannot exist.
            if (!UnitIdPattern.IsMatch(value))
                throw new OrganizationalUnitNotFoundException(pathOrId, "that is not an organizational unit id");
            return await DescribeUnitAsync(value, cancellationToken).ConfigureAwait(false);
        }

        var segments = value.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        var current = roots.FirstOrDefault(r => segments.Count > 0 && string.Equals(r.Name, segments[0], StringComparison.OrdinalIgnoreCase));
        if (current != null) segments.RemoveAt(0);
        else current = roots[0];
        foreach (var segment in segments)
        {
            OrganizationalUnitEntry? next = null;
            await foreach (var child in ChildUnitsAsync(current, cancellationToken).ConfigureAwait(false))
                if (string.Equals(child.Name, segment, StringComparison.OrdinalIgnoreCase)) { next = child; break; }
            current = next ?? throw new OrganizationalUnitNotFoundException(pathOrId, $"'{current.Path}' has no organizational unit named '{segment}'");
        }
        return current;
    }

    /// <summary>The OUs under <paramref name="parent"/>, and with <paramref name="recurse"/> theirs, depth first, as they are listed.</summary>
    public async IAsyncEnumerable<OrganizationalUnitEntry> UnitsAsync(OrganizationalUnitEntry parent, bool recurse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var child in ChildUnitsAsync(parent, cancellationToken).ConfigureAwait(false))
        {
            yield return child;
            if (!recurse) continue;
            await foreach (var grandChild in UnitsAsync(child, true, cancellationToken).ConfigureAwait(false)) yield return grandChild;
        }
    }

    /// <summary>The accounts directly in <paramref name="parent"/>, and with <paramref name="recurse"/> in every OU below it.</summary>
    public async IAsyncEnumerable<AwsAccount> AccountsAsync(OrganizationalUnitEntry parent, bool recurse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListAccountsForParentRequest { ParentId = parent.OrganizationalUnitId };
        await foreach (var a in _client.PaginateListAccountsForParent(request, cancellationToken).ConfigureAwait(false))
            yield return AwsAccount.From(a, parent.OrganizationalUnitId, parent.Path);
        if (!recurse) yield break;
        await foreach (var child in ChildUnitsAsync(parent, cancellationToken).ConfigureAwait(false))
        await foreach (var a in AccountsAsync(child, true, cancellationToken).ConfigureAwait(false))
            yield return a;
    }

    /// <summary>Every account of the organization, walked from the root so each carries its OU path.</summary>
    public async IAsyncEnumerable<AwsAccount> AllAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var root in RootsAsync(cancellationToken).ConfigureAwait(false))
        await foreach (var a in AccountsAsync(root, true, cancellationToken).ConfigureAwait(false))
            yield return a;
    }

    /// <summary>One account by id, with its OU path (DescribeAccount, then its parents up to the root); null when unknown.</summary>
    public async Task<AwsAccount?> DescribeAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        Account account;
        try
        {
            account = (await _client.DescribeAccountAsync(new DescribeAccountRequest { AccountId = accountId }, cancellationToken).ConfigureAwait(false)).Account!;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "AccountNotFoundException")
        {
            return null;
        }
        var parent = await ParentOfAsync(accountId, cancellationToken).ConfigureAwait(false);
        return AwsAccount.From(account, parent.OrganizationalUnitId, parent.Path);
    }

    /// <summary>An account by id or exact name from the session's snapshot, refreshed once when it misses; null when unknown.</summary>
    public async Task<AwsAccount?> FindAccountAsync(string idOrName, CancellationToken cancellationToken)
    {
        var before = _snapshot;
        var snapshot = await SnapshotAsync(refresh: false, cancellationToken).ConfigureAwait(false);
        var found = snapshot.Find(idOrName);
        // A miss in a snapshot walked by an earlier call walks again, so accounts added since are found.
        if (found != null || before == null) return found;
        return (await SnapshotAsync(refresh: true, cancellationToken).ConfigureAwait(false)).Find(idOrName);
    }

    /// <summary>
    /// All OUs and accounts, walked once per session (or again when <paramref name="refresh"/>). Each unit's accounts
    /// are listed while its child OUs are, and sibling subtrees are walked at once (at most
    /// <see cref="WalkConcurrency"/> listings out; the session's rate limiter paces them): a listing's pages must
    /// follow one another, different units' listings need not.
    /// </summary>
    public async Task<OrganizationSnapshot> SnapshotAsync(bool refresh, CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current != null && !refresh) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot != null && (!refresh || !ReferenceEquals(_snapshot, current))) return _snapshot;
            var units = new List<OrganizationalUnitEntry>();
            var accounts = new List<AwsAccount>();
            using var listings = new SemaphoreSlim(WalkConcurrency, WalkConcurrency);
            var roots = await RootsAsync(cancellationToken).ToListAsync().ConfigureAwait(false);
            foreach (var tree in await Task.WhenAll(roots.Select(r => WalkAsync(r, listings, cancellationToken))).ConfigureAwait(false))
            {
                units.AddRange(tree.Units);
                accounts.AddRange(tree.Accounts);
            }
            return _snapshot = new OrganizationSnapshot(units, accounts, DateTimeOffset.UtcNow);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Listings out at once while the snapshot is walked.</summary>
    public const int WalkConcurrency = 8;

    /// <summary>A unit and the units below it, depth first, and their accounts in that order.</summary>
    private async Task<(List<OrganizationalUnitEntry> Units, List<AwsAccount> Accounts)> WalkAsync(OrganizationalUnitEntry unit, SemaphoreSlim listings, CancellationToken cancellationToken)
    {
        var ownAccounts = Listed(listings, async () =>
        {
            var found = new List<AwsAccount>();
            var request = new ListAccountsForParentRequest { ParentId = unit.OrganizationalUnitId };
            await foreach (var a in _client.PaginateListAccountsForParent(request, cancellationToken).ConfigureAwait(false))
                found.Add(AwsAccount.From(a, unit.OrganizationalUnitId, unit.Path));
            return found;
        }, cancellationToken);
        (List<OrganizationalUnitEntry> Units, List<AwsAccount> Accounts)[] subtrees;
        try
        {
            var children = await Listed(listings, () => ChildUnitsAsync(unit, cancellationToken).ToListAsync(), cancellationToken).ConfigureAwait(false);
            subtrees = await Task.WhenAll(children.Select(c => WalkAsync(c, listings, cancellationToken))).ConfigureAwait(false);
        }
        catch
        {
            // The walk fails with the first error; the unit's own listing is still waited for, so none is left running.
            try { await ownAccounts.ConfigureAwait(false); } catch { }
            throw;
        }
        var units = new List<OrganizationalUnitEntry> { unit };
        var accounts = await ownAccounts.ConfigureAwait(false);
        foreach (var subtree in subtrees)
        {
            units.AddRange(subtree.Units);
            accounts.AddRange(subtree.Accounts);
        }
        return (units, accounts);
    }

    private static async Task<T> Listed<T>(SemaphoreSlim listings, Func<Task<T>> list, CancellationToken cancellationToken)
    {
        await listings.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return await list().ConfigureAwait(false); }
        finally { listings.Release(); }
    }

    /// <summary>The management account's id (DescribeOrganization); null when the caller is not in an organization.</summary>
    public async Task<string?> ManagementAccountIdAsync(CancellationToken cancellationToken)
    {
        if (_managementAccountKnown) return _managementAccountId;
        try
        {
            var org = await _client.DescribeOrganizationAsync(new DescribeOrganizationRequest(), cancellationToken).ConfigureAwait(false);
            _managementAccountId = org.Organization?.MasterAccountId;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "AWSOrganizationsNotInUseException")
        {
            _managementAccountId = null;
        }
        _managementAccountKnown = true;
        return _managementAccountId;
    }

    private async IAsyncEnumerable<OrganizationalUnitEntry> ChildUnitsAsync(OrganizationalUnitEntry parent, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListOrganizationalUnitsForParentRequest { ParentId = parent.OrganizationalUnitId };
        await foreach (var ou in _client.PaginateListOrganizationalUnitsForParent(request, cancellationToken).ConfigureAwait(false))
        {
            var name = ou.Name ?? ou.Id ?? "";
            yield return new OrganizationalUnitEntry
            {
                OrganizationalUnitId = ou.Id ?? "", Name = name, Path = OrganizationalUnitEntry.ChildPath(parent.Path, name),
                ParentId = parent.OrganizationalUnitId, Arn = ou.Arn, Depth = parent.Depth + 1,
            };
        }
    }

    private async Task<OrganizationalUnitEntry> DescribeUnitAsync(string id, CancellationToken cancellationToken)
    {
        OrganizationalUnit ou;
        try
        {
            ou = (await _client.DescribeOrganizationalUnitAsync(new DescribeOrganizationalUnitRequest { OrganizationalUnitId = id }, cancellationToken).ConfigureAwait(false)).OrganizationalUnit!;
        }
        catch (AwsServiceException e) when (e.ErrorCode is "OrganizationalUnitNotFoundException" or "InvalidInputException")
        {
            throw new OrganizationalUnitNotFoundException(id, e.AwsMessage);
        }
        var parent = await ParentOfAsync(id, cancellationToken).ConfigureAwait(false);
        var name = ou.Name ?? id;
        return new OrganizationalUnitEntry
        {
            OrganizationalUnitId = ou.Id ?? id, Name = name, Path = OrganizationalUnitEntry.ChildPath(parent.Path, name),
            ParentId = parent.OrganizationalUnitId, Arn = ou.Arn, Depth = parent.Depth + 1,
        };
    }

    private async Task<OrganizationalUnitEntry> ParentOfAsync(string childId, CancellationToken cancellationToken)
    {
        Parent? parent = null;
        await foreach (var p in _client.PaginateListParents(new ListParentsRequest { ChildId = childId }, cancellationToken).ConfigureAwait(false))
        {
            parent = p;
            break;
        }
        if (parent?.Id == null) throw new OrganizationalUnitNotFoundException(childId, "it has no parent");
        if (parent.Type == "ROOT")
        {
            await foreach (var root in RootsAsync(cancellationToken).ConfigureAwait(false))
                if (root.OrganizationalUnitId == parent.Id) return root;
        }
        return await DescribeUnitAsync(parent.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An OU path or id that names nothing in the organization.</summary>
public sealed class OrganizationalUnitNotFoundException : Exception
{
    public OrganizationalUnitNotFoundException(string pathOrId, string why)
        : base($"No organizational unit '{pathOrId}': {why}. Paths look like /Root/Workloads/Prod; ids like ou-ab12-cd34ef56.") => PathOrId = pathOrId;

    public string PathOrId { get; }
}
