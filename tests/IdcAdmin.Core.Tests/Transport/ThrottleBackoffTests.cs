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
    public void Under_a_limiter_sporadic_throttles_are_retried_without_a_wait_and_the_backoff_grows_from_the_one_showing_contention()
    {
        var options = new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(20) };
        var policy = new AwsRetryPolicy(options, new RetryQuota());
        var contention = new List<double>();
        for (var run = 0; run < 200; run++)
        {
            var state = new AwsRetryPolicy.CallState();
            // The throttles before the one the limiter counts as contention (the third in a row) wait nothing.
            for (var sporadic = 1; sporadic < 3; sporadic++)
                Assert.Equal(TimeSpan.Zero, policy.Decide(state, Throttled, true, TimeSpan.FromMilliseconds(50)).Delay);
            contention.Add(policy.Decide(state, Throttled, true, TimeSpan.FromMilliseconds(50)).Delay!.Value.TotalMilliseconds);
            for (var retry = 4; retry < options.ThrottleMaxAttempts; retry++)
                Assert.InRange(policy.Decide(state, Throttled, true, TimeSpan.FromMilliseconds(50)).Delay!.Value.TotalMilliseconds, 0, 50 * Math.Pow(2, retry - 3));
        }
        Assert.All(contention, d => Assert.InRange(d, 0, 50));
        Assert.Contains(contention, d => d > 0);
    }

    [Fact]
    public void Without_a_limiter_a_first_throttle_still_waits_a_backoff_from_the_base_delay()
    {
        var options = new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1) };
        var policy = new AwsRetryPolicy(options, new RetryQuota());
        var delays = Enumerable.Range(0, 100).Select(_ => policy.Decide(new AwsRetryPolicy.CallState(), Throttled, true).Delay!.Value.TotalMilliseconds).ToList();
        Assert.All(delays, d => Assert.InRange(d, 0, 1000));
        // Nothing paces a retry without a limiter: a hundred draws up to 1 s all under 50 ms would be a one in 20^100 chance.
        Assert.Contains(delays, d => d > 50);
    }

    [Fact]
    public async Task Through_the_transport_sporadic_throttles_retry_on_their_refunded_token_at_once_and_the_third_backs_off()
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Interlocked.Increment(ref attempts) <= 3
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = "d-1234567890" }));
        var log = new ListLog();
        // One token, never replenished: every retry goes on the token its throttled attempt gave back.
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 1);
        using var connection = ScriptedConnection.Connect(backend, new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1) }, limiter, log: log);

        await connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = "d-1234567890", GroupId = "g" }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(4, backend.CountOf("DescribeGroup"));
        Assert.Equal(4, limiter.Admissions);
        var retries = log.Verbose.ToList();
        Assert.Equal(3, retries.Count);
        Assert.EndsWith("retry 1 of 9 in 0 ms.", retries[0]);
        Assert.EndsWith("retry 2 of 9 in 0 ms.", retries[1]);
        // The third throttle showed contention: it cut the manual bucket's rate (20 → 14 a period) and waits a draw
        // up to one token's interval at that rate (1/14 s).
        var third = int.Parse(System.Text.RegularExpressions.Regex.Match(retries[2], @"retry 3 of 9 in (\d+) ms\.$").Groups[1].Value);
        Assert.InRange(third, 0, 1000 / 14);
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
