using System;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Completers;

/// <summary>
/// Runs a completer's AWS work off the prompt's thread and waits for it only briefly: Tab must not freeze the console.
/// Work that outlasts the wait goes on in the background (up to a longer limit) so a cache it fills, such as the
/// organization snapshot, is there at the next Tab.
/// </summary>
internal static class CompletionWork
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan BackgroundLimit = TimeSpan.FromMinutes(1);

    /// <summary>What the user has typed so far, without the quotes PowerShell leaves on a quoted word.</summary>
    public static string TypedWord(string? wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');

    /// <summary>The work's result, or null when it failed or did not finish within <paramref name="wait"/> (default <see cref="Wait"/>); never throws.</summary>
    public static T? Within<T>(Func<CancellationToken, Task<T>> work, TimeSpan? wait = null) where T : class
    {
        try
        {
            var limit = new CancellationTokenSource(BackgroundLimit);
            var task = Task.Run(() => work(limit.Token));
            _ = task.ContinueWith(_ => limit.Dispose(), TaskScheduler.Default);
            return task.Wait(wait ?? Wait) ? task.Result : null;
        }
        catch (Exception)
        {
            // No session, no network, no permission: no suggestions, never an error at the prompt.
            return null;
        }
    }
}
