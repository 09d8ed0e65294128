using System;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>How long and how often to poll an asynchronous AWS request (assignments, provisioning).</summary>
public sealed class PollOptions
{
    /// <summary>First wait between polls; grows by half each time up to <see cref="MaxInterval"/>.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Give up after this long; AWS says assignments "may take a few minutes".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Polls a Describe…Status call until the request leaves IN_PROGRESS or the timeout passes.</summary>
public static class StatusPoller
{
    public static async Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> describe, Func<T, bool> isDone, PollOptions options, CancellationToken cancellationToken)
    {
        // A Stopwatch, not TimeProvider: the netstandard2.0 TimeProvider shim does not load on .NET 8+ hosts.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var interval = options.Interval;
        while (true)
        {
            var status = await describe(cancellationToken).ConfigureAwait(false);
            if (isDone(status)) return status;
            if (watch.Elapsed + interval > options.Timeout)
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
