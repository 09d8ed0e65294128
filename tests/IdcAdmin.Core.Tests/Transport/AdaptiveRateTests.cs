using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>How the session's adaptive rate answers throttling: counted answer by answer on a manual bucket, no clock.</summary>
public sealed class AdaptiveRateTests
{
    [Fact]
    public void A_throttle_cuts_the_rate_by_three_tenths_and_the_first_success_wins_back_a_quarter_of_the_gap()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        limiter.ReportThrottled();
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6);
        limiter.ReportSuccess();
        Assert.Equal(15.5, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public void Near_the_configured_rate_a_success_still_wins_back_a_twentieth_and_never_passes_it()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        limiter.ReportThrottled();
        for (var i = 0; i < 6; i++) limiter.ReportSuccess();
        // 14 → 15.5 → 16.625 → 17.625 → 18.625 → 19.625 → 20 (capped): from the third step on, the twentieth.
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public void One_throttle_in_five_keeps_the_rate_above_four_fifths_of_the_configured_one()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        var lowest = double.MaxValue;
        for (var cycle = 0; cycle < 50; cycle++)
        {
            limiter.ReportThrottled();
            lowest = Math.Min(lowest, limiter.CurrentRequestsPerSecond);
            for (var i = 0; i < 4; i++) limiter.ReportSuccess();
        }
        Assert.True(lowest >= 0.7 * 20 * 0.85, $"the rate fell to {lowest}");
        Assert.True(limiter.CurrentRequestsPerSecond >= 0.8 * 20, $"the rate settled at {limiter.CurrentRequestsPerSecond}");
    }

    [Fact]
    public void Throttles_in_a_row_bring_the_rate_down_geometrically_to_its_floor()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        for (var i = 0; i < 3; i++) limiter.ReportThrottled();
        Assert.Equal(20 * 0.7 * 0.7 * 0.7, limiter.CurrentRequestsPerSecond, 6);
        for (var i = 0; i < 20; i++) limiter.ReportThrottled();
        Assert.Equal(1, limiter.CurrentRequestsPerSecond, 6); // a twentieth of the configured rate
    }

    [Fact]
    public async Task Throttles_answering_attempts_let_through_before_the_last_cut_cut_once_and_a_later_attempts_throttle_cuts_again()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        var burst = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
            burst.Add(limiter.Admissions);
        }
        Assert.Equal(new long[] { 1, 2, 3 }, burst);

        foreach (var attempt in burst) limiter.ReportThrottled(attempt); // one burst, three throttles
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6);

        await limiter.WaitAsync(CancellationToken.None); // a retry sent after the cut
        limiter.ReportThrottled(limiter.Admissions);
        Assert.Equal(9.8, limiter.CurrentRequestsPerSecond, 6);
    }
}
