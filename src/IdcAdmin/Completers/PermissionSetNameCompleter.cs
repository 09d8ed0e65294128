using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes permission set names of the connected instance (listed once per session, again when a prefix matches nothing).</summary>
public sealed class PermissionSetNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return Array.Empty<CompletionResult>();
        // A first listing slower than the wait completes at a later Tab.
        var permissionSets = session.PermissionSets;
        var prefix = CompletionWork.TypedWord(wordToComplete);
        var names = CompletionWork.Within(ct => permissionSets.AllAsync(ct));
        if (names == null) return Array.Empty<CompletionResult>();
        // A prefix that matches nothing lists again once, so sets made outside the session complete too.
        if (!names.Keys.Any(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            names = CompletionWork.Within(ct => permissionSets.AllAsync(ct, refresh: true)) ?? names;
        return names.Keys
            .Where(n => !string.IsNullOrEmpty(n) && !string.IsNullOrEmpty(names[n]) && n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(CompletionSnapshot.Quote(n), n, CompletionResultType.ParameterValue, names[n]))
            .ToList();
    }
}
