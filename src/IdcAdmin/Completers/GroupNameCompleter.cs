using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Completers;

/// <summary>Completes group names from the connected session's directory (nothing when not connected).</summary>
public sealed class GroupNameCompleter : PrincipalNameCompleter
{
    protected override string Noun => "Group";

    protected override async IAsyncEnumerable<string> Names(IdcSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var g in new GroupService(session).ListAsync(null, cancellationToken).ConfigureAwait(false)) yield return g.DisplayName;
    }
}
