using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// Pushes a permission set's current version to the accounts that have it, one request per account so that each
/// account gets its own result and failure reason, and waits for them.
/// </summary>
public sealed class PermissionSetProvisioner
{
    /// <summary>
    /// Provisioning requests outstanding at once, as for assignments; a slot is refilled as soon as its request is
    /// read finished, and the shared rate limiter paces the calls.
    /// </summary>
    public const int DefaultMaxInFlight = 10;
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public PermissionSetProvisioner(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    /// <summary>Provisioning requests outstanding at once.</summary>
    public int MaxInFlight { get; set; } = DefaultMaxInFlight;

    /// <summary>The accounts the set is provisioned to: where a re-provisioning is needed after a change.</summary>
    public Task<IReadOnlyList<string>> ProvisionedAccountsAsync(string permissionSetArn, CancellationToken cancellationToken) =>
        new PermissionSetReader(_session).AccountsAsync(permissionSetArn, null, cancellationToken);

    /// <summary>
    /// The accounts a deployment provisions to: those <paramref name="given"/>, or all the set is provisioned to; with
    /// <paramref name="outdatedOnly"/> only those holding an older version of the set than its current one.
    /// </summary>
    public async Task<IReadOnlyList<string>> TargetAccountsAsync(string permissionSetArn, IReadOnlyList<string>? given, bool outdatedOnly, CancellationToken cancellationToken)
    {
        var accounts = given ?? await ProvisionedAccountsAsync(permissionSetArn, cancellationToken).ConfigureAwait(false);
        if (!outdatedOnly) return accounts;
        var outdated = new HashSet<string>(await new PermissionSetReader(_session)
            .AccountsAsync(permissionSetArn, ProvisioningStatusValues.LatestPermissionSetNotProvisioned, cancellationToken).ConfigureAwait(false));
        return accounts.Where(outdated.Contains).ToList();
    }

    /// <summary>
    /// The ids among <paramref name="accountIds"/> that are no account of the organization, checked before anything is
    /// provisioned (AWS would accept the request and fail it later). None when the caller is in no organization.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnknownAccountsAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        var directory = Accounts.OrganizationDirectory.For(_session);
        if (await directory.ManagementAccountIdAsync(cancellationToken).ConfigureAwait(false) == null) return Array.Empty<string>();
        var unknown = new List<string>();
        foreach (var id in accountIds.Distinct())
            if (await directory.FindAccountAsync(id, cancellationToken).ConfigureAwait(false) == null) unknown.Add(id);
        return unknown;
    }

    /// <summary>
    /// Provisions to <paramref name="accountIds"/> and waits for each; results come back in the accounts' order.
    /// A wait that times out gives an IN_PROGRESS result (AWS may still finish it).
    /// </summary>
    public async Task<IReadOnlyList<PermissionSetProvisioningResult>> ProvisionAsync(string permissionSetName, string permissionSetArn,
        IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        var activity = $"Provisioning {permissionSetName}";
        using var gate = new SemaphoreSlim(MaxInFlight);
        var board = new StatusBoard(ListRecentStatusesAsync, _session.Completions.For(CompletionEstimates.Provisioning, _session.Polling), _session.Polling, cancellationToken);
        var done = 0;
        var results = await Task.WhenAll(accountIds.Select(async account =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ProvisionOneAsync(permissionSetName, permissionSetArn, account, board, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
                var n = Interlocked.Increment(ref done);
                _output.WriteProgress(new ProgressReport(42, activity, $"{n} of {accountIds.Count} accounts", n * 100 / Math.Max(1, accountIds.Count)));
            }
        })).ConfigureAwait(false);
        _output.WriteProgress(new ProgressReport(42, activity, "Done", 100, completed: true));
        return results;
    }

    private async Task<PermissionSetProvisioningResult> ProvisionOneAsync(string name, string arn, string account, StatusBoard board, CancellationToken cancellationToken)
    {
        var client = _session.Connection.SsoAdmin;
        var started = (await client.ProvisionPermissionSetAsync(new ProvisionPermissionSetRequest
        {
            InstanceArn = _session.InstanceArn,
            PermissionSetArn = arn,
            TargetType = ProvisionTargetTypeValues.AwsAccount,
            TargetId = account,
        }, cancellationToken).ConfigureAwait(false)).PermissionSetProvisioningStatus!;
        _output.WriteVerbose($"Provisioning {name} to {account}: request {started.RequestId} {started.Status}.");
        var final = started;
        // The batch's status listings answer most requests; a FAILED one is described for its reason.
        var listed = started.Status == StatusValuesValues.InProgress && started.RequestId != null ? await board.WaitAsync(started.RequestId).ConfigureAwait(false) : null;
        if (listed is StatusValuesValues.Succeeded) final.Status = listed;
        else if (listed is StatusValuesValues.InProgress)
            _output.WriteWarning($"Provisioning {name} to {account} is still in progress after {_session.Polling.Timeout}; check it later with Get-IdcPermissionSetProvisioning -RequestId {started.RequestId}.");
        else if (started.Status == StatusValuesValues.InProgress)
        {
            try
            {
                final = await StatusPoller.UntilDoneAsync(
                    async ct => (await client.DescribePermissionSetProvisioningStatusAsync(new DescribePermissionSetProvisioningStatusRequest
                        { InstanceArn = _session.InstanceArn, ProvisionPermissionSetRequestId = started.RequestId }, ct).ConfigureAwait(false)).PermissionSetProvisioningStatus!,
                    s => s.Status != StatusValuesValues.InProgress, _session.Polling, cancellationToken).ConfigureAwait(false);
            }
            catch (StatusTimeoutException<PermissionSetProvisioningStatus> timeout)
            {
                final = timeout.LastStatus;
                _output.WriteWarning($"Provisioning {name} to {account} is still in progress after {_session.Polling.Timeout}; check it later with Get-IdcPermissionSetProvisioning -RequestId {started.RequestId}.");
            }
        }
        return ToResult(final, name, arn, account);
    }

    /// <summary>One page of the instance's recent provisioning requests with their statuses (no failure reasons).</summary>
    private async Task<IReadOnlyList<(string RequestId, string Status)>> ListRecentStatusesAsync(CancellationToken cancellationToken)
    {
        var page = await _session.Connection.SsoAdmin.ListPermissionSetProvisioningStatusAsync(new ListPermissionSetProvisioningStatusRequest
            { InstanceArn = _session.InstanceArn, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
        return (page.PermissionSetsProvisioningStatus ?? new List<PermissionSetProvisioningStatusMetadata>()).Select(m => (m.RequestId ?? "", m.Status ?? "")).ToList();
    }

    internal static PermissionSetProvisioningResult ToResult(PermissionSetProvisioningStatus s, string? name, string? arn, string? account) => new()
    {
        Name = name,
        PermissionSetArn = s.PermissionSetArn ?? arn,
        AccountId = s.AccountId ?? account,
        Status = s.Status ?? "",
        FailureReason = string.IsNullOrEmpty(s.FailureReason) ? null : s.FailureReason,
        RequestId = s.RequestId,
        CreatedDate = s.CreatedDate,
    };
}
