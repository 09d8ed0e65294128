using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Sends a batch of assignment requests concurrently, at most <see cref="MaxInFlight"/> outstanding at once (AWS's
/// limit for assignment creations/deletions), each call also paced by the session's shared rate limiter and retried
/// by the transport on throttling and conflicts; then polls each to SUCCEEDED or FAILED. Results stream back as
/// they finish; a failure is a result, never a reason to stop the others.
/// </summary>
public sealed class AssignmentDispatcher
{
    public const int DefaultMaxInFlight = 10;
    private const int ProgressActivityId = 5105;

    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public AssignmentDispatcher(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    /// <summary>Requests outstanding at once, from sending until their status leaves IN_PROGRESS.</summary>
    public int MaxInFlight { get; set; } = DefaultMaxInFlight;

    /// <summary>Return each request as soon as AWS accepted it (status InProgress) instead of waiting for it.</summary>
    public bool NoWait { get; set; }

    /// <summary>How long to wait for each request; the session's polling timeout unless set (a -Timeout of one call).</summary>
    public TimeSpan? Timeout { get; set; }

    private PollOptions Polling => _session.Polling.WithTimeout(Timeout);

    /// <summary>Sends each planned assignment and (unless <see cref="NoWait"/>) waits for it.</summary>
    public IAsyncEnumerable<AccountAssignmentResult> SendAsync(IReadOnlyList<PlannedAssignment> items, AssignmentOperation operation, CancellationToken cancellationToken)
    {
        var activity = operation == AssignmentOperation.Create ? "Granting account access" : "Revoking account access";
        var board = Board(operation == AssignmentOperation.Delete, cancellationToken);
        return RunAsync(items, activity, (item, ct) => SendOneAsync(item, operation, board, ct), cancellationToken);
    }

    /// <summary>
    /// Waits for requests returned earlier as InProgress; results of other statuses pass through unchanged. All are
    /// waited on at once: nothing new is sent, and one status listing of each kind answers every request on its page.
    /// </summary>
    public IAsyncEnumerable<AccountAssignmentResult> WaitAsync(IReadOnlyList<AccountAssignmentResult> pending, CancellationToken cancellationToken)
    {
        var creations = Board(deletion: false, cancellationToken);
        var deletions = Board(deletion: true, cancellationToken);
        // Requests the listings cannot answer are described on their own, no more of them at once than before.
        var describing = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        return RunAsync(pending, "Waiting for account assignments",
            (item, ct) => WaitOneAsync(item, item.Operation == AssignmentOperation.Delete ? deletions : creations, describing, ct), cancellationToken, Math.Max(1, pending.Count));
    }

    private StatusBoard Board(bool deletion, CancellationToken cancellationToken)
    {
        var polling = Polling;
        return new StatusBoard(ct => AccountAssignmentCalls.ListRecentStatusesAsync(_session, deletion, ct),
            _session.Completions.For(deletion ? CompletionEstimates.AssignmentDeletion : CompletionEstimates.AssignmentCreation, polling), polling, cancellationToken);
    }

    private async IAsyncEnumerable<AccountAssignmentResult> RunAsync<T>(IReadOnlyList<T> items, string activity,
        Func<T, CancellationToken, Task<AccountAssignmentResult>> one, [EnumeratorCancellation] CancellationToken cancellationToken, int concurrency = 0)
    {
        if (items.Count == 0) yield break;
        if (concurrency <= 0) concurrency = MaxInFlight;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var done = 0;
        var tasks = items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { return await one(item, cancellationToken).ConfigureAwait(false); }
            finally { slots.Release(); }
        }).ToList();
        _output.WriteProgress(new ProgressReport(ProgressActivityId, activity, $"0 of {items.Count} done", 0));
        foreach (var next in Bounded.InCompletionOrder(tasks))
        {
            var result = await next.ConfigureAwait(false);
            done++;
            _output.WriteProgress(new ProgressReport(ProgressActivityId, activity,
                $"{done} of {items.Count} done; last: {result.PrincipalName ?? result.PrincipalId} on {result.AccountName ?? result.AccountId} {result.Status}", done * 100 / items.Count));
            yield return result;
        }
        _output.WriteProgress(new ProgressReport(ProgressActivityId, activity, "Done", 100, completed: true));
    }

    private async Task<AccountAssignmentResult> SendOneAsync(PlannedAssignment item, AssignmentOperation operation, StatusBoard board, CancellationToken cancellationToken)
    {
        var result = item.ToResult(operation, AssignmentStatus.InProgress);
        var watch = Stopwatch.StartNew();
        AccountAssignmentOperationStatus status;
        try
        {
            status = operation == AssignmentOperation.Create
                ? await AccountAssignmentCalls.StartCreateAsync(_session, item.Key, cancellationToken).ConfigureAwait(false)
                : await AccountAssignmentCalls.StartDeleteAsync(_session, item.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException) when (operation == AssignmentOperation.Delete)
        {
            // Removed by someone else since the plan was made: the wanted state holds.
            result.Status = AssignmentStatus.NotAssigned;
            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            result.Status = AssignmentStatus.Failed;
            result.FailureReason = Reason(e);
            result.Error = e;
            return result;
        }
        _output.WriteVerbose($"{operation} {item.Description}: request {status.RequestId} {status.Status}.");
        if (!NoWait && status.Status == AccountAssignmentCalls.InProgress && !string.IsNullOrEmpty(status.RequestId))
        {
            // The batch's status listings answer most requests; a FAILED one is described for its reason, and one
            // the listings could not tell about is polled on its own.
            var listed = await board.WaitAsync(status.RequestId!).ConfigureAwait(false);
            if (listed is AccountAssignmentCalls.Succeeded or AccountAssignmentCalls.InProgress) status.Status = listed;
            else status = await PollAsync(status, operation == AssignmentOperation.Delete, cancellationToken).ConfigureAwait(false);
        }
        Apply(result, status);
        result.Elapsed = watch.Elapsed;
        return result;
    }

    private async Task<AccountAssignmentResult> WaitOneAsync(AccountAssignmentResult pending, StatusBoard board, SemaphoreSlim describing, CancellationToken cancellationToken)
    {
        if (pending.Status != AssignmentStatus.InProgress || string.IsNullOrEmpty(pending.RequestId)) return pending;
        var watch = Stopwatch.StartNew();
        var status = new AccountAssignmentOperationStatus { Status = AccountAssignmentCalls.InProgress, RequestId = pending.RequestId };
        // As after sending: the listings answer most; a FAILED one is described for its reason, an unlisted one polled.
        var listed = await board.WaitAsync(pending.RequestId!, justAccepted: false).ConfigureAwait(false);
        if (listed is AccountAssignmentCalls.Succeeded or AccountAssignmentCalls.InProgress) status.Status = listed;
        else
        {
            await describing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { status = await PollAsync(status, pending.Operation == AssignmentOperation.Delete, cancellationToken).ConfigureAwait(false); }
            finally { describing.Release(); }
        }
        var result = Copy(pending);
        Apply(result, status);
        result.Elapsed = (pending.Elapsed ?? TimeSpan.Zero) + watch.Elapsed;
        return result;
    }

    /// <summary>Polls to a final status; a timeout leaves the last (IN_PROGRESS) status, for the caller to report and wait on later.</summary>
    private async Task<AccountAssignmentOperationStatus> PollAsync(AccountAssignmentOperationStatus started, bool deletion, CancellationToken cancellationToken)
    {
        try
        {
            return await AccountAssignmentCalls.WaitAsync(_session, started, deletion, Polling, cancellationToken).ConfigureAwait(false);
        }
        catch (StatusTimeoutException<AccountAssignmentOperationStatus> e)
        {
            return e.LastStatus ?? started;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The request was accepted; only its status could not be read. It stays pending, to be waited on again.
            return new AccountAssignmentOperationStatus { Status = AccountAssignmentCalls.InProgress, RequestId = started.RequestId, CreatedDate = started.CreatedDate,
                FailureReason = "The status could not be read: " + Reason(e) };
        }
    }

    private static string Reason(Exception e) => e is AwsServiceException aws ? $"{aws.ErrorCode}: {aws.AwsMessage}" : e.Message;

    private static void Apply(AccountAssignmentResult result, AccountAssignmentOperationStatus status)
    {
        result.RequestId = status.RequestId ?? result.RequestId;
        result.CreatedDate = status.CreatedDate ?? result.CreatedDate;
        result.FailureReason = status.FailureReason;
        result.Status = status.Status switch
        {
            AccountAssignmentCalls.Succeeded => AssignmentStatus.Succeeded,
            AccountAssignmentCalls.Failed => AssignmentStatus.Failed,
            _ => AssignmentStatus.InProgress,
        };
    }

    private static AccountAssignmentResult Copy(AccountAssignmentResult r) => new()
    {
        Operation = r.Operation, Status = r.Status, AccountId = r.AccountId, AccountName = r.AccountName, PermissionSetArn = r.PermissionSetArn,
        PermissionSetName = r.PermissionSetName, PrincipalType = r.PrincipalType, PrincipalId = r.PrincipalId, PrincipalName = r.PrincipalName,
        RequestId = r.RequestId, FailureReason = r.FailureReason, CreatedDate = r.CreatedDate, Elapsed = r.Elapsed,
    };
}
