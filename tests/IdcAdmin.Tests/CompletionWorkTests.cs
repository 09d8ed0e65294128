using IdcAdmin.Completers;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>Tab completion waits briefly for AWS, never throws at the prompt, and lets slow work finish for the next Tab.</summary>
public sealed class CompletionWorkTests
{
    [Fact]
    public void A_finished_result_is_returned()
    {
        Assert.Equal("names", CompletionWork.Within(_ => Task.FromResult("names")));
    }

    [Fact]
    public void A_failure_gives_no_suggestions_instead_of_an_exception()
    {
        Assert.Null(CompletionWork.Within<string>(_ => throw new InvalidOperationException("no network")));
        Assert.Null(CompletionWork.Within<string>(async _ => { await Task.Yield(); throw new UnauthorizedAccessException(); }));
    }

    [Fact]
    public void Slow_work_is_not_waited_for_but_goes_on_so_its_cache_is_filled_for_the_next_tab()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = CompletionWork.Within(async ct =>
        {
            await release.Task.ConfigureAwait(false);
            finished.SetResult(!ct.IsCancellationRequested);
            return "late";
        }, TimeSpan.FromMilliseconds(50));

        Assert.Null(result);
        release.SetResult();
        Assert.True(finished.Task.Wait(TimeSpan.FromSeconds(10)), "the work did not go on after the prompt stopped waiting");
        Assert.True(finished.Task.Result, "the work was cancelled as soon as the prompt stopped waiting");
    }

    [Fact]
    public void The_work_runs_off_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var ran = CompletionWork.Within(_ => Task.FromResult(Environment.CurrentManagedThreadId.ToString()));
        Assert.NotEqual(caller.ToString(), ran);
    }
}
