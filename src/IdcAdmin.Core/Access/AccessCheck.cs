using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>Whether every principal holds every permission set on every account: a yes/no for compliance tests.</summary>
public static class AccessCheck
{
    /// <summary>True when all combinations are assigned (with <see cref="AssignmentFilter.IncludeGroups"/>, a user's group's assignment counts).</summary>
    public static async Task<bool> TestAsync(IdcSession session, AssignmentFilter filter, CancellationToken cancellationToken)
    {
        var resolver = new AccessResolver(session);
        await resolver.ResolveAsync(filter.Principals, filter.PermissionSets, filter.Accounts, cancellationToken).ConfigureAwait(false);
        if (resolver.Errors.Count > 0) throw new AccessResolutionException(resolver.Errors);

        var query = new AssignmentQuery(session);
        var required = new List<(AssignmentKey Direct, List<AssignmentKey> Alternatives)>();
        foreach (var p in filter.Principals.Select(p => resolver.Principal(p)!))
        {
            var groups = new List<string>();
            if (filter.IncludeGroups && p.Kind == PrincipalKind.User)
                await foreach (var g in query.GroupsOfAsync(p.Id, cancellationToken).ConfigureAwait(false)) groups.Add(g);
            foreach (var ps in filter.PermissionSets.Select(x => resolver.PermissionSet(x)!.Arn))
            foreach (var account in filter.Accounts.Select(a => resolver.Account(a)!.AccountId))
                required.Add((new AssignmentKey(account, ps, p.Kind, p.Id), groups.Select(g => new AssignmentKey(account, ps, PrincipalKind.Group, g)).ToList()));
        }
        if (required.Count == 0) return false;
        var all = required.SelectMany(r => r.Alternatives.Prepend(r.Direct)).Distinct().ToList();
        var existing = await ExistingAssignments.LoadAsync(session, all, cancellationToken).ConfigureAwait(false);
        return required.All(r => existing.Contains(r.Direct) || r.Alternatives.Any(existing.Contains));
    }
}
