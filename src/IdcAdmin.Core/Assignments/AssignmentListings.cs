using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Assignments;

/// <summary>
/// The account-assignment listings (ListAccountAssignmentsForPrincipal, ListAccountAssignments): the one place that
/// pages them, 100 a page, and maps each entry to an <see cref="AssignmentKey"/>. Streamed, so a caller that stops
/// early reads no further page.
/// </summary>
public static class AssignmentListings
{
    /// <summary>
    /// A principal's assignments, optionally in one account. For a user, AWS also lists what it reaches through its
    /// groups (those keys name the group).
    /// </summary>
    public static async IAsyncEnumerable<AssignmentKey> ForPrincipalAsync(IdcSession session, PrincipalKind kind, string principalId, string? accountId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListAccountAssignmentsForPrincipalRequest
        {
            InstanceArn = session.InstanceArn, PrincipalType = kind.ToAws(), PrincipalId = principalId, MaxResults = 100,
            Filter = accountId == null ? null : new ListAccountAssignmentsFilter { AccountId = accountId },
        };
        await foreach (var a in session.Connection.SsoAdmin.PaginateListAccountAssignmentsForPrincipal(request, cancellationToken).ConfigureAwait(false))
            yield return new AssignmentKey(a.AccountId ?? "", a.PermissionSetArn ?? "", PrincipalKindExtensions.FromAws(a.PrincipalType), a.PrincipalId ?? principalId);
    }

    /// <summary>Who is assigned one permission set in one account.</summary>
    public static async IAsyncEnumerable<AssignmentKey> ForPairAsync(IdcSession session, string accountId, string permissionSetArn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListAccountAssignmentsRequest { InstanceArn = session.InstanceArn, AccountId = accountId, PermissionSetArn = permissionSetArn, MaxResults = 100 };
        await foreach (var a in session.Connection.SsoAdmin.PaginateListAccountAssignments(request, cancellationToken).ConfigureAwait(false))
            yield return new AssignmentKey(a.AccountId ?? accountId, a.PermissionSetArn ?? permissionSetArn, PrincipalKindExtensions.FromAws(a.PrincipalType), a.PrincipalId ?? "");
    }
}
