using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IdcAdmin.Completers;

/// <summary>Completes OU paths (/Root/Workloads/Prod) from the session's snapshot of the organization.</summary>
public sealed class OrganizationalUnitCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        return CompletionSnapshot.Complete(fakeBoundParameters, snapshot => snapshot.Units
            .Where(u => !string.IsNullOrEmpty(u.Path) && !string.IsNullOrEmpty(u.OrganizationalUnitId))
            .Where(u => u.Path.StartsWith(word, StringComparison.OrdinalIgnoreCase) || u.Path.TrimStart('/').StartsWith(word, StringComparison.OrdinalIgnoreCase)
                        || u.OrganizationalUnitId.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Path, StringComparer.OrdinalIgnoreCase)
            .Select(u => new CompletionResult(CompletionSnapshot.Quote(u.Path), u.Path, CompletionResultType.ParameterValue, $"{u.Path} ({u.OrganizationalUnitId})")));
    }
}
