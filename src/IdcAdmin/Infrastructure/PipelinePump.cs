using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Runs engine work to completion while keeping every Write-* call on the pipeline thread, as PowerShell requires:
/// the engine's reports (from any thread) are queued and replayed here while the caller waits.
/// </summary>
internal sealed class PipelinePump : IOutputWriter, IDisposable
{
    private readonly BlockingCollection<Action?> _queue = new();
    private readonly Action<string> _verbose;
    private readonly Action<string> _warning;
    private readonly Action<string> _debug;
    private readonly Action<ProgressReport> _progress;
    private readonly CancellationToken _abandoned;
    private int _pipelineThreadId = -1;

    /// <summary>
    /// <c>abandoned</c> is cancelled when the pipeline thread will pump no more (the pipeline stopped): engine work waiting
    /// for an answer from <see cref="OnPipelineThread{T}"/> then gets an OperationCanceledException instead of waiting forever.
    /// </summary>
    public PipelinePump(Action<string> verbose, Action<string> warning, Action<string> debug, Action<ProgressReport> progress,
        CancellationToken abandoned = default)
    {
        _verbose = verbose;
        _warning = warning;
        _debug = debug;
        _progress = progress;
        _abandoned = abandoned;
    }

    public void WriteVerbose(string message) => Enqueue(() => _verbose(message));
    public void WriteWarning(string message) => Enqueue(() => _warning(message));
    public void WriteDebug(string message) => Enqueue(() => _debug(message));
    public void WriteProgress(ProgressReport progress) => Enqueue(() => _progress(progress));

    private void Enqueue(Action? action)
    {
        // Engine work abandoned by a stopped pipeline may still report after the cmdlet is disposed: no one reads it.
        try { _queue.Add(action); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Runs <paramref name="work"/> off the pipeline thread and pumps its reports until it ends.</summary>
    public T Run<T>(Func<Task<T>> work)
    {
        _pipelineThreadId = Environment.CurrentManagedThreadId;
        // The transport's diagnostics of this work go to this cmdlet's Debug stream.
        AmbientCallLog.Sink = WriteDebug;
        AmbientCallLog.VerboseSink = WriteVerbose;
        var task = Task.Run(work);
        task.ContinueWith(_ => Enqueue(null), TaskContinuationOptions.ExecuteSynchronously);
        foreach (var action in _queue.GetConsumingEnumerable())
        {
            if (action != null) action();
            else if (task.IsCompleted) break;
        }
        Drain();
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Calls <paramref name="call"/> on the pipeline thread and returns its result, for engine work (inside
    /// <see cref="Run{T}"/>) that must ask PowerShell something, such as ShouldProcess: PowerShell refuses that from
    /// any other thread under -WhatIf, -Confirm or -Verbose. On the pipeline thread it simply calls it.
    /// </summary>
    public T OnPipelineThread<T>(Func<T> call)
    {
        if (_pipelineThreadId == -1 || Environment.CurrentManagedThreadId == _pipelineThreadId) return call();
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(() =>
        {
            if (answer.Task.IsCompleted) return;
            try { answer.TrySetResult(call()); }
            catch (Exception e) { answer.TrySetException(e); }
        });
        using (_abandoned.Register(() => answer.TrySetCanceled(_abandoned)))
            return answer.Task.GetAwaiter().GetResult();
    }

    public void Run(Func<Task> work) => Run(async () => { await work().ConfigureAwait(false); return true; });

    /// <summary>Yields a stream's items on the pipeline thread as they arrive.</summary>
    public IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var e = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (Run(() => e.MoveNextAsync().AsTask())) yield return e.Current;
        }
        finally
        {
            Run(() => e.DisposeAsync().AsTask());
        }
    }

    /// <summary>Writes whatever the engine queued after the work ended (e.g. from a finally block).</summary>
    public void Drain()
    {
        while (_queue.TryTake(out var action)) action?.Invoke();
    }

    public void Dispose() => _queue.Dispose();
}
