using System;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// The retry budget one session's calls share, as in the AWS SDKs' standard mode: a retry after a connection failure
/// or 5xx costs <see cref="RetryCost"/> tokens (a timeout <see cref="TimeoutCost"/>), a success gives back what its
/// retries took (or one token). When a service is down the budget runs dry and calls fail at their first error
/// instead of multiplying the load. Throttling draws on the adaptive request rate instead.
/// </summary>
public sealed class RetryQuota
{
    public const int DefaultCapacity = 500;
    public const int RetryCost = 5;
    public const int TimeoutCost = 10;
    private readonly object _gate = new();
    private int _available;

    public RetryQuota(int capacity = DefaultCapacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Must not be negative.");
        Capacity = capacity;
        _available = capacity;
    }

    public int Capacity { get; }
    public int Available { get { lock (_gate) return _available; } }

    /// <summary>Takes the cost of one retry; false (and nothing taken) when the budget cannot pay for it.</summary>
    public bool TryAcquire(int cost)
    {
        lock (_gate)
        {
            if (_available < cost) return false;
            _available -= cost;
            return true;
        }
    }

    /// <summary>A call succeeded: gives back what its retries cost, or one token when it needed none.</summary>
    public void Release(int spent)
    {
        lock (_gate) _available = Math.Min(Capacity, _available + (spent > 0 ? spent : 1));
    }
}
