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
/// Creating and deleting one account assignment, and waiting for AWS to finish it. Both calls are asynchronous in
/// AWS: they return a request id whose status moves from IN_PROGRESS to SUCCEEDED or FAILED.
/// </summary>
public static class AccountAssignmentCalls
{
    public const string InProgress = "IN_PROGRESS";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    public static async Task<AccountAssignmentOperationStatus> StartCreateAsync(IdcSession session, AssignmentKey key, CancellationToken cancellationToken)
    {
        var response = await session.Connection.SsoAdmin.CreateAccountAssignmentAsync(new CreateAccountAssignmentRequest
        {
            InstanceArn = session.InstanceArn,
            TargetId = key.AccountId,
            TargetType = "AWS_ACCOUNT",
            PermissionSetArn = key.PermissionSetArn,
            PrincipalType = key.PrincipalKind.ToAws(),
            PrincipalId = key.PrincipalId,
        }, async ct => await ExistsAsync(session, key, ct).ConfigureAwait(false) ? new CreateAccountAssignmentResponse { AccountAssignmentCreationStatus = Done(key) } : null,
            cancellationToken).ConfigureAwait(false);
        return response.AccountAssignmentCreationStatus!;
    }

    public static async Task<AccountAssignmentOperationStatus> StartDeleteAsync(IdcSession session, AssignmentKey key, CancellationToken cancellationToken)
    {
        var response = await session.Connection.SsoAdmin.DeleteAccountAssignmentAsync(new DeleteAccountAssignmentRequest
        {
            InstanceArn = session.InstanceArn,
            TargetId = key.AccountId,
            TargetType = "AWS_ACCOUNT",
            PermissionSetArn = key.PermissionSetArn,
            PrincipalType = key.PrincipalKind.ToAws(),
            PrincipalId = key.PrincipalId,
        }, async ct => await ExistsAsync(session, key, ct).ConfigureAwait(false) ? null : new DeleteAccountAssignmentResponse { AccountAssignmentDeletionStatus = Done(key) },
            cancellationToken).ConfigureAwait(false);
        return response.AccountAssignmentDeletionStatus!;
    }

    // After a lost reply the assignment is looked up before the request is sent again: some backends keep duplicates.
    private static async Task<bool> ExistsAsync(IdcSession session, AssignmentKey key, CancellationToken cancellationToken) =>
        (await ExistingAssignments.ForPairAsync(session, key.AccountId, key.PermissionSetArn, cancellationToken).ConfigureAwait(false)).Contains(key);

    /// <summary>The status of a request whose reply was lost but whose effect is in place (its request id is unknown).</summary>
    private static AccountAssignmentOperationStatus Done(AssignmentKey key) => new()
    {
        Status = Succeeded, TargetId = key.AccountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = key.PermissionSetArn,
        PrincipalType = key.PrincipalKind.ToAws(), PrincipalId = key.PrincipalId,
    };

    /// <summary>
    /// One page (up to 100) of the instance's recent creation or deletion requests with their statuses: one call
    /// that can answer many outstanding requests. It carries no failure reason; describe a FAILED one for that.
    /// </summary>
    public static async Task<IReadOnlyList<(string RequestId, string Status)>> ListRecentStatusesAsync(IdcSession session, bool deletion, CancellationToken cancellationToken)
    {
        var sso = session.Connection.SsoAdmin;
        var page = deletion
            ? (await sso.ListAccountAssignmentDeletionStatusAsync(new ListAccountAssignmentDeletionStatusRequest { InstanceArn = session.InstanceArn, MaxResults = 100 }, cancellationToken)
                .ConfigureAwait(false)).AccountAssignmentsDeletionStatus
            : (await sso.ListAccountAssignmentCreationStatusAsync(new ListAccountAssignmentCreationStatusRequest { InstanceArn = session.InstanceArn, MaxResults = 100 }, cancellationToken)
                .ConfigureAwait(false)).AccountAssignmentsCreationStatus;
        return (page ?? new List<AccountAssignmentOperationStatusMetadata>()).Select(m => (m.RequestId ?? "", m.Status ?? "")).ToList();
    }

    /// <summary>Polls until the request has SUCCEEDED or FAILED; a timeout raises <see cref="StatusTimeoutException{T}"/>.</summary>
    public static Task<AccountAssignmentOperationStatus> WaitAsync(IdcSession session, AccountAssignmentOperationStatus started, bool deletion, CancellationToken cancellationToken)
        => WaitAsync(session, started, deletion, session.Polling, cancellationToken);

    /// <summary>Polls with the given interval and timeout instead of the session's.</summary>
    public static Task<AccountAssignmentOperationStatus> WaitAsync(IdcSession session, AccountAssignmentOperationStatus started, bool deletion, PollOptions polling, CancellationToken cancellationToken)
        => WaitAsync(session, started, deletion, polling, null, cancellationToken);

    /// <summary>
    /// For a request accepted just now: the first status read waits for the session's learned completion time of
    /// creations or deletions, so a request usually costs one read.
    /// </summary>
    public static Task<AccountAssignmentOperationStatus> WaitJustStartedAsync(IdcSession session, AccountAssignmentOperationStatus started, bool deletion, PollOptions polling, CancellationToken cancellationToken)
        => WaitAsync(session, started, deletion, polling,
            session.Completions.For(deletion ? CompletionEstimates.AssignmentDeletion : CompletionEstimates.AssignmentCreation, polling), cancellationToken);

    private static Task<AccountAssignmentOperationStatus> WaitAsync(IdcSession session, AccountAssignmentOperationStatus started, bool deletion, PollOptions polling,
        CompletionEstimate? estimate, CancellationToken cancellationToken)
    {
        if (started.Status != InProgress) return Task.FromResult(started);
        var requestId = started.RequestId!;
        return StatusPoller.UntilDoneAsync(async ct => deletion
                ? (await session.Connection.SsoAdmin.DescribeAccountAssignmentDeletionStatusAsync(new DescribeAccountAssignmentDeletionStatusRequest
                    { InstanceArn = session.InstanceArn, AccountAssignmentDeletionRequestId = requestId }, ct).ConfigureAwait(false)).AccountAssignmentDeletionStatus!
                : (await session.Connection.SsoAdmin.DescribeAccountAssignmentCreationStatusAsync(new DescribeAccountAssignmentCreationStatusRequest
                    { InstanceArn = session.InstanceArn, AccountAssignmentCreationRequestId = requestId }, ct).ConfigureAwait(false)).AccountAssignmentCreationStatus!,
            s => s.Status != InProgress, polling, estimate, cancellationToken);
    }
}
