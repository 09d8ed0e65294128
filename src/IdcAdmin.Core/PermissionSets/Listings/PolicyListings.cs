using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets.Listings;

/// <summary>
/// The policies attached to a permission set (ListManagedPoliciesInPermissionSet,
/// ListCustomerManagedPolicyReferencesInPermissionSet): the one place that pages them, 100 a page. Streamed, so a
/// caller looking for one policy stops at the page that holds it. Below the lock-out guard and the guide, which check
/// for AdministratorAccess.
/// </summary>
public static class PolicyListings
{
    public static async IAsyncEnumerable<AttachedManagedPolicy> ManagedPoliciesAsync(IdcSession session, string permissionSetArn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListManagedPoliciesInPermissionSetRequest { InstanceArn = session.InstanceArn, PermissionSetArn = permissionSetArn, MaxResults = 100 };
        await foreach (var p in session.Connection.SsoAdmin.PaginateListManagedPoliciesInPermissionSet(request, cancellationToken).ConfigureAwait(false))
            if (p.Arn != null) yield return new AttachedManagedPolicy(p.Arn, p.Name);
    }

    public static async IAsyncEnumerable<AttachedCustomerManagedPolicy> CustomerManagedPoliciesAsync(IdcSession session, string permissionSetArn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListCustomerManagedPolicyReferencesInPermissionSetRequest { InstanceArn = session.InstanceArn, PermissionSetArn = permissionSetArn, MaxResults = 100 };
        await foreach (var p in session.Connection.SsoAdmin.PaginateListCustomerManagedPolicyReferencesInPermissionSet(request, cancellationToken).ConfigureAwait(false))
            if (p.Name != null) yield return new AttachedCustomerManagedPolicy(p.Name, p.Path);
    }
}
