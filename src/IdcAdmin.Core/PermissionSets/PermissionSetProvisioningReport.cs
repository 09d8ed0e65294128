using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// Which permission sets are out of date in which accounts (changed since they were last provisioned there), and
/// the provisioning requests AWS remembers, with the reason of those that failed.
/// </summary>
public sealed class PermissionSetProvisioningReport
{
    private readonly IdcSession _session;

    public PermissionSetProvisioningReport(IdcSession session) => _session = session;

    private SsoAdmin.SsoAdminClient Client => _session.Connection.SsoAdmin;

    /// <summary>The accounts of one set; only the outdated ones unless <paramref name="includeCurrent"/>.</summary>
    public async IAsyncEnumerable<PermissionSetAccountProvisioning> ForPermissionSetAsync(string permissionSetArn, bool includeCurrent,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = await _session.PermissionSets.GetNameAsync(permissionSetArn, cancellationToken).ConfigureAwait(false);
        var outdated = new HashSet<string>();
        await foreach (var account in Accounts(permissionSetArn, ProvisioningStatusValues.LatestPermissionSetNotProvisioned, cancellationToken).ConfigureAwait(false))
        {
            outdated.Add(account);
            yield return Entry(name, permissionSetArn, account, ProvisioningStatusValues.LatestPermissionSetNotProvisioned);
        }
        if (!includeCurrent) yield break;
        await foreach (var account in Accounts(permissionSetArn, ProvisioningStatusValues.LatestPermissionSetProvisioned, cancellationToken).ConfigureAwait(false))
            if (!outdated.Contains(account)) yield return Entry(name, permissionSetArn, account, ProvisioningStatusValues.LatestPermissionSetProvisioned);
    }

    /// <summary>The sets provisioned to one account; only the outdated ones unless <paramref name="includeCurrent"/>.</summary>
    public async IAsyncEnumerable<PermissionSetAccountProvisioning> ForAccountAsync(string accountId, bool includeCurrent,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var outdated = new HashSet<string>();
        await foreach (var arn in Sets(accountId, ProvisioningStatusValues.LatestPermissionSetNotProvisioned, cancellationToken).ConfigureAwait(false))
        {
            outdated.Add(arn);
            var name = await _session.PermissionSets.GetNameAsync(arn, cancellationToken).ConfigureAwait(false);
            yield return Entry(name, arn, accountId, ProvisioningStatusValues.LatestPermissionSetNotProvisioned);
        }
        if (!includeCurrent) yield break;
        await foreach (var arn in Sets(accountId, ProvisioningStatusValues.LatestPermissionSetProvisioned, cancellationToken).ConfigureAwait(false))
        {
            if (outdated.Contains(arn)) continue;
            var name = await _session.PermissionSets.GetNameAsync(arn, cancellationToken).ConfigureAwait(false);
            yield return Entry(name, arn, accountId, ProvisioningStatusValues.LatestPermissionSetProvisioned);
        }
    }

    /// <summary>Recent provisioning requests (AWS keeps them for a while), filtered by status, each described for its account and reason.</summary>
    public async IAsyncEnumerable<PermissionSetProvisioningResult> RequestsAsync(ProvisioningRequestStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListPermissionSetProvisioningStatusRequest
        {
            InstanceArn = _session.InstanceArn,
            MaxResults = 100,
            Filter = status is { } wanted ? new OperationStatusFilter { Status = WireStatus(wanted) } : null,
        };
        await foreach (var metadata in Client.PaginateListPermissionSetProvisioningStatus(request, cancellationToken).ConfigureAwait(false))
            yield return await DescribeAsync(metadata.RequestId!, cancellationToken).ConfigureAwait(false);
    }

    private static string WireStatus(ProvisioningRequestStatus status) => status switch
    {
        ProvisioningRequestStatus.Failed => StatusValuesValues.Failed,
        ProvisioningRequestStatus.Succeeded => StatusValuesValues.Succeeded,
        _ => StatusValuesValues.InProgress,
    };

    /// <summary>One request by id: its account, status and, when it failed, why.</summary>
    public async Task<PermissionSetProvisioningResult> DescribeAsync(string requestId, CancellationToken cancellationToken)
    {
        var s = (await Client.DescribePermissionSetProvisioningStatusAsync(new DescribePermissionSetProvisioningStatusRequest
            { InstanceArn = _session.InstanceArn, ProvisionPermissionSetRequestId = requestId }, cancellationToken).ConfigureAwait(false)).PermissionSetProvisioningStatus!;
        var name = s.PermissionSetArn != null ? await _session.PermissionSets.GetNameAsync(s.PermissionSetArn, cancellationToken).ConfigureAwait(false) : null;
        return PermissionSetProvisioner.ToResult(s, name, s.PermissionSetArn, s.AccountId);
    }

    private IAsyncEnumerable<string> Accounts(string arn, string status, CancellationToken ct) =>
        ProvisioningListings.AccountsOfAsync(_session, arn, status, ct);

    private IAsyncEnumerable<string> Sets(string accountId, string status, CancellationToken ct) =>
        ProvisioningListings.PermissionSetsOnAsync(_session, accountId, status, ct);

    private static PermissionSetAccountProvisioning Entry(string name, string arn, string account, string status) => new()
        { Name = name, PermissionSetArn = arn, AccountId = account, ProvisioningStatus = status };
}
