using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>Asynchronous assignment statuses, failures, timeouts and the in-flight limit, over a scripted AWS.</summary>
public sealed class AssignmentDispatcherScriptedTests
{
    private static async Task<List<AccountAssignmentResult>> GrantAsync(IdcSession session, ScriptedAccessBackend backend, Action<AssignmentDispatcher>? configure = null,
        IOutputWriter? output = null)
    {
        output ??= NullOutputWriter.Instance;
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, ScriptedAccessBackend.GroupName) }, new[] { ScriptedAccessBackend.PermissionSetName }, backend.AccountIds);
        var plan = await AssignmentPlanner.PlanAsync(session, requests, AssignmentOperation.Create, false, output, CancellationToken.None);
        Assert.False(plan.HasErrors);
        var dispatcher = new AssignmentDispatcher(session, output);
        configure?.Invoke(dispatcher);
        var results = new List<AccountAssignmentResult>();
        await foreach (var r in dispatcher.SendAsync(plan.ToSend, AssignmentOperation.Create, CancellationToken.None)) results.Add(r);
        return results;
    }

    [Fact]
    public async Task Requests_in_progress_are_polled_until_they_succeed()
    {
        var backend = new ScriptedAccessBackend(accounts: 5) { PollsInProgress = 3 };
        using var session = backend.Session();
        var results = await GrantAsync(session, backend);
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Null(r.FailureReason));
        Assert.All(results, r => Assert.Equal(AssignmentStatus.Succeeded, r.Status));
        Assert.All(results, r => Assert.Equal(ScriptedAccessBackend.PermissionSetName, r.PermissionSetName));
        Assert.All(results, r => Assert.Equal(ScriptedAccessBackend.GroupName, r.PrincipalName));
        // Each listing answers all five requests: each request needed four looks, yet no request was described on its own.
        Assert.InRange(backend.Handler.CountOf("ListAccountAssignmentCreationStatus"), 4, 4 * 5 - 1);
        Assert.Equal(0, backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus"));
    }

    [Fact]
    public async Task A_failed_request_carries_AWS_reason_while_the_others_succeed()
    {
        var backend = new ScriptedAccessBackend(accounts: 12);
        backend.FailingAccounts.Add(backend.AccountIds[3]);
        backend.FailingAccounts.Add(backend.AccountIds[9]);
        using var session = backend.Session();
        var results = await GrantAsync(session, backend);
        var failed = results.Where(r => r.Status == AssignmentStatus.Failed).ToList();
        Assert.Equal(backend.FailingAccounts.OrderBy(a => a), failed.Select(r => r.AccountId).OrderBy(a => a));
        Assert.All(failed, r => Assert.Contains("Not supported account", r.FailureReason));
        Assert.Equal(10, results.Count(r => r.Status == AssignmentStatus.Succeeded));
    }

    [Fact]
    public async Task At_most_ten_requests_are_outstanding_at_once()
    {
        var backend = new ScriptedAccessBackend(accounts: 40) { PollsInProgress = 3, HoldUntilOutstanding = AssignmentDispatcher.DefaultMaxInFlight };
        using var session = backend.Session();
        var results = await GrantAsync(session, backend);
        Assert.All(results, r => Assert.Equal(AssignmentStatus.Succeeded, r.Status));
        Assert.Equal(AssignmentDispatcher.DefaultMaxInFlight, backend.MaxOutstanding);
    }

    [Fact]
    public async Task A_wait_that_times_out_leaves_pending_requests_that_can_be_waited_on_later()
    {
        var backend = new ScriptedAccessBackend(accounts: 3) { NeverFinish = true };
        using var session = backend.Session();
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(5) };
        var pending = await GrantAsync(session, backend, d => d.Timeout = TimeSpan.FromMilliseconds(60));
        Assert.All(pending, r => Assert.Equal(AssignmentStatus.InProgress, r.Status));
        Assert.All(pending, r => Assert.False(string.IsNullOrEmpty(r.RequestId)));

        backend.NeverFinish = false;
        var finished = new List<AccountAssignmentResult>();
        await foreach (var r in new AssignmentDispatcher(session, NullOutputWriter.Instance).WaitAsync(pending, CancellationToken.None)) finished.Add(r);
        Assert.All(finished, r => Assert.Equal(AssignmentStatus.Succeeded, r.Status));
        Assert.Equal(pending.Select(p => p.RequestId).OrderBy(x => x), finished.Select(f => f.RequestId).OrderBy(x => x));
    }

    [Fact]
    public async Task Waiting_on_thirty_pending_requests_reads_them_from_a_few_status_listings_instead_of_describing_each()
    {
        var backend = new ScriptedAccessBackend(accounts: 30) { PollsInProgress = 2 };
        using var session = backend.Session();
        var pending = await GrantAsync(session, backend, d => d.NoWait = true);
        Assert.All(pending, r => Assert.Equal(AssignmentStatus.InProgress, r.Status));
        Assert.Equal(0, backend.Handler.CountOf("ListAccountAssignmentCreationStatus"));

        var finished = new List<AccountAssignmentResult>();
        await foreach (var r in new AssignmentDispatcher(session, NullOutputWriter.Instance).WaitAsync(pending, CancellationToken.None)) finished.Add(r);

        Assert.Equal(30, finished.Count(r => r.Status == AssignmentStatus.Succeeded));
        Assert.Equal(pending.Select(p => p.RequestId).OrderBy(x => x), finished.Select(f => f.RequestId).OrderBy(x => x));
        // Every request answers IN_PROGRESS twice before it succeeds: polled one by one that is 90 describes; each
        // listing reads all thirty, so three listings (a few more if some waits joined late) answer the batch.
        Assert.Equal(0, backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus"));
        Assert.InRange(backend.Handler.CountOf("ListAccountAssignmentCreationStatus"), 3, 8);
    }

    [Fact]
    public async Task NoWait_returns_pending_requests_without_polling()
    {
        var backend = new ScriptedAccessBackend(accounts: 4);
        using var session = backend.Session();
        var pending = await GrantAsync(session, backend, d => d.NoWait = true);
        Assert.All(pending, r => Assert.Equal(AssignmentStatus.InProgress, r.Status));
        Assert.Equal(0, backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus"));
    }

    [Fact]
    public async Task Progress_covers_the_whole_batch_and_completes()
    {
        var backend = new ScriptedAccessBackend(accounts: 6);
        using var session = backend.Session();
        var output = new RecordingOutput();
        await GrantAsync(session, backend, output: output);
        var progress = output.Progress.ToList();
        Assert.Equal(0, progress.First().PercentComplete);
        Assert.True(progress.Last().Completed);
        Assert.Equal(6 + 2, progress.Count);
    }

    [Fact]
    public async Task Requests_that_take_time_cost_at_most_one_point_two_status_reads_each_and_never_exceed_the_in_flight_limit()
    {
        // Each request finishes 60 ms after AWS accepted it; the first status read is timed to that.
        var backend = new ScriptedAccessBackend(accounts: 60) { CompletionTime = TimeSpan.FromMilliseconds(60) };
        using var session = backend.Session();
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(60), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };
        var results = await GrantAsync(session, backend);
        Assert.Equal(60, results.Count(r => r.Status == AssignmentStatus.Succeeded));
        var statusReads = backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus") + backend.Handler.CountOf("ListAccountAssignmentCreationStatus");
        Assert.InRange(statusReads / 60.0, 0.01, 1.2);
        Assert.InRange(backend.MaxOutstanding, 1, AssignmentDispatcher.DefaultMaxInFlight);
    }

    [Fact]
    public async Task Under_one_call_in_five_throttled_every_request_succeeds_with_at_most_one_point_two_status_reads_and_ten_in_flight()
    {
        var backend = new ScriptedAccessBackend(accounts: 60) { CompletionTime = TimeSpan.FromMilliseconds(60), ThrottleEvery = 5 };
        using var session = backend.Session();
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(60), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };
        var results = await GrantAsync(session, backend);
        Assert.Equal(60, results.Count(r => r.Status == AssignmentStatus.Succeeded));
        Assert.InRange(backend.Throttler!.Throttled, 60 / 5, int.MaxValue);
        // Answered status reads only: a throttled one reached no status.
        var statusReads = backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus") + backend.Handler.CountOf("ListAccountAssignmentCreationStatus");
        Assert.InRange(statusReads / 60.0, 0.01, 1.2);
        Assert.InRange(backend.MaxOutstanding, 1, AssignmentDispatcher.DefaultMaxInFlight);
        Assert.Equal(60, backend.Handler.CountOf("CreateAccountAssignment"));
    }

    [Fact]
    public async Task A_first_status_read_that_comes_too_early_raises_the_expected_completion_time()
    {
        // Requests take 80 ms but the session expects 10 ms: early reads teach it to wait longer.
        var backend = new ScriptedAccessBackend(accounts: 40) { CompletionTime = TimeSpan.FromMilliseconds(80) };
        using var session = backend.Session();
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) };
        await GrantAsync(session, backend);
        var learned = session.Completions.For(CompletionEstimates.AssignmentCreation, session.Polling).Current;
        Assert.True(learned > TimeSpan.FromMilliseconds(10), $"expected completion still {learned.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_request_the_status_listing_does_not_show_is_described_on_its_own()
    {
        var backend = new ScriptedAccessBackend(accounts: 3) { PollsInProgress = 1 };
        backend.Handler.On("ListAccountAssignmentCreationStatus", _ => new { AccountAssignmentsCreationStatus = Array.Empty<object>() });
        using var session = backend.Session();
        var results = await GrantAsync(session, backend);
        Assert.All(results, r => Assert.Equal(AssignmentStatus.Succeeded, r.Status));
        Assert.Equal(3 * 2, backend.Handler.CountOf("DescribeAccountAssignmentCreationStatus"));
    }
}
