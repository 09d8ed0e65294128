using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// Reads permission sets in full. A set's parts live behind separate calls (policies, inline policy, boundary, tags,
/// provisioning), so they are fetched concurrently; listings describe several sets at once and stream them in order.
/// Given a writer for unreadable details, a part that cannot be read (a call the role may not make, or one the service
/// lacks) becomes one warning naming it and why, its property stays empty and <see cref="IdcPermissionSet.Detail"/>
/// leaves it out; without one the failure is thrown, because a planner must not take an unread boundary for none.
/// </summary>
public sealed class PermissionSetReader
{
    /// <summary>Sets read at once while listing: enough to overlap round trips, well under the shared request budget.</summary>
    private const int ListConcurrency = 8;
    private readonly IdcSession _session;
    private readonly IOutputWriter? _unreadableDetails;

    public PermissionSetReader(IdcSession session, IOutputWriter? unreadableDetails = null)
    {
        _session = session;
        _unreadableDetails = unreadableDetails;
    }

    private SsoAdmin.SsoAdminClient Client => _session.Connection.SsoAdmin;

    /// <summary>One set by ARN; <see cref="AwsNotFoundException"/> when it does not exist.</summary>
    public async Task<IdcPermissionSet> ReadAsync(string permissionSetArn, PermissionSetDetail detail, CancellationToken cancellationToken)
    {
        var described = await Client.DescribePermissionSetAsync(new DescribePermissionSetRequest
            { InstanceArn = _session.InstanceArn, PermissionSetArn = permissionSetArn }, cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(described.PermissionSet!, detail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every set whose name passes <paramref name="nameFilter"/>, streamed in AWS's order.</summary>
    public async IAsyncEnumerable<IdcPermissionSet> ListAsync(Func<string, bool> nameFilter, PermissionSetDetail detail,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new List<string>(ListConcurrency);
        await foreach (var arn in _session.PermissionSets.ListArnsAsync(cancellationToken).ConfigureAwait(false))
        {
            window.Add(arn);
            if (window.Count < ListConcurrency) continue;
            foreach (var set in await ReadWindowAsync(window, nameFilter, detail, cancellationToken).ConfigureAwait(false)) yield return set;
            window.Clear();
        }
        foreach (var set in await ReadWindowAsync(window, nameFilter, detail, cancellationToken).ConfigureAwait(false)) yield return set;
    }

    private async Task<IEnumerable<IdcPermissionSet>> ReadWindowAsync(IReadOnlyList<string> arns, Func<string, bool> nameFilter,
        PermissionSetDetail detail, CancellationToken cancellationToken)
    {
        var sets = await Task.WhenAll(arns.Select(async arn =>
        {
            var described = (await Client.DescribePermissionSetAsync(new DescribePermissionSetRequest
                { InstanceArn = _session.InstanceArn, PermissionSetArn = arn }, cancellationToken).ConfigureAwait(false)).PermissionSet!;
            return nameFilter(described.Name ?? "") ? await CompleteAsync(described, detail, cancellationToken).ConfigureAwait(false) : null;
        })).ConfigureAwait(false);
        return sets.Where(s => s != null).Select(s => s!);
    }

    private async Task<IdcPermissionSet> CompleteAsync(PermissionSet described, PermissionSetDetail detail, CancellationToken cancellationToken)
    {
        var arn = described.PermissionSetArn!;
        _session.PermissionSets.Learn(described.Name!, arn);
        var set = new IdcPermissionSet
        {
            Name = described.Name!,
            PermissionSetArn = arn,
            Description = described.Description,
            SessionDuration = Iso8601Duration.Format(ParseDuration(described.SessionDuration)),
            RelayState = string.IsNullOrEmpty(described.RelayState) ? null : described.RelayState,
            CreatedDate = described.CreatedDate,
            InstanceArn = _session.InstanceArn,
            Detail = detail,
        };
        var work = new List<Task>();
        void Read(PermissionSetDetail part, string property, Func<Task> read) =>
            work.Add(ReadPartAsync(set, part, property, read, cancellationToken));
        if (detail.HasFlag(PermissionSetDetail.Policies))
        {
            Read(PermissionSetDetail.Policies, nameof(set.ManagedPolicies), async () => set.ManagedPolicies = await ManagedPoliciesAsync(arn, cancellationToken).ConfigureAwait(false));
            Read(PermissionSetDetail.Policies, nameof(set.CustomerManagedPolicies), async () => set.CustomerManagedPolicies = await CustomerManagedPoliciesAsync(arn, cancellationToken).ConfigureAwait(false));
            Read(PermissionSetDetail.Policies, nameof(set.InlinePolicy), async () => set.InlinePolicy = await InlinePolicyAsync(arn, cancellationToken).ConfigureAwait(false));
        }
        if (detail.HasFlag(PermissionSetDetail.PermissionsBoundary))
            Read(PermissionSetDetail.PermissionsBoundary, nameof(set.PermissionsBoundary), async () => set.PermissionsBoundary = await BoundaryAsync(arn, cancellationToken).ConfigureAwait(false));
        if (detail.HasFlag(PermissionSetDetail.Tags))
            Read(PermissionSetDetail.Tags, nameof(set.Tags), async () => set.Tags = await TagsAsync(arn, cancellationToken).ConfigureAwait(false));
        if (detail.HasFlag(PermissionSetDetail.Provisioning))
        {
            Read(PermissionSetDetail.Provisioning, nameof(set.ProvisionedAccounts), async () => set.ProvisionedAccounts = await AccountsAsync(arn, null, cancellationToken).ConfigureAwait(false));
            Read(PermissionSetDetail.Provisioning, nameof(set.OutdatedAccounts), async () => set.OutdatedAccounts = await AccountsAsync(arn, ProvisioningStatusValues.LatestPermissionSetNotProvisioned, cancellationToken).ConfigureAwait(false));
        }
        await Task.WhenAll(work).ConfigureAwait(false);
        return set;
    }

    /// <summary>Reads one part on its own thread; with a writer for unreadable details, a failure is a warning, not an error.</summary>
    private async Task ReadPartAsync(IdcPermissionSet set, PermissionSetDetail part, string property, Func<Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(read, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (_unreadableDetails != null && e is not OperationCanceledException)
        {
            lock (set) set.Detail &= ~part;
            _unreadableDetails.WriteWarning($"Permission set '{set.Name}': {property} could not be read and is left empty. {e.Message}");
        }
    }

    internal async Task<IReadOnlyList<AwsManagedPolicy>> ManagedPoliciesAsync(string arn, CancellationToken cancellationToken)
    {
        var list = new List<AwsManagedPolicy>();
        await foreach (var p in PolicyListings.ManagedPoliciesAsync(_session, arn, cancellationToken).ConfigureAwait(false))
            list.Add(new AwsManagedPolicy(p.Name ?? AwsManagedPolicy.FromArn(p.Arn).Name, p.Arn));
        return list;
    }

    internal async Task<IReadOnlyList<CustomerManagedPolicyName>> CustomerManagedPoliciesAsync(string arn, CancellationToken cancellationToken)
    {
        var list = new List<CustomerManagedPolicyName>();
        await foreach (var p in PolicyListings.CustomerManagedPoliciesAsync(_session, arn, cancellationToken).ConfigureAwait(false))
            list.Add(new CustomerManagedPolicyName(p.Name, p.Path));
        return list;
    }

    internal async Task<string?> InlinePolicyAsync(string arn, CancellationToken cancellationToken)
    {
        var r = await Client.GetInlinePolicyForPermissionSetAsync(new GetInlinePolicyForPermissionSetRequest
            { InstanceArn = _session.InstanceArn, PermissionSetArn = arn }, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(r.InlinePolicy) ? null : r.InlinePolicy;
    }

    /// <summary>The boundary, or null: AWS answers ResourceNotFoundException for a set without one.</summary>
    internal async Task<PermissionsBoundaryPolicy?> BoundaryAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            var r = await Client.GetPermissionsBoundaryForPermissionSetAsync(new GetPermissionsBoundaryForPermissionSetRequest
                { InstanceArn = _session.InstanceArn, PermissionSetArn = arn }, cancellationToken).ConfigureAwait(false);
            var b = r.PermissionsBoundary;
            if (b?.ManagedPolicyArn != null) return PermissionsBoundaryPolicy.Managed(AwsManagedPolicy.FromArn(b.ManagedPolicyArn));
            if (b?.CustomerManagedPolicyReference?.Name != null)
                return PermissionsBoundaryPolicy.CustomerManaged(new CustomerManagedPolicyName(b.CustomerManagedPolicyReference.Name, b.CustomerManagedPolicyReference.Path));
            return null;
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    internal async Task<IReadOnlyDictionary<string, string>> TagsAsync(string arn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var t in Client.PaginateListTagsForResource(new ListTagsForResourceRequest
            { InstanceArn = _session.InstanceArn, ResourceArn = arn }, cancellationToken).ConfigureAwait(false))
            tags[t.Key!] = t.Value ?? "";
        return tags;
    }

    /// <summary>The accounts the set is provisioned to; with a status, only those holding (or not) its latest version.</summary>
    public async Task<IReadOnlyList<string>> AccountsAsync(string arn, string? provisioningStatus, CancellationToken cancellationToken)
    {
        var accounts = new List<string>();
        await foreach (var a in ProvisioningListings.AccountsOfAsync(_session, arn, provisioningStatus, cancellationToken).ConfigureAwait(false))
            accounts.Add(a);
        return accounts;
    }

    /// <summary>AWS writes durations in ISO 8601 ("PT1H"); a missing one is the default hour.</summary>
    internal static TimeSpan ParseDuration(string? value) =>
        Iso8601Duration.TryParse(value, out var d) ? d : PermissionSetValidator.DefaultSessionDuration;
}
