using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>
/// AWS's token buckets do not charge a rejected request, so a throttled attempt gives its limiter token back: counted
/// on a manual bucket that is never replenished.
/// </summary>
public sealed class ThrottleRefundTests
{
    private const string StoreId = "d-9067230d4f";
    private static readonly DescribeGroupRequest Request = new() { IdentityStoreId = StoreId, GroupId = "g" };

    private static ScriptedResponse Throttled() => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");

    [Fact]
    public async Task A_throttled_admission_gets_its_token_back_once_and_an_unknown_one_gets_nothing()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 1, burst: 2);
        var first = await limiter.WaitAsync(CancellationToken.None);
        var second = await limiter.WaitAsync(CancellationToken.None);
        Assert.Equal(0, limiter.AvailableTokens);

        limiter.ReportThrottled(0, inARow: 1);
        limiter.ReportThrottled(99, inARow: 1);
        Assert.Equal(0, limiter.AvailableTokens);
        limiter.ReportThrottled(first, inARow: 1);
        Assert.Equal(1, limiter.AvailableTokens);
        limiter.ReportThrottled(first, inARow: 1);
        Assert.Equal(1, limiter.AvailableTokens);
        limiter.ReportThrottled(second, inARow: 1);
        Assert.Equal(2, limiter.AvailableTokens);
    }

    [Fact]
    public async Task A_refunded_token_admits_the_caller_waiting_in_the_queue()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 1, burst: 1);
        var first = await limiter.WaitAsync(CancellationToken.None);
        var waiting = limiter.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        limiter.ReportThrottled(first, inARow: 1);

        Assert.Equal(2, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, limiter.QueuedCount);
    }

    [Fact]
    public async Task Through_the_transport_a_call_throttled_four_times_takes_one_token_and_only_its_third_and_fourth_throttles_cut()
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Interlocked.Increment(ref attempts) <= 4
            ? Throttled()
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = StoreId }));
        // One token and no refill: without refunds the first retry would wait forever.
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 1);
        using var connection = ScriptedConnection.Connect(backend, limiter: limiter);

        await connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, backend.CountOf("DescribeGroup"));
        Assert.Equal(5, limiter.Admissions);
        Assert.Equal(0, limiter.AvailableTokens);
        // Throttles 3 and 4 came on a request throttled twice before: two cuts (20 → 14 → 9.8), then the success wins back a quarter.
        Assert.Equal(9.8 + (20 - 9.8) / 4, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public async Task Through_the_transport_calls_each_throttled_once_keep_the_configured_rate()
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Interlocked.Increment(ref attempts) % 2 == 1
            ? Throttled()
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = StoreId }));
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 10);
        using var connection = ScriptedConnection.Connect(backend, limiter: limiter);

        for (var i = 0; i < 10; i++) await connection.IdentityStore.DescribeGroupAsync(Request).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(20, backend.CountOf("DescribeGroup"));
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6);
        Assert.Equal(0, limiter.AvailableTokens); // ten successes spent the ten tokens; the ten throttles gave theirs back
    }
}
