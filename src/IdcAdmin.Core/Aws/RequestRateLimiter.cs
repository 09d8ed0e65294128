using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// A token bucket shared by every client of one session, so concurrent callers together stay under the
/// account's Identity Center request rate (about 20 requests/s for all of its APIs) instead of each being throttled.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    private RequestRateLimiter(TokenBucketRateLimiterOptions options)
    {
        _bucket = new TokenBucketRateLimiter(options);
        Burst = options.TokenLimit;
        RequestsPerSecond = options.TokensPerPeriod / options.ReplenishmentPeriod.TotalSeconds;
    }

    /// <summary>The average rate allowed (for a <see cref="Manual"/> bucket: per call of <see cref="Replenish"/>, counted as one second).</summary>
    public double RequestsPerSecond { get; }

    /// <summary>Requests that may go at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>Callers waiting for a token now.</summary>
    internal long QueuedCount => _bucket.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Tokens in the bucket now.</summary>
    internal long AvailableTokens => _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>The default Identity Center budget.</summary>
    public const double DefaultRequestsPerSecond = 20;

    /// <summary>At most <paramref name="requestsPerSecond"/> on average, with bursts of <paramref name="burst"/>.</summary>
    public static RequestRateLimiter PerSecond(double requestsPerSecond, int burst = 0)
    {
        if (requestsPerSecond <= 0 || double.IsNaN(requestsPerSecond) || double.IsInfinity(requestsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The request rate must be a positive number.");
        // Refill one token at a time (smooth), at most every millisecond.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(TimeSpan.TicksPerSecond / requestsPerSecond)));
        var perPeriod = Math.Max(1, (int)Math.Round(requestsPerSecond * period.TotalSeconds));
        return new RequestRateLimiter(Options(burst > 0 ? burst : Math.Max(1, (int)Math.Ceiling(requestsPerSecond / 4)), perPeriod, period, auto: true));
    }

    /// <summary>A bucket that refills only when <see cref="Replenish"/> is called: lets tests count admissions without clocks.</summary>
    public static RequestRateLimiter Manual(int tokensPerPeriod, int burst) =>
        new(Options(burst, tokensPerPeriod, TimeSpan.FromSeconds(1), auto: false));

    /// <summary>Waits until a request may be sent.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired) throw new InvalidOperationException("The request rate limiter refused a request.");
    }

    /// <summary>Adds one period's tokens to a <see cref="Manual"/> bucket.</summary>
    public bool Replenish() => _bucket.TryReplenish();

    public void Dispose() => _bucket.Dispose();

    private static TokenBucketRateLimiterOptions Options(int burst, int perPeriod, TimeSpan period, bool auto) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        AutoReplenishment = auto,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
