using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>What the status board teaches the completion estimate: read by counting listings and the estimate's value, not by timing.</summary>
public sealed class StatusBoardLearningTests
{
    [Fact]
    public async Task A_listing_slowed_by_throttling_that_finds_the_request_done_does_not_lower_the_estimate()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromMilliseconds(120), TimeSpan.FromMinutes(1));
        var listings = 0;
        var board = new StatusBoard(async ct =>
        {
            Interlocked.Increment(ref listings);
            // As a listing throttled and retried: it answers far later than a twelfth of the estimate after it went out.
            await Task.Delay(TimeSpan.FromMilliseconds(400), ct);
            return new List<(string, string)> { ("req-1", "SUCCEEDED") };
        }, estimate, new PollOptions(), CancellationToken.None);

        var status = await board.WaitAsync("req-1");

        Assert.Equal("SUCCEEDED", status);
        Assert.InRange(listings, 1, 2); // a second may go out while the first is held up
        Assert.Equal(TimeSpan.FromMilliseconds(120), estimate.Current);
    }

    [Fact]
    public async Task A_listing_that_finds_the_request_still_in_progress_raises_the_estimate_however_late_it_read()
    {
        var estimate = new CompletionEstimate(TimeSpan.FromMilliseconds(120), TimeSpan.FromMinutes(1));
        var listings = 0;
        var board = new StatusBoard(async ct =>
        {
            // The first two listings (two may be out at once) find it running.
            var n = Interlocked.Increment(ref listings);
            await Task.Delay(TimeSpan.FromMilliseconds(400), ct);
            return new List<(string, string)> { ("req-1", n <= 2 ? "IN_PROGRESS" : "SUCCEEDED") };
        }, estimate, new PollOptions(), CancellationToken.None);

        Assert.Equal("SUCCEEDED", await board.WaitAsync("req-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(138), estimate.Current);
    }
}
