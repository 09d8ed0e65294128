using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using IdcAdmin.Core.Session;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes user or group names from the connected session's directory (nothing when not connected).</summary>
public abstract class PrincipalNameCompleter : IArgumentCompleter
{
    /// <summary>The kind of name, for the tooltip ("User", "Group").</summary>
    protected abstract string Noun { get; }

    /// <summary>The names in the directory, as the list pages arrive.</summary>
    protected abstract IAsyncEnumerable<string> Names(IdcSession session, CancellationToken cancellationToken);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return Enumerable.Empty<CompletionResult>();
        return PrincipalNameCompletion.Complete(ct => Names(session, ct), wordToComplete, Noun);
    }
}
