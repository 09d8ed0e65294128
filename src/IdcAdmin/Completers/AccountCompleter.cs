using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes account names (and ids) from the session's snapshot of the organization.</summary>
public sealed class AccountCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var snapshot = CompletionSnapshot.Get();
        if (snapshot == null) return Array.Empty<CompletionResult>();
        var word = (wordToComplete ?? "").Trim('\'', '"');
        return snapshot.Accounts
            .Where(a => a.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || a.AccountId.StartsWith(word, StringComparison.Ordinal))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new CompletionResult(CompletionSnapshot.Quote(a.Name), a.Name, CompletionResultType.ParameterValue,
                $"{a.Name} ({a.AccountId}) {a.OrganizationalUnitPath} {a.Status}"));
    }
}

/// <summary>The organization snapshot for completion: loaded once per session, never blocking the prompt for long.</summary>
internal static class CompletionSnapshot
{
    public static OrganizationSnapshot? Get()
    {
        var session = SessionStore.Current;
        if (session == null) return null;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return OrganizationDirectory.For(session).SnapshotAsync(refresh: false, cts.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Completion must never throw at the prompt; no suggestions instead.
            return null;
        }
    }

    public static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
}
