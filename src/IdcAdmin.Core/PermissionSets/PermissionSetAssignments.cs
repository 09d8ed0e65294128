using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// Where a permission set is assigned, and revoking all of it before the set is deleted (AWS refuses to delete a set
/// that is still provisioned through assignments).
/// </summary>
public sealed class PermissionSetAssignments
{
    /// <summary>AWS allows at most 10 assignment deletions outstanding.</summary>
    private const int MaxOutstanding = 10;
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public PermissionSetAssignments(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    /// <summary>Every assignment of the set: the accounts it is provisioned to, then the principals assigned in each.</summary>
    public async Task<IReadOnlyList<AssignmentKey>> FindAsync(string permissionSetArn, CancellationToken cancellationToken)
    {
        var keys = new List<AssignmentKey>();
        await foreach (var account in ProvisioningListings.AccountsOfAsync(_session, permissionSetArn, null, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var key in AssignmentListings.ForPairAsync(_session, account, permissionSetArn, cancellationToken).ConfigureAwait(false))
                keys.Add(key);
        }
        return keys;
    }

    /// <summary>"USER alice in 111122223333" lines for an error message; ids stay when a name cannot be found.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(IEnumerable<AssignmentKey> keys, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var key in keys)
        {
            string name;
            try { name = await _session.Principals.GetNameAsync(key.PrincipalKind, key.PrincipalId, cancellationToken).ConfigureAwait(false); }
            catch (Aws.AwsServiceException) { name = key.PrincipalId; }
            lines.Add($"{key.PrincipalKind.ToString().ToLowerInvariant()} {name} in account {key.AccountId}");
        }
        return lines;
    }

    /// <summary>
    /// Revokes every assignment and waits; throws naming those AWS refused, after trying all. One deletion status
    /// listing answers every request on its page (as for Revoke-IdcAccountAccess); a request it shows FAILED, or does
    /// not show, is described on its own.
    /// </summary>
    public async Task RevokeAllAsync(IReadOnlyList<AssignmentKey> keys, string permissionSetName, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(MaxOutstanding);
        var board = new StatusBoard(ct => AccountAssignmentCalls.ListRecentStatusesAsync(_session, deletion: true, ct),
            _session.Completions.For(CompletionEstimates.AssignmentDeletion, _session.Polling), _session.Polling, cancellationToken);
        var done = 0;
        var failures = new List<string>();
        await Task.WhenAll(keys.Select(async key =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var started = await AccountAssignmentCalls.StartDeleteAsync(_session, key, cancellationToken).ConfigureAwait(false);
                var listed = started.Status != AccountAssignmentCalls.InProgress ? started.Status
                    : string.IsNullOrEmpty(started.RequestId) ? null
                    : await board.WaitAsync(started.RequestId!).ConfigureAwait(false);
                if (listed == AccountAssignmentCalls.InProgress)
                    throw new StatusTimeoutException<string>(listed, _session.Polling.Timeout);
                var status = listed == AccountAssignmentCalls.Succeeded
                    ? new SsoAdmin.Model.AccountAssignmentOperationStatus { Status = listed, RequestId = started.RequestId }
                    : await AccountAssignmentCalls.WaitAsync(_session, started, deletion: true, cancellationToken).ConfigureAwait(false);
                if (status.Status == AccountAssignmentCalls.Failed)
                    lock (failures) failures.Add($"{key.PrincipalKind} {key.PrincipalId} in {key.AccountId}: {status.FailureReason}");
            }
            catch (Aws.AwsNotFoundException)
            {
                // Already revoked (a retry after a lost reply, or someone else): the goal is reached.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (failures) failures.Add($"{key.PrincipalKind} {key.PrincipalId} in {key.AccountId}: {e.Message}");
            }
            finally
            {
                gate.Release();
                var n = Interlocked.Increment(ref done);
                _output.WriteProgress(new ProgressReport(41, $"Revoking the assignments of {permissionSetName}", $"{n} of {keys.Count}", n * 100 / Math.Max(1, keys.Count)));
            }
        })).ConfigureAwait(false);
        _output.WriteProgress(new ProgressReport(41, $"Revoking the assignments of {permissionSetName}", "Done", 100, completed: true));
        if (failures.Count > 0)
            throw new InvalidOperationException($"{failures.Count} of {keys.Count} assignments of {permissionSetName} could not be revoked, so the permission set was kept: {string.Join("; ", failures)}");
    }
}

/// <summary>Deleting a permission set that is still assigned: says where, and how to go on.</summary>
public sealed class PermissionSetInUseException : InvalidOperationException
{
    public PermissionSetInUseException(string permissionSetName, IReadOnlyList<AssignmentKey> assignments, IReadOnlyList<string> where)
        : base($"Permission set {permissionSetName} is still assigned ({assignments.Count}): {string.Join("; ", where.Take(20))}{(where.Count > 20 ? $"; and {where.Count - 20} more" : "")}. "
            + "Revoke those assignments first, or use -RemoveAssignments to revoke them and then delete the set.")
    {
        PermissionSetName = permissionSetName;
        Assignments = assignments;
    }

    public string PermissionSetName { get; }
    public IReadOnlyList<AssignmentKey> Assignments { get; }
}
