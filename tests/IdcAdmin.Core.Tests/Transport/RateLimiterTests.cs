using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>The shared token bucket, counted without clocks: a manual bucket admits exactly burst + k × refill requests.</summary>
public sealed class RateLimiterTests
{
    private const string StoreId = "d-9067230d4f";

    /// <summary>Waits until every caller is either admitted (counted by the backend) or queued in the limiter.</summary>
    private static async Task SettleAsync(RequestRateLimiter limiter, Func<int> admitted, int callers)
    {
        var guard = DateTime.UtcNow.AddSeconds(30);
        while (admitted() + limiter.QueuedCount != callers || limiter.AvailableTokens != 0 && limiter.QueuedCount > 0)
        {
            if (DateTime.UtcNow > guard) throw new TimeoutException($"never settled: {admitted()} admitted, {limiter.QueuedCount} queued of {callers}");
            await Task.Delay(5);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var guard = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > guard) throw new TimeoutException("condition never held");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Concurrent_callers_get_exactly_burst_plus_k_refills_through()
    {
        const int callers = 60, burst = 5, perPeriod = 3;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId });
        var limiter = RequestRateLimiter.Manual(perPeriod, burst);
        using var connection = ScriptedConnection.Connect(backend, limiter: limiter);

        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(() =>
            connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = StoreId, GroupId = "g" }))).ToArray();

        await SettleAsync(limiter, () => backend.CountOf("DescribeGroup"), callers);
        Assert.Equal(burst, backend.CountOf("DescribeGroup"));
        for (var k = 1; k <= 5; k++)
        {
            Assert.True(limiter.Replenish());
            await SettleAsync(limiter, () => backend.CountOf("DescribeGroup"), callers);
            Assert.Equal(burst + k * perPeriod, backend.CountOf("DescribeGroup"));
        }
        // The backend counts a call before its answer is read; wait for the admitted calls to finish, then none other may have.
        await WaitUntilAsync(() => calls.Count(c => c.IsCompleted) >= burst + 5 * perPeriod);
        Assert.Equal(burst + 5 * perPeriod, calls.Count(c => c.IsCompleted));

        while (calls.Any(c => !c.IsCompleted))
        {
            limiter.Replenish();
            await Task.Delay(1);
        }
        await Task.WhenAll(calls);
        Assert.Equal(callers, backend.CountOf("DescribeGroup"));
    }

    [Fact]
    public async Task The_three_clients_of_a_connection_share_one_budget()
    {
        var backend = new ScriptedHandler()
            .On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId })
            .On("ListInstances", _ => new { Instances = Array.Empty<object>() })
            .On("DescribeOrganization", _ => new { });
        var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 1, burst: 4);
        using var connection = ScriptedConnection.Connect(backend, limiter: limiter);

        var calls = Enumerable.Range(0, 12).Select(i => (i % 3) switch
        {
            0 => (Task)connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = StoreId, GroupId = "g" }),
            1 => connection.SsoAdmin.ListInstancesAsync(new ListInstancesRequest()),
            _ => connection.Organizations.DescribeOrganizationAsync(new Organizations.Model.DescribeOrganizationRequest()),
        }).ToArray();

        await SettleAsync(limiter, () => backend.Calls.Count, 12);
        Assert.Equal(4, backend.Calls.Count);
        while (calls.Any(c => !c.IsCompleted)) { limiter.Replenish(); await Task.Delay(1); }
        await Task.WhenAll(calls);
    }

    [Fact]
    public void The_default_limit_is_the_Identity_Center_rate_of_about_20_per_second()
    {
        using var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", new AwsTransportOptions { EndpointUrl = ScriptedConnection.Endpoint });
        Assert.Equal(20, connection.RateLimiter.RequestsPerSecond, precision: 6);
        Assert.InRange(connection.RateLimiter.Burst, 1, 20);

        using var created = AwsConnection.Create(new AwsConnectionSettings { Credentials = MotoServer.TestCredentials, Region = "eu-west-1", EndpointUrl = ScriptedConnection.Endpoint });
        Assert.Equal(RequestRateLimiter.DefaultRequestsPerSecond, created.RateLimiter.RequestsPerSecond, precision: 6);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(2000)]
    public void A_configured_rate_is_kept(double perSecond)
    {
        using var limiter = RequestRateLimiter.PerSecond(perSecond);
        Assert.Equal(perSecond, limiter.RequestsPerSecond, precision: 6);
    }

    [Fact]
    public async Task A_clocked_bucket_admits_its_burst_at_once_and_the_rest_as_tokens_accrue()
    {
        using var limiter = RequestRateLimiter.PerSecond(200, burst: 3);
        var admitted = 0;
        var waits = Enumerable.Range(0, 8).Select(async _ => { await limiter.WaitAsync(CancellationToken.None); Interlocked.Increment(ref admitted); }).ToArray();
        Assert.True(Volatile.Read(ref admitted) >= 3, "the burst should pass without waiting");
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(8, admitted);
    }

    [Fact]
    public void A_manual_bucket_cannot_be_filled_by_the_clock_nor_a_clocked_one_by_hand()
    {
        using var manual = RequestRateLimiter.Manual(tokensPerPeriod: 2, burst: 1);
        using var clocked = RequestRateLimiter.PerSecond(10);
        Assert.True(manual.Replenish());
        Assert.False(clocked.Replenish());
        Assert.Equal(2, manual.RequestsPerSecond);
    }

    [Fact]
    public async Task Disposing_the_limiter_ends_waiting_callers_with_a_clear_error()
    {
        var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 1, burst: 1);
        await limiter.WaitAsync(CancellationToken.None);
        var waiting = limiter.WaitAsync(CancellationToken.None);
        limiter.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_rate_that_is_not_positive_is_refused(double perSecond) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestRateLimiter.PerSecond(perSecond));
}
