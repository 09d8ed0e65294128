using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IdcAdmin.Completers;

/// <summary>Completes OU names (not paths) from the session's snapshot of the organization.</summary>
public sealed class OrganizationalUnitNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        return CompletionSnapshot.Complete(fakeBoundParameters, snapshot => snapshot.Units
            .Where(u => !string.IsNullOrEmpty(u.Name) && u.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CompletionResult(CompletionSnapshot.Quote(g.Key), g.Key, CompletionResultType.ParameterValue,
                string.Join(", ", g.Select(u => u.Path)))));
    }
}
