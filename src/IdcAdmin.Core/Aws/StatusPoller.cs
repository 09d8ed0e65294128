using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>How long and how often to poll an asynchronous AWS request (assignments, provisioning).</summary>
public sealed class PollOptions
{
    /// <summary>
    /// First wait between polls; grows by half each time up to <see cref="MaxInterval"/>. With a learned
    /// <see cref="CompletionEstimate"/> it is also where the estimate starts.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Give up after this long; AWS says assignments "may take a few minutes".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>These settings with another timeout, or these when none is given (a -Timeout of one call).</summary>
    public PollOptions WithTimeout(TimeSpan? timeout) =>
        timeout is { } t ? new PollOptions { Interval = Interval, MaxInterval = MaxInterval, Timeout = t } : this;
}

/// <summary>Polls a Describe…Status call until the request leaves IN_PROGRESS or the timeout passes.</summary>
public static class StatusPoller
{
    /// <summary>Polls at once, then after <see cref="PollOptions.Interval"/>, growing.</summary>
    public static Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> describe, Func<T, bool> isDone, PollOptions options, CancellationToken cancellationToken) =>
        UntilDoneAsync(describe, isDone, options, null, cancellationToken);

    /// <summary>
    /// With an <paramref name="estimate"/>, the first read waits until the request is expected to be finished (a read
    /// before that only costs a call of the shared budget) and teaches the estimate; reads after a too-early one come
    /// at a fifth of the estimate, growing.
    /// </summary>
    public static async Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> describe, Func<T, bool> isDone, PollOptions options, CompletionEstimate? estimate, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var interval = options.Interval;
        var expected = TimeSpan.Zero;
        if (estimate != null)
        {
            expected = estimate.Current;
            await Task.Delay(expected < options.Timeout ? expected : options.Timeout, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(options.MaxInterval.Ticks, expected.Ticks / 5)));
        }
        var first = true;
        while (true)
        {
            var status = await describe(cancellationToken).ConfigureAwait(false);
            if (first && estimate != null) estimate.Observe(isDone(status), expected);
            first = false;
            if (isDone(status)) return status;
            if (elapsed.Elapsed + interval > options.Timeout)
                throw new StatusTimeoutException<T>(status, options.Timeout);
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(options.MaxInterval.Ticks, interval.Ticks + interval.Ticks / 2));
        }
    }
}

/// <summary>An asynchronous request was still in progress when the wait ended; it may still finish in AWS.</summary>
public sealed class StatusTimeoutException<T> : TimeoutException
{
    public StatusTimeoutException(T lastStatus, TimeSpan timeout)
        : base($"Still in progress after {timeout.TotalSeconds:0} s; AWS may still complete it. Check again later.") => LastStatus = lastStatus;

    public T LastStatus { get; }
}
