using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes permission set names of the connected instance (listed once per session, then cached).</summary>
public sealed class PermissionSetNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return Array.Empty<CompletionResult>();
        // Listed once per session (then cached); a first listing slower than the wait completes at a later Tab.
        var permissionSets = session.PermissionSets;
        var names = CompletionWork.Within(ct => permissionSets.AllAsync(ct));
        if (names == null) return Array.Empty<CompletionResult>();
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        return names.Keys
            .Where(n => !string.IsNullOrEmpty(n) && !string.IsNullOrEmpty(names[n]) && n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(CompletionSnapshot.Quote(n), n, CompletionResultType.ParameterValue, names[n]))
            .ToList();
    }
}
