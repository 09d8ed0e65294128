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

/// <summary>Completes user names from the connected session's directory (nothing when not connected).</summary>
public sealed class UserNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = SessionStore.ForCompletion(fakeBoundParameters);
        if (session == null) return Enumerable.Empty<CompletionResult>();
        var users = new UserService(session);
        return PrincipalNameCompletion.Complete(ct => Names(users.ListAsync(null, ct)), wordToComplete, "User");
    }

    private static async IAsyncEnumerable<string> Names(IAsyncEnumerable<IdcUser> users)
    {
        await foreach (var u in users.ConfigureAwait(false)) yield return u.UserName;
    }
}
