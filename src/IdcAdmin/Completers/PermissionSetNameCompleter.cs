using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes permission set names of the connected instance (listed once per session, then cached).</summary>
public sealed class PermissionSetNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.Current;
        if (session == null) return Array.Empty<CompletionResult>();
        IReadOnlyDictionary<string, string> names;
        try
        {
            using var cancel = new CancellationTokenSource(Budget);
            names = session.PermissionSets.AllAsync(cancel.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // A completer must never throw at the user's prompt; no names is the honest answer.
            return Array.Empty<CompletionResult>();
        }
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        return names.Keys
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, names[n]));
    }
}
