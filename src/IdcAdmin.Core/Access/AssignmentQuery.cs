using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Lists existing assignments with names resolved, by the cheapest path AWS offers: per principal
/// (ListAccountAssignmentsForPrincipal), per account (only the permission sets provisioned to it), or per permission
/// set (only the accounts it is provisioned to); never every account × permission set pair. Given a writer for
/// unreadable details, a permission set or principal whose name cannot be read leaves that name empty after one
/// warning for it, and the listing goes on.
/// </summary>
public sealed class AssignmentQuery
{
    private readonly IdcSession _session;
    private readonly IOutputWriter? _unreadableDetails;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private OrganizationSnapshot? _snapshot;

    public AssignmentQuery(IdcSession session, IOutputWriter? unreadableDetails = null)
    {
        _session = session;
        _unreadableDetails = unreadableDetails;
    }

    /// <summary>The names the last run could not resolve: to report; the rest was answered.</summary>
    public IReadOnlyList<ResolutionError> Unresolved { get; private set; } = Array.Empty<ResolutionError>();

    public async IAsyncEnumerable<AccountAssignmentEntry> StreamAsync(AssignmentFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resolver = new AccessResolver(_session);
        await resolver.ResolveAsync(filter.Principals, filter.PermissionSets, filter.Accounts, cancellationToken).ConfigureAwait(false);
        Unresolved = resolver.Errors;
        if (!resolver.EachFilterKeptAValue(filter.Principals, filter.PermissionSets, filter.Accounts)) yield break;
        var permissionSets = filter.PermissionSets.Select(resolver.PermissionSet).OfType<ResolvedPermissionSet>().Select(p => p.Arn).Distinct().ToList();
        var accounts = filter.Accounts.Select(resolver.Account).OfType<AwsAccount>().Select(a => a.AccountId).Distinct().ToList();
        var psFilter = new HashSet<string>(permissionSets, StringComparer.Ordinal);
        var accountFilter = new HashSet<string>(accounts, StringComparer.Ordinal);

        if (filter.Principals.Count > 0)
        {
            var seen = new HashSet<(AssignmentKey, string?)>();
            foreach (var principal in filter.Principals.Select(resolver.Principal).OfType<ResolvedPrincipal>().GroupBy(p => p.Id).Select(g => g.First()))
            {
                await foreach (var e in ForPrincipalAsync(principal.Kind, principal.Id, null, accounts, psFilter, accountFilter, cancellationToken).ConfigureAwait(false))
                    if (seen.Add((e.Key, e.MemberUserName))) yield return e;
                if (!filter.IncludeGroups || principal.Kind != PrincipalKind.User) continue;
                await foreach (var groupId in GroupsOfAsync(principal.Id, cancellationToken).ConfigureAwait(false))
                await foreach (var e in ForPrincipalAsync(PrincipalKind.Group, groupId, principal.Name, accounts, psFilter, accountFilter, cancellationToken).ConfigureAwait(false))
                    if (seen.Add((e.Key, e.MemberUserName))) yield return e;
            }
            yield break;
        }

        if (accounts.Count == 0 && permissionSets.Count > 0)
        {
            foreach (var arn in permissionSets)
            {
                await foreach (var accountId in ProvisioningListings.AccountsOfAsync(_session, arn, null, cancellationToken).ConfigureAwait(false))
                await foreach (var e in ForPairAsync(accountId, arn, cancellationToken).ConfigureAwait(false))
                    yield return e;
            }
            yield break;
        }

        IEnumerable<string> accountIds = accounts;
        if (accounts.Count == 0) accountIds = (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Accounts.Select(a => a.AccountId).ToList();
        foreach (var accountId in accountIds)
        {
            IEnumerable<string> arns = permissionSets;
            if (permissionSets.Count == 0)
            {
                var provisioned = new List<string>();
                await foreach (var arn in ProvisioningListings.PermissionSetsOnAsync(_session, accountId, null, cancellationToken).ConfigureAwait(false))
                    provisioned.Add(arn);
                arns = provisioned;
            }
            foreach (var arn in arns)
            await foreach (var e in ForPairAsync(accountId, arn, cancellationToken).ConfigureAwait(false))
                yield return e;
        }
    }

    /// <summary>The groups a user belongs to (ListGroupMembershipsForMember).</summary>
    public async IAsyncEnumerable<string> GroupsOfAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var m in MembershipListings.OfUserAsync(_session, userId, cancellationToken).ConfigureAwait(false))
            yield return m.GroupId;
    }

    private async IAsyncEnumerable<AccountAssignmentEntry> ForPrincipalAsync(PrincipalKind kind, string principalId, string? memberUserName, List<string> accounts,
        HashSet<string> psFilter, HashSet<string> accountFilter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var account = accounts.Count == 1 ? accounts[0] : null;
        await foreach (var a in AssignmentListings.ForPrincipalAsync(_session, kind, principalId, account, cancellationToken).ConfigureAwait(false))
        {
            if (psFilter.Count > 0 && !psFilter.Contains(a.PermissionSetArn)) continue;
            if (accountFilter.Count > 0 && !accountFilter.Contains(a.AccountId)) continue;
            var entry = await NameAsync(a.AccountId, a.PermissionSetArn, a.PrincipalKind, a.PrincipalId, cancellationToken).ConfigureAwait(false);
            entry.MemberUserName = memberUserName;
            yield return entry;
        }
    }

    private async IAsyncEnumerable<AccountAssignmentEntry> ForPairAsync(string accountId, string permissionSetArn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var a in AssignmentListings.ForPairAsync(_session, accountId, permissionSetArn, cancellationToken).ConfigureAwait(false))
            yield return await NameAsync(accountId, permissionSetArn, a.PrincipalKind, a.PrincipalId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccountAssignmentEntry> NameAsync(string accountId, string permissionSetArn, PrincipalKind kind, string principalId, CancellationToken cancellationToken) => new()
    {
        AccountId = accountId,
        AccountName = (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).NameOf(accountId),
        PermissionSetArn = permissionSetArn,
        PermissionSetName = await NameOrEmptyAsync(() => _session.PermissionSets.GetNameAsync(permissionSetArn, cancellationToken),
            "PermissionSetName", $"permission set {permissionSetArn}").ConfigureAwait(false),
        PrincipalType = kind,
        PrincipalId = principalId,
        PrincipalName = await NameOrEmptyAsync(() => _session.Principals.GetNameAsync(kind, principalId, cancellationToken),
            "PrincipalName", $"{kind.ToString().ToLowerInvariant()} {principalId}").ConfigureAwait(false),
    };

    /// <summary>A name, or (with a writer for unreadable details) null after one warning per thing that cannot be read.</summary>
    private async Task<string?> NameOrEmptyAsync(Func<Task<string>> read, string property, string what)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Aws.AwsServiceException e) when (_unreadableDetails != null)
        {
            lock (_warned)
                if (!_warned.Add(what)) return null;
            _unreadableDetails.WriteWarning($"The name of {what} could not be read, so {property} is left empty. {e.Message}");
            return null;
        }
    }

    private async Task<OrganizationSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        _snapshot ??= await OrganizationDirectory.For(_session).SnapshotAsync(refresh: false, cancellationToken).ConfigureAwait(false);
}
