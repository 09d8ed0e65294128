using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Infrastructure;

namespace IdcAdmin;

/// <summary>
/// Base of every IdcAdmin cmdlet: runs engine work on the pipeline thread with its reports forwarded, and cancels it
/// when the user presses Ctrl+C. Cmdlets that work in a session derive from <see cref="IdcCmdlet"/>.
/// </summary>
public abstract partial class IdcCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private PipelinePump? _pump;

    /// <summary>Cancelled by Ctrl+C / StopProcessing.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The engine's view of this cmdlet's output streams.</summary>
    protected IOutputWriter Output => Pump;

    private PipelinePump Pump => _pump ??= new PipelinePump(WriteVerbose, WriteWarning, WriteDebug, WriteProgressReport, CancellationToken);

    /// <summary>Runs engine work to completion on this thread, forwarding its verbose/warning/progress output.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        RememberSession();
        return Stoppable(() => Pump.Run(() => work(CancellationToken)));
    }

    protected void Run(Func<CancellationToken, Task> work)
    {
        RememberSession();
        Stoppable(() => { Pump.Run(() => work(CancellationToken)); return true; });
    }

    /// <summary>Enumerates an engine stream, one page fetched at a time, on this thread.</summary>
    protected IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
    {
        RememberSession();
        return StoppableStream(Pump.Stream(source, CancellationToken));
    }

    private IEnumerable<T> StoppableStream<T>(IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        while (Stoppable(e.MoveNext)) yield return e.Current;
    }

    /// <summary>
    /// Ctrl+C cancels the engine work; its OperationCanceledException becomes PipelineStoppedException, which PowerShell
    /// ends on quietly (and which the cmdlets' catch filters let through). When the pipeline stops under the pump (a
    /// Write-* call threw PipelineStoppedException), the engine work still running is cancelled.
    /// </summary>
    private T Stoppable<T>(Func<T> pumped)
    {
        try
        {
            return pumped();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (PipelineStoppedException)
        {
            _cancellation.Cancel();
            throw;
        }
    }

    /// <summary>ShouldProcess for engine work running inside <see cref="Run{T}"/>: asked on the pipeline thread, as PowerShell requires.</summary>
    protected bool ShouldProcessFromEngine(string target, string action) => Pump.OnPipelineThread(() => ShouldProcessChange(target, action));

    /// <summary>
    /// The catch filter of per-item work: any failure is that item's error, except the pipeline stopping (Ctrl+C, or a
    /// downstream Select-Object -First), which must end the cmdlet.
    /// </summary>
    protected bool IsItemFailure(Exception e) => e is not PipelineStoppedException && !CancellationToken.IsCancellationRequested;

    /// <summary>
    /// Runs one item's work; its failure becomes that item's non-terminating error, so the rest go on. False when it failed.
    /// </summary>
    protected bool ForItem(object? target, string errorId, Action work)
    {
        try
        {
            work();
            return true;
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, errorId, target);
            return false;
        }
    }

    /// <summary>
    /// ShouldProcess for every state change: where the host cannot prompt (non-interactive), it fails as
    /// IdcConfirmationUnavailable, saying how to go ahead, instead of as the change itself.
    /// </summary>
    protected bool ShouldProcessChange(string target, string action) => Ask(target, action, forceSkips: false);

    /// <summary>ShouldProcess where -Force skips the confirmation but never -WhatIf (as a parameter or $WhatIfPreference).</summary>
    protected bool ShouldProcessUnlessForced(bool force, string target, string action) =>
        (force && !WhatIfRequested) || Ask(target, action, forceSkips: true);

    private bool Ask(string target, string action, bool forceSkips)
    {
        try
        {
            return ShouldProcess(target, action);
        }
        catch (PSInvalidOperationException e)
        {
            throw new ConfirmationUnavailableException(target, action, forceSkips, e);
        }
    }

    private bool WhatIfRequested => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
        ? w is SwitchParameter s && s.IsPresent
        : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>Writes a non-terminating error for one failed item, so the rest go on.</summary>
    protected void WriteItemError(Exception e, string errorId, object? target, ErrorCategory? category = null) =>
        WriteError(ErrorRecords.From(Unwrap(e), errorId, target, category));

    protected void ThrowTerminating(Exception e, string errorId, object? target, ErrorCategory? category = null) =>
        ThrowTerminatingError(ErrorRecords.From(Unwrap(e), errorId, target, category));

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Called on the pipeline thread before engine work starts, where the runspace's state can be read.</summary>
    protected virtual void RememberSession() { }

    protected override void EndProcessing() => _pump?.Drain();

    /// <summary>
    /// PowerShell disposes the cmdlet when its pipeline ends (normally or stopped); engine work still running then has
    /// no one to report to, so it is cancelled.
    /// </summary>
    public void Dispose()
    {
        _cancellation.Cancel();
        _pump?.Dispose();
        _cancellation.Dispose();
    }

    private void WriteProgressReport(ProgressReport p)
    {
        var record = new ProgressRecord(p.ActivityId, p.Activity, string.IsNullOrEmpty(p.Status) ? p.Activity : p.Status)
        {
            PercentComplete = Math.Max(-1, Math.Min(100, p.PercentComplete)),
            RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        WriteProgress(record);
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
}
