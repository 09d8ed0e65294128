using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>
/// How the session's adaptive rate answers throttling: counted answer by answer on a manual bucket, no clock. The rate
/// is cut on evidence of contention (a request throttled a third time in a row, or a throttle majority of the last
/// answers), never on a sporadic throttle.
/// </summary>
public sealed class AdaptiveRateTests
{
    /// <summary>Lets one attempt through, refilling the manual bucket when it is empty, and returns its admission number.</summary>
    private static async Task<long> AdmitAsync(RequestRateLimiter limiter)
    {
        if (limiter.AvailableTokens == 0) limiter.Replenish();
        return await limiter.WaitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_request_throttled_a_third_time_in_a_row_cuts_the_rate_by_three_tenths_and_the_first_success_wins_back_a_quarter_of_the_gap()
    {
        Assert.Equal(3, ThrottleContention.ThrottlesInARow);
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 2);
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6);
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 3);
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6);
        limiter.ReportSuccess();
        Assert.Equal(15.5, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public async Task Near_the_configured_rate_a_success_still_wins_back_a_twentieth_and_never_passes_it()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 3);
        for (var i = 0; i < 5; i++) limiter.ReportSuccess();
        // 14 → 15.5 → 16.625 → 17.625 → 18.625 → 19.625: from the third step on, the twentieth.
        Assert.Equal(19.625, limiter.CurrentRequestsPerSecond, 6);
        limiter.ReportSuccess();
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6); // capped
    }

    [Fact]
    public async Task Sporadic_throttles_one_answer_in_five_even_a_retry_throttled_again_never_cut_the_rate()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        for (var cycle = 0; cycle < 50; cycle++)
        {
            // Every fifth cycle the retry is throttled too (one request in twenty-five at 20 %): still no cut.
            limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
            if (cycle % 5 == 0) limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 2);
            Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6);
            for (var i = 0; i < 4; i++)
            {
                await AdmitAsync(limiter);
                limiter.ReportSuccess();
            }
        }
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public async Task A_request_throttled_on_attempt_after_attempt_brings_the_rate_down_geometrically_to_its_floor()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        for (var inARow = 1; inARow <= 5; inARow++) limiter.ReportThrottled(await AdmitAsync(limiter), inARow);
        Assert.Equal(20 * 0.7 * 0.7 * 0.7, limiter.CurrentRequestsPerSecond, 6); // the 3rd, 4th and 5th throttles cut
        for (var inARow = 6; inARow <= 26; inARow++) limiter.ReportThrottled(await AdmitAsync(limiter), inARow);
        Assert.Equal(1, limiter.CurrentRequestsPerSecond, 6); // a twentieth of the configured rate
    }

    [Fact]
    public async Task Throttles_making_a_clear_majority_of_the_last_twenty_answers_cut_though_no_request_was_throttled_twice()
    {
        Assert.Equal((20, 11), (ThrottleContention.Window, ThrottleContention.Majority));
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        for (var i = 0; i < 20; i++)
        {
            await AdmitAsync(limiter);
            limiter.ReportSuccess();
        }
        for (var i = 0; i < 10; i++) limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
        Assert.Equal(20, limiter.CurrentRequestsPerSecond, 6); // 10 of 20: no majority
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6); // 11 of 20

        // Answers before the cut told of the old rate: the next cut needs a fresh window, then comes again.
        for (var i = 0; i < 19; i++) limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6);
        limiter.ReportThrottled(await AdmitAsync(limiter), inARow: 1);
        Assert.Equal(9.8, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public async Task Throttles_answering_attempts_let_through_before_the_last_cut_cut_once_and_a_later_attempts_throttle_cuts_again()
    {
        using var limiter = RequestRateLimiter.Manual(tokensPerPeriod: 20, burst: 5);
        var burst = new List<long>();
        for (var i = 0; i < 3; i++) burst.Add(await limiter.WaitAsync(CancellationToken.None));
        Assert.Equal(new long[] { 1, 2, 3 }, burst);

        foreach (var attempt in burst) limiter.ReportThrottled(attempt, inARow: 3); // one burst of retries, three throttled a third time
        Assert.Equal(14, limiter.CurrentRequestsPerSecond, 6);

        var retry = await limiter.WaitAsync(CancellationToken.None); // a retry sent after the cut
        limiter.ReportThrottled(retry, inARow: 4);
        Assert.Equal(9.8, limiter.CurrentRequestsPerSecond, 6);
    }
}
