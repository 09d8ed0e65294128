using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Core.Aws;

/// <summary>Runs work over many items with a cap on how many run at once (the rate limiter paces the calls).</summary>
internal static class Bounded
{
    public static async Task<TResult[]> SelectAsync<T, TResult>(IEnumerable<T> items, int degree, Func<T, Task<TResult>> work, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(degree, degree);
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { return await work(item).ConfigureAwait(false); }
            finally { gate.Release(); }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>The tasks in the order they complete.</summary>
    public static IReadOnlyList<Task<T>> InCompletionOrder<T>(IReadOnlyList<Task<T>> tasks)
    {
        var buckets = tasks.Select(_ => new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var next = -1;
        foreach (var task in tasks)
            task.ContinueWith(done => buckets[Interlocked.Increment(ref next)].TrySetResult(done),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return buckets.Select(b => b.Task.Unwrap()).ToArray();
    }
}
