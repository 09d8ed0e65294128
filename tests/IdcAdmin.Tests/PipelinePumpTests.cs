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
}
