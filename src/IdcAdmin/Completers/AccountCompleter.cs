using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes account names (and ids) from the session's snapshot of the organization.</summary>
public sealed class AccountCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWork.TypedWord(wordToComplete);
        return CompletionSnapshot.Complete(fakeBoundParameters, snapshot => snapshot.Accounts
            .Where(a => !string.IsNullOrEmpty(a.Name) && !string.IsNullOrEmpty(a.AccountId))
            .Where(a => a.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || a.AccountId.StartsWith(word, StringComparison.Ordinal))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new CompletionResult(CompletionSnapshot.Quote(a.Name), a.Name, CompletionResultType.ParameterValue,
                $"{a.Name} ({a.AccountId}) {a.OrganizationalUnitPath} {a.Status}")));
    }
}

/// <summary>The organization snapshot for completion: walked once per session and again when nothing matches, never blocking the prompt for long.</summary>
internal static class CompletionSnapshot
{
    public static OrganizationSnapshot? Get(IDictionary? fakeBoundParameters, bool refresh = false)
    {
        // Read on the calling thread: the runspace (so the session) is unknown on the thread that does the work.
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return null;
        return CompletionWork.Within(ct => OrganizationDirectory.For(session).SnapshotAsync(refresh, ct));
    }

    /// <summary>The completions <paramref name="matches"/> finds in the snapshot; when none, in a snapshot walked again once.</summary>
    public static IEnumerable<CompletionResult> Complete(IDictionary? fakeBoundParameters, Func<OrganizationSnapshot, IEnumerable<CompletionResult>> matches)
    {
        var snapshot = Get(fakeBoundParameters);
        if (snapshot == null) return Array.Empty<CompletionResult>();
        var found = matches(snapshot).ToList();
        if (found.Count > 0) return found;
        var fresh = Get(fakeBoundParameters, refresh: true);
        return fresh == null ? found : matches(fresh).ToList();
    }

    public static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
}
