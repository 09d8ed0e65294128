using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>The learned completion time: up on a too-early read, slowly down on reads that find the request done.</summary>
public sealed class CompletionEstimateTests
{
    [Fact]
    public void A_burst_of_too_early_reads_timed_by_the_same_estimate_raises_it_once()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var used = estimate.Current;
        for (var i = 0; i < 10; i++) estimate.Observe(finished: false, used);
        Assert.Equal(TimeSpan.FromSeconds(1.15), estimate.Current);
    }

    [Fact]
    public void Reads_that_find_requests_done_lower_it_by_one_percent_each()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        estimate.Observe(finished: true, estimate.Current);
        estimate.Observe(finished: true, estimate.Current);
        Assert.Equal(TimeSpan.FromSeconds(0.9801), estimate.Current);
    }

    [Fact]
    public void It_never_grows_past_the_wait_timeout()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++) estimate.Observe(finished: false, estimate.Current);
        Assert.Equal(TimeSpan.FromMinutes(1), estimate.Current);
    }

    [Fact]
    public void A_raise_past_what_a_later_read_showed_to_suffice_comes_down_to_it()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        estimate.Observe(finished: false, estimate.Current);
        Assert.Equal(TimeSpan.FromSeconds(1.15), estimate.Current);
        // The re-read 1.08 s after acceptance found the request finished: 1.08 s sufficed.
        estimate.Sufficed(TimeSpan.FromSeconds(1.08));
        Assert.Equal(TimeSpan.FromSeconds(1.08), estimate.Current);
        // A longer read that sufficed says nothing new.
        estimate.Sufficed(TimeSpan.FromSeconds(1.3));
        Assert.Equal(TimeSpan.FromSeconds(1.08), estimate.Current);
    }
}
