using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>A cancelled token ends a call at once wherever it waits (backoff, limiter queue, in flight) and is never retried.</summary>
public sealed class CancellationTests
{
    private const string StoreId = "d-9067230d4f";
    // Far below the 5-minute backoff and the endless hang it is measured against, far above any stall of a loaded machine.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);
    private static DescribeGroupRequest Request => new() { IdentityStoreId = StoreId, GroupId = "g" };

    private static async Task WaitUntil(Func<bool> condition)
    {
        var guard = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > guard) throw new TimeoutException("condition never held");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Cancelling_during_backoff_stops_the_call_without_another_attempt()
    {
        // A 5xx: its backoff keeps the base delay (a throttle's follows the session limiter's rate and may be short).
        var backend = new ScriptedHandler().On("DescribeGroup", _ => ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", "try later"));
        var retry = new AwsRetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(5) };
        using var connection = ScriptedConnection.Connect(backend, retry);
        using var cts = new CancellationTokenSource();

        var call = connection.IdentityStore.DescribeGroupAsync(Request, cts.Token);
        await WaitUntil(() => backend.CountOf("DescribeGroup") == 1);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Prompt));
        Assert.Equal(1, backend.CountOf("DescribeGroup"));
    }

    [Fact]
    public async Task Cancelling_while_queued_in_the_limiter_stops_the_call_before_it_is_sent()
    {
        var backend = new ScriptedHandler().On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId });
        var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 1, burst: 1);
        using var connection = ScriptedConnection.Connect(backend, limiter: limiter);
        await connection.IdentityStore.DescribeGroupAsync(Request);
        using var cts = new CancellationTokenSource();

        var queued = connection.IdentityStore.DescribeGroupAsync(Request, cts.Token);
        await WaitUntil(() => limiter.QueuedCount == 1);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Prompt));
        Assert.Equal(0, limiter.QueuedCount);
        Assert.Equal(1, backend.CountOf("DescribeGroup"));
        // The abandoned place in the queue does not swallow the next token.
        limiter.Replenish();
        await connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(Prompt);
        Assert.Equal(2, backend.CountOf("DescribeGroup"));
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_is_not_retried()
    {
        var entered = 0;
        var hanging = new HangingHandler(() => Interlocked.Increment(ref entered));
        using var connection = ScriptedConnection.Connect(hanging);
        using var cts = new CancellationTokenSource();

        var call = connection.IdentityStore.DescribeGroupAsync(Request, cts.Token);
        await WaitUntil(() => Volatile.Read(ref entered) == 1);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Prompt));
        Assert.Equal(1, Volatile.Read(ref entered));
        Assert.Equal(1, connection.AttemptCount);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var backend = new ScriptedHandler().On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId });
        using var connection = ScriptedConnection.Connect(backend);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.IdentityStore.DescribeGroupAsync(Request, new CancellationToken(true)));
        Assert.Empty(backend.Calls);
    }

    [Fact]
    public async Task An_attempt_that_times_out_on_an_endpoint_that_answered_before_is_retried_as_a_transient_fault()
    {
        var attempts = 0;
        var answered = new ScriptedHandler().On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId });
        var handler = new HangingHandler(() => Interlocked.Increment(ref attempts), hangWhile: () => Volatile.Read(ref attempts) == 2, inner: answered);
        var retry = ScriptedConnection.FastRetry();
        retry.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        using var connection = ScriptedConnection.Connect(handler, retry);
        await connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(Prompt);

        var result = await connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(Prompt);

        // Only the second attempt hangs; a later one may also overrun 200 ms on a loaded machine and be retried in turn.
        Assert.Equal("g", result.GroupId);
        Assert.Equal(1, handler.TimedOut);
        Assert.True(Volatile.Read(ref attempts) >= 3);
    }

    [Fact]
    public async Task An_endpoint_that_never_answered_fails_after_one_response_timeout_naming_the_endpoint()
    {
        var handler = new HangingHandler(() => { });
        var retry = ScriptedConnection.FastRetry();
        retry.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        using var connection = ScriptedConnection.Connect(handler, retry);

        var e = await Assert.ThrowsAsync<AwsConnectionException>(() => connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(Prompt));

        Assert.Equal(AwsConnectionFailure.ResponseTimeout, e.Failure);
        Assert.Equal(1, connection.AttemptCount);
        Assert.Contains(ScriptedConnection.Endpoint, e.Message);
        Assert.Contains("0.1 s", e.Message);
    }

    /// <summary>Never answers (until cancelled) while <c>hangWhile</c> holds; otherwise passes on to <c>inner</c>.</summary>
    private sealed class HangingHandler : DelegatingHandler
    {
        private readonly Action _entered;
        private readonly Func<bool> _hangWhile;

        public HangingHandler(Action entered, Func<bool>? hangWhile = null, HttpMessageHandler? inner = null) : base(inner ?? new ScriptedHandler())
        {
            _entered = entered;
            _hangWhile = hangWhile ?? (() => true);
        }

        /// <summary>Hanging attempts that ended by cancellation (the caller's or the attempt timeout).</summary>
        public int TimedOut;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _entered();
            if (_hangWhile())
            {
                try { await Task.Delay(Timeout.Infinite, cancellationToken); }
                catch (OperationCanceledException) { Interlocked.Increment(ref TimedOut); throw; }
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
