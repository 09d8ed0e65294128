using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// A token bucket shared by every client of one session, so concurrent callers together stay under the
/// account's Identity Center request rate (about 20 requests/s for all of its APIs) instead of each being throttled.
/// Callers wait in arrival order. The bucket fills from the clock, or only on <see cref="Replenish"/> for a
/// <see cref="Manual"/> bucket, so tests can count admissions without timing anything.
/// Throttling, unlike the AWS SDKs' adaptive mode, which cuts the rate on every throttling answer:
/// a throttled attempt gives its token back, because AWS's token buckets do not charge a rejected request; and the
/// rate is cut (×0.7, not below a twentieth of the configured one) only on evidence of contention, a request
/// throttled a third time in a row or throttles a clear majority of the last answers (<see cref="ThrottleContention"/>),
/// once per burst. Sporadic throttling (one answer in five) thus costs neither tokens nor rate, while sustained
/// over-rate still brings the rate down geometrically. Each success raises the rate again by a quarter of what it lacks
/// from the configured rate, and by at least a twentieth of it: fast just after a cut, slower near the rate cut from.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<long>> _queue = new();
    private readonly ThrottleContention _contention = new();
    private readonly HashSet<long> _refunded = new();
    private readonly double _tokensPerPeriod;
    private readonly Stopwatch? _clock;
    private readonly Timer? _timer;
    private double _tokens;
    private double _lastRefillSeconds;
    private double _currentRate;
    private long _admissions;
    private long _admissionsAtLastCut = -1;
    private long _cuts;
    private bool _disposed;

    private RequestRateLimiter(int burst, double tokensPerPeriod, TimeSpan? period)
    {
        Burst = burst;
        _tokens = burst;
        _tokensPerPeriod = tokensPerPeriod;
        if (period is { } p)
        {
            RequestsPerSecond = tokensPerPeriod / p.TotalSeconds;
            _clock = Stopwatch.StartNew();
            // The timer only wakes queued callers; how many tokens there are is computed from the clock.
            _timer = new Timer(_ => Release(), null, p, p);
        }
        else RequestsPerSecond = tokensPerPeriod;
        _currentRate = RequestsPerSecond;
    }

    /// <summary>How much one throttling answer lowers the rate (the β of the SDKs' CUBIC).</summary>
    public const double ThrottleFactor = 0.7;

    /// <summary>The share of the missing rate one success wins back.</summary>
    public const double RecoveryShare = 0.25;

    /// <summary>The rate now: <see cref="RequestsPerSecond"/>, or less after throttling.</summary>
    public double CurrentRequestsPerSecond { get { lock (_gate) return _currentRate; } }

    /// <summary>
    /// AWS answered throttling the attempt that was the <paramref name="admission"/>-th let through (the number
    /// <see cref="WaitAsync"/> returned), the <paramref name="inARow"/>-th throttle of its request in a row. The
    /// attempt's token comes back (once; an unknown admission gets nothing). The rate is cut when the throttle shows
    /// contention, unless the attempt went out before the last cut: such an answer tells of the rate already cut from,
    /// not the new one (TCP likewise cuts once per round trip), so a burst answered with several throttles cuts once.
    /// </summary>
    public void ReportThrottled(long admission, int inARow)
    {
        bool refunded;
        lock (_gate)
        {
            refunded = Refund(admission);
            if (_contention.Throttled(inARow) && admission > _admissionsAtLastCut)
            {
                Refill();
                _currentRate = Math.Max(RequestsPerSecond / 20, _currentRate * ThrottleFactor);
                _admissionsAtLastCut = _admissions;
                _contention.Forget();
                _cuts++;
            }
        }
        if (refunded) Release();
    }

    /// <summary>
    /// Admissions whose refunds are remembered, so a repeated report of one cannot refund it twice; an older one is
    /// not refunded at all (its answer is long overdue).
    /// </summary>
    private const int RefundMemory = 4096;

    private bool Refund(long admission)
    {
        if (admission < 1 || admission > _admissions || admission <= _admissions - RefundMemory || !_refunded.Add(admission)) return false;
        if (_refunded.Count > 2 * RefundMemory)
        {
            var oldest = _admissions - RefundMemory;
            _refunded.RemoveWhere(a => a <= oldest);
        }
        Refill();
        _tokens = Math.Min(Burst, _tokens + 1);
        return true;
    }

    /// <summary>Times throttling cut the rate so far.</summary>
    public long Cuts { get { lock (_gate) return _cuts; } }

    /// <summary>Requests let through so far.</summary>
    public long Admissions { get { lock (_gate) return _admissions; } }

    /// <summary>A call passed: recover towards the configured rate.</summary>
    public void ReportSuccess()
    {
        lock (_gate)
        {
            _contention.Succeeded();
            if (_currentRate >= RequestsPerSecond) return;
            Refill();
            _currentRate = Math.Min(RequestsPerSecond, _currentRate + Math.Max(RequestsPerSecond / 20, (RequestsPerSecond - _currentRate) * RecoveryShare));
        }
    }

    /// <summary>The default Identity Center budget.</summary>
    public const double DefaultRequestsPerSecond = 20;

    /// <summary>The average rate allowed (for a <see cref="Manual"/> bucket: the tokens one <see cref="Replenish"/> adds).</summary>
    public double RequestsPerSecond { get; }

    /// <summary>Requests that may go at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>At most <paramref name="requestsPerSecond"/> on average, with bursts of <paramref name="burst"/> (default: half a second's worth, at AWS's 20 requests/s the 10 assignment requests AWS lets be in progress at once).</summary>
    public static RequestRateLimiter PerSecond(double requestsPerSecond, int burst = 0)
    {
        if (requestsPerSecond <= 0 || double.IsNaN(requestsPerSecond) || double.IsInfinity(requestsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The request rate must be a positive number.");
        // Wake waiters once per token, but not more often than every 5 ms nor less than once a second.
        var period = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, Math.Max(5 * TimeSpan.TicksPerMillisecond, (long)(TimeSpan.TicksPerSecond / requestsPerSecond))));
        return new RequestRateLimiter(burst > 0 ? burst : Math.Max(1, (int)Math.Ceiling(requestsPerSecond / 2)), requestsPerSecond * period.TotalSeconds, period);
    }

    /// <summary>A bucket that fills only when <see cref="Replenish"/> is called: lets tests count admissions without clocks.</summary>
    public static RequestRateLimiter Manual(int tokensPerPeriod, int burst)
    {
        if (tokensPerPeriod <= 0) throw new ArgumentOutOfRangeException(nameof(tokensPerPeriod), tokensPerPeriod, "Must be positive.");
        if (burst <= 0) throw new ArgumentOutOfRangeException(nameof(burst), burst, "Must be positive.");
        return new RequestRateLimiter(burst, tokensPerPeriod, period: null);
    }

    /// <summary>
    /// Waits until a request may be sent and returns its admission number (1 for the first let through), by which a
    /// throttled attempt is reported; a cancelled token leaves the queue at once.
    /// </summary>
    public Task<long> WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource<long>> node;
        lock (_gate)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(RequestRateLimiter));
            Refill();
            if (_queue.Count == 0 && _tokens >= 1)
            {
                _tokens -= 1;
                return Task.FromResult(++_admissions);
            }
            node = _queue.AddLast(new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (node.List == null) return; // already admitted
                    _queue.Remove(node);
                }
                node.Value.TrySetCanceled(cancellationToken);
            });
            node.Value.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return node.Value.Task;
    }

    /// <summary>Adds one period's tokens to a <see cref="Manual"/> bucket and admits whoever they cover.</summary>
    public bool Replenish()
    {
        if (_clock != null) return false;
        lock (_gate) _tokens = Math.Min(Burst, _tokens + _tokensPerPeriod);
        Release();
        return true;
    }

    /// <summary>Callers waiting for a token now.</summary>
    internal int QueuedCount { get { lock (_gate) return _queue.Count; } }

    /// <summary>Whole tokens in the bucket now.</summary>
    internal int AvailableTokens { get { lock (_gate) { Refill(); return (int)Math.Floor(_tokens); } } }

    private void Refill()
    {
        if (_clock == null) return;
        var now = _clock.Elapsed.TotalSeconds;
        _tokens = Math.Min(Burst, _tokens + (now - _lastRefillSeconds) * _currentRate);
        _lastRefillSeconds = now;
    }

    private void Release()
    {
        var admitted = new List<(TaskCompletionSource<long> Waiter, long Admission)>();
        lock (_gate)
        {
            if (_disposed) return;
            Refill();
            while (_queue.Count > 0 && _tokens >= 1)
            {
                _tokens -= 1;
                admitted.Add((_queue.First!.Value, ++_admissions));
                _queue.RemoveFirst();
            }
        }
        foreach (var (waiter, admission) in admitted) waiter.TrySetResult(admission);
    }

    public void Dispose()
    {
        List<TaskCompletionSource<long>> abandoned;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            abandoned = new List<TaskCompletionSource<long>>(_queue);
            _queue.Clear();
        }
        _timer?.Dispose();
        foreach (var waiter in abandoned) waiter.TrySetException(new ObjectDisposedException(nameof(RequestRateLimiter), "The connection was closed while the request waited for its turn."));
    }
}
