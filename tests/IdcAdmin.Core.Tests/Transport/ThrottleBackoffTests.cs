using System.Collections.Concurrent;
using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>
/// The wait after throttling follows the shared limiter's rate (the SDKs' adaptive strategy bases its backoff on the
/// load it perceives): a retry queues behind the lowered rate anyway, so it does not also sleep a whole second. The
/// delays are read from the policy's decisions and the retry log, never timed.
/// </summary>
public sealed class ThrottleBackoffTests
{
    private static readonly AwsThrottlingException Throttled = (AwsThrottlingException)AwsErrorParser.Parse(HttpStatusCode.BadRequest, null,
        "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", "sso", "CreateAccountAssignment");

    private sealed class ListLog : IAwsCallLog
    {
        public readonly ConcurrentQueue<string> Verbose = new();
        public void Debug(string message) { }
        void IAwsCallLog.Verbose(string message) => Verbose.Enqueue(message);
    }

    [Fact]
    public void A_throttle_backoff_grows_from_the_limiters_interval_and_never_from_more_than_the_base_delay()
    {
        var options = new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(20) };
        var policy = new AwsRetryPolicy(options, new RetryQuota());
        for (var run = 0; run < 200; run++)
        {
            var state = new AwsRetryPolicy.CallState();
            for (var retry = 1; retry < options.ThrottleMaxAttempts; retry++)
            {
                var decision = policy.Decide(state, Throttled, endpointHasAnswered: true, throttleBase: TimeSpan.FromMilliseconds(50));
                Assert.Equal(retry, decision.Retry);
                Assert.InRange(decision.Delay!.Value.TotalMilliseconds, 0, Math.Min(20_000, 50 * Math.Pow(2, retry - 1)));
            }
            Assert.Null(policy.Decide(state, Throttled, true, TimeSpan.FromMilliseconds(50)).Delay);
        }
        // A limiter slower than the base delay does not lengthen the wait beyond it.
        var slow = policy.Decide(new AwsRetryPolicy.CallState(), Throttled, true, TimeSpan.FromSeconds(30));
        Assert.InRange(slow.Delay!.Value.TotalMilliseconds, 0, 1000);
    }

    [Fact]
    public void Connection_failures_and_5xx_keep_the_base_delay_whatever_the_limiter()
    {
        var options = new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1) };
        var policy = new AwsRetryPolicy(options, new RetryQuota());
        var serverError = AwsErrorParser.Parse(HttpStatusCode.InternalServerError, null, "{\"__type\":\"InternalServerException\",\"message\":\"x\"}", "sso", "CreateAccountAssignment");
        // 90 first retries (within the retry budget), each drawn up to 1 s: some exceed what a 1 ms base would allow.
        var delays = Enumerable.Range(0, 90).Select(_ => policy.Decide(new AwsRetryPolicy.CallState(), serverError, true, TimeSpan.FromMilliseconds(1)).Delay!.Value.TotalMilliseconds).ToList();
        Assert.Contains(delays, d => d > 1);
    }

    [Fact]
    public async Task Through_the_transport_a_throttled_call_waits_by_the_session_limiters_rate_not_the_one_second_base()
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Interlocked.Increment(ref attempts) < 10
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = "d-1234567890" }));
        var log = new ListLog();
        // A billion requests a second: even after nine cuts of the rate a token's interval is nanoseconds, so every retry waits under 1 ms.
        using var connection = ScriptedConnection.Connect(backend, new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1) },
            RequestRateLimiter.PerSecond(1_000_000_000, burst: 1_000_000_000), log: log);

        await connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = "d-1234567890", GroupId = "g" });

        Assert.Equal(10, backend.CountOf("DescribeGroup"));
        Assert.Equal(9, log.Verbose.Count);
        Assert.All(log.Verbose, line => Assert.Matches(@"ThrottlingException \(HTTP 400\); retry \d of 9 in 0 ms\.$", line));
    }
}
