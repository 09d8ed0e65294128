using IdcAdmin.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// Engine work runs off the pipeline thread, but PowerShell answers ShouldProcess (under -WhatIf, -Confirm or
/// -Verbose) only on the pipeline thread: the pump carries such calls over while the work waits.
/// </summary>
public sealed class PipelinePumpTests
{
    private static PipelinePump NewPump() => new(_ => { }, _ => { }, _ => { }, _ => { });

    [Fact]
    public void A_call_from_the_engine_thread_runs_on_the_pipeline_thread_and_its_answer_goes_back()
    {
        var pump = NewPump();
        var pipelineThread = Environment.CurrentManagedThreadId;
        var calledOn = new List<int>();

        var (workThread, answers) = pump.Run(async () =>
        {
            await Task.Yield();
            var first = pump.OnPipelineThread(() => { calledOn.Add(Environment.CurrentManagedThreadId); return true; });
            var second = pump.OnPipelineThread(() => { calledOn.Add(Environment.CurrentManagedThreadId); return false; });
            return (Environment.CurrentManagedThreadId, new[] { first, second });
        });

        Assert.NotEqual(pipelineThread, workThread);
        Assert.Equal(new[] { pipelineThread, pipelineThread }, calledOn);
        Assert.Equal(new[] { true, false }, answers);
    }

    [Fact]
    public void An_exception_of_the_call_reaches_the_engine_work()
    {
        var pump = NewPump();

        var e = Assert.Throws<InvalidOperationException>(() => pump.Run(async () =>
        {
            await Task.Yield();
            return pump.OnPipelineThread<bool>(() => throw new InvalidOperationException("declined"));
        }));

        Assert.Equal("declined", e.Message);
    }

    [Fact]
    public void On_the_pipeline_thread_the_call_is_made_directly()
    {
        var pump = NewPump();
        var thread = Environment.CurrentManagedThreadId;

        Assert.Equal(thread, pump.OnPipelineThread(() => Environment.CurrentManagedThreadId));
    }

    [Fact]
    public void An_engine_question_left_unanswered_when_the_pipeline_stops_is_cancelled_instead_of_waiting_forever()
    {
        using var stopped = new CancellationTokenSource();
        // The pipeline thread's first write throws, as WriteVerbose does once the pipeline is stopping.
        var pump = new PipelinePump(_ => throw new OperationCanceledException("pipeline stopping"), _ => { }, _ => { }, _ => { }, stopped.Token);
        var engine = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Throws<OperationCanceledException>(() => pump.Run(async () =>
        {
            await Task.Yield();
            pump.WriteVerbose("working");
            _ = Task.Run(() =>
            {
                try { pump.OnPipelineThread(() => true); engine.SetResult(null); }
                catch (Exception e) { engine.SetResult(e); }
            });
            await engine.Task.ConfigureAwait(false);
            return true;
        }));

        Assert.False(engine.Task.IsCompleted, "nobody pumps, so the question cannot have been answered yet");
        stopped.Cancel();
        Assert.True(engine.Task.Wait(TimeSpan.FromSeconds(10)), "the engine still waits for an answer after the pipeline stopped");
        Assert.IsAssignableFrom<OperationCanceledException>(engine.Task.Result);
    }

    [Fact]
    public void A_question_answered_on_the_pipeline_thread_is_not_cancelled_afterwards()
    {
        using var stopped = new CancellationTokenSource();
        var pump = new PipelinePump(_ => { }, _ => { }, _ => { }, _ => { }, stopped.Token);

        var answer = pump.Run(async () =>
        {
            await Task.Yield();
            var a = pump.OnPipelineThread(() => 42);
            stopped.Cancel();
            return a;
        });

        Assert.Equal(42, answer);
    }

    [Fact]
    public void Reports_of_work_still_running_after_the_pump_is_disposed_are_dropped_without_an_error()
    {
        var written = new List<string>();
        var pump = new PipelinePump(written.Add, _ => { }, _ => { }, _ => { });
        pump.WriteVerbose("before");
        pump.Drain();

        pump.Dispose();
        pump.WriteVerbose("after");

        Assert.Equal(new[] { "before" }, written);
    }
}
