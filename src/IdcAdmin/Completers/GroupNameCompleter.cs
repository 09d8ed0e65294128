using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Completers;

/// <summary>Completes group names from the connected session's directory (nothing when not connected).</summary>
public sealed class GroupNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return Enumerable.Empty<CompletionResult>();
        var groups = new GroupService(session);
        return PrincipalNameCompletion.Complete(ct => Names(groups.ListAsync(null, ct)), wordToComplete, "Group");
    }

    private static async IAsyncEnumerable<string> Names(IAsyncEnumerable<IdcGroup> groups)
    {
        await foreach (var g in groups.ConfigureAwait(false)) yield return g.DisplayName;
    }
}
