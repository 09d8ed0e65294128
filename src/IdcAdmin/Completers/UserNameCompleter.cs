using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Completers;

/// <summary>Completes user names from the connected session's directory (nothing when not connected).</summary>
public sealed class UserNameCompleter : PrincipalNameCompleter
{
    protected override string Noun => "User";

    protected override async IAsyncEnumerable<string> Names(IdcSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var u in new UserService(session).ListAsync(null, cancellationToken).ConfigureAwait(false)) yield return u.UserName;
    }
}
