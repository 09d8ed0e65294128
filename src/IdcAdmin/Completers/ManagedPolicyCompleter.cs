using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Completers;

/// <summary>Completes AWS managed policy names from the list shipped with the module (no AWS call, works offline).</summary>
public sealed class ManagedPolicyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        return ManagedPolicyCatalog.Default.Names
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, $"AWS managed policy {n}"))
            .ToList();
    }
}
