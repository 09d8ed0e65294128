using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IdcAdmin.Completers;

/// <summary>Completes 12-digit account ids (matched by id or name) where a parameter takes ids only.</summary>
public sealed class AccountIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        return CompletionSnapshot.Complete(fakeBoundParameters, snapshot => snapshot.Accounts
            .Where(a => !string.IsNullOrEmpty(a.AccountId))
            .Where(a => a.AccountId.StartsWith(word, StringComparison.Ordinal) || (a.Name ?? "").StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new CompletionResult(a.AccountId, $"{a.AccountId} {a.Name}", CompletionResultType.ParameterValue,
                $"{a.Name} ({a.AccountId}) {a.OrganizationalUnitPath} {a.Status}")));
    }
}
