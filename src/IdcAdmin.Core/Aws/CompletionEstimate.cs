using System;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// When an asynchronous AWS request of one kind is expected to be finished, learned from the first status read of
/// each request: a read that finds it still IN_PROGRESS raises the estimate to 15 % above the one that read was timed
/// by, one that finds it finished pulls it down by 1 %. (Raising from the estimate the read used, not the current one,
/// keeps a burst of reads timed by the same too-short estimate from raising it once each.) The estimate settles where about one first read in fifteen comes too early, so most
/// requests cost one status read and a finished request waits little for its read. A read that then finds such a
/// request finished bounds the raise (<see cref="Sufficed"/>).
/// </summary>
public sealed class CompletionEstimate
{
    private const double Raise = 1.15;
    private const double Lower = 0.99;
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(1);
    private readonly object _gate = new();
    private readonly TimeSpan _ceiling;
    private TimeSpan _current;

    public CompletionEstimate(TimeSpan initial, TimeSpan ceiling)
    {
        _ceiling = ceiling < Floor ? Floor : ceiling;
        _current = Clamp(initial);
    }

    /// <summary>How long after a request was accepted its first status read goes out.</summary>
    public TimeSpan Current { get { lock (_gate) return _current; } }

    /// <summary>Learns from one request's first status read, which was timed by <paramref name="used"/>.</summary>
    public void Observe(bool finished, TimeSpan used)
    {
        lock (_gate)
        {
            var raised = TimeSpan.FromTicks((long)(used.Ticks * Raise));
            _current = Clamp(finished ? TimeSpan.FromTicks((long)(_current.Ticks * Lower)) : raised > _current ? raised : _current);
        }
    }

    /// <summary>
    /// A later read, sent <paramref name="after"/> the request was accepted, found finished a request whose first read
    /// came too early: that long is known to suffice, so an estimate raised past it comes down to it (the 15 % raise
    /// is a guess; this is a measurement).
    /// </summary>
    public void Sufficed(TimeSpan after)
    {
        lock (_gate)
        {
            if (after < _current) _current = Clamp(after);
        }
    }

    private TimeSpan Clamp(TimeSpan t) => t < Floor ? Floor : t > _ceiling ? _ceiling : t;
}
