using System.Collections.Generic;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// Tells throttling that shows contention (the session asking more than the account grants it now: our rate above the
/// service's, or another caller eating the quota) from sporadic throttling that does not. Contention is a request
/// throttled a third time in a row, or throttles making a clear majority of the last answers. One throttle in five,
/// independent of the rate, is neither (a third throttle in a row comes to one request in 125, a majority of twenty
/// answers to about one window in 1,800); cutting the rate for it would only slow the calls that pass.
/// Not thread-safe: the rate limiter calls it under its lock.
/// </summary>
internal sealed class ThrottleContention
{
    /// <summary>
    /// Throttles of one request in a row that show contention. Measured on the bulk benchmark's 100-account grant
    /// under one throttle in five: two cut the rate 15 to 23 times, three 1 to 5 times.
    /// </summary>
    public const int ThrottlesInARow = 3;

    /// <summary>Answers remembered for the majority rule.</summary>
    public const int Window = 20;

    /// <summary>Throttles among the last <see cref="Window"/> answers that show contention.</summary>
    public const int Majority = 11;

    private readonly Queue<bool> _recent = new();
    private int _throttles;

    /// <summary>A call was answered.</summary>
    public void Succeeded() => Remember(false);

    /// <summary>
    /// An attempt was throttled, the <paramref name="inARow"/>-th throttle of its request in a row: whether this
    /// shows contention.
    /// </summary>
    public bool Throttled(int inARow)
    {
        Remember(true);
        return inARow >= ThrottlesInARow || _recent.Count == Window && _throttles >= Majority;
    }

    /// <summary>The rate was cut: answers before the cut tell of the old rate, not the new one.</summary>
    public void Forget()
    {
        _recent.Clear();
        _throttles = 0;
    }

    private void Remember(bool throttled)
    {
        _recent.Enqueue(throttled);
        if (throttled) _throttles++;
        if (_recent.Count > Window && _recent.Dequeue()) _throttles--;
    }
}
