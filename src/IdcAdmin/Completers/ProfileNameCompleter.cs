using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Completers;

/// <summary>Completes the AWS profile names of the shared config and credentials files.</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        IReadOnlyList<string> names;
        try { names = AwsCredentialResolver.ProfileNames(fakeBoundParameters?["ProfileLocation"] as string); }
        catch (Exception) { return Array.Empty<CompletionResult>(); }   // an unreadable file offers nothing, never an error
        return names.Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(CompletionSnapshot.Quote(n), n, CompletionResultType.ParameterValue, $"AWS profile {n}"))
            .ToList();
    }
}
