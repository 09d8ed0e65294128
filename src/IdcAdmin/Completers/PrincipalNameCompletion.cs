using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IdcAdmin.Completers;

/// <summary>
/// Shared rules of the user and group name completers: read a few pages at most, stop after a few seconds, offer at
/// most <see cref="MaxResults"/> names, quote names that need it. Tab completion must feel instant, not be complete.
/// </summary>
internal static class PrincipalNameCompletion
{
    public const int MaxResults = 50;
    public const int MaxScanned = 500;
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public static IEnumerable<CompletionResult> Complete(Func<CancellationToken, IAsyncEnumerable<string>> names, string wordToComplete, string tooltipNoun)
    {
        var prefix = CompletionWork.TypedWord(wordToComplete);
        List<string> found;
        try
        {
            using var timeout = new CancellationTokenSource(Budget);
            found = Task.Run(() => CollectAsync(names(timeout.Token), prefix, timeout.Token)).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Completion never throws at the user: no session, no network or no permission simply offers nothing.
            return Enumerable.Empty<CompletionResult>();
        }
        return found.OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, $"{tooltipNoun} {n}"))
            .ToList();
    }

    private static async Task<List<string>> CollectAsync(IAsyncEnumerable<string> names, string prefix, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var scanned = 0;
        try
        {
            await foreach (var name in names.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrEmpty(name)) continue;
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) found.Add(name);
                if (found.Count >= MaxResults || ++scanned >= MaxScanned) break;
            }
        }
        catch (OperationCanceledException)
        {
            // Out of time: offer what was found so far.
        }
        return found;
    }

    private static string Quote(string name) =>
        name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '&', '|' }) >= 0
            ? "'" + name.Replace("'", "''") + "'"
            : name;
}
