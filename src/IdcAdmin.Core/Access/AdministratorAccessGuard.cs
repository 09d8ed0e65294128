using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Access;

/// <summary>
/// The lock-out guard: finds revokes that would remove the last AdministratorAccess-style assignment (a permission
/// set carrying the AWS managed AdministratorAccess policy) from the organization's management account.
/// </summary>
public static class AdministratorAccessGuard
{
    public const string AdministratorAccessPolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    /// <summary>The revokes among <paramref name="revokes"/> that would leave the management account without administrators.</summary>
    public static async Task<IReadOnlyCollection<AssignmentKey>> LockingOutAsync(IdcSession session, IReadOnlyCollection<AssignmentKey> revokes, CancellationToken cancellationToken)
    {
        var none = Array.Empty<AssignmentKey>();
        if (revokes.Count == 0) return none;
        var management = await OrganizationDirectory.For(session).ManagementAccountIdAsync(cancellationToken).ConfigureAwait(false);
        if (management == null) return none;
        var onManagement = revokes.Where(k => k.AccountId == management).ToList();
        if (onManagement.Count == 0) return none;

        // Admin-style permission sets on the management account: those provisioned to it, and those being revoked.
        var candidates = new HashSet<string>(onManagement.Select(k => k.PermissionSetArn), StringComparer.Ordinal);
        var provisioned = new ListPermissionSetsProvisionedToAccountRequest { InstanceArn = session.InstanceArn, AccountId = management };
        await foreach (var arn in session.Connection.SsoAdmin.PaginateListPermissionSetsProvisionedToAccount(provisioned, cancellationToken).ConfigureAwait(false))
            candidates.Add(arn);
        var adminSets = new List<string>();
        foreach (var arn in candidates)
            if (await IsAdministratorStyleAsync(session, arn, cancellationToken).ConfigureAwait(false)) adminSets.Add(arn);
        var revokedAdmin = onManagement.Where(k => adminSets.Contains(k.PermissionSetArn)).ToList();
        if (revokedAdmin.Count == 0) return none;

        var remaining = new HashSet<AssignmentKey>();
        foreach (var arn in adminSets)
            foreach (var key in await ExistingAssignments.ForPairAsync(session, management, arn, cancellationToken).ConfigureAwait(false))
                remaining.Add(key);
        remaining.ExceptWith(revokes);
        return remaining.Count == 0 ? revokedAdmin : none;
    }

    public static async Task<bool> IsAdministratorStyleAsync(IdcSession session, string permissionSetArn, CancellationToken cancellationToken)
    {
        var request = new ListManagedPoliciesInPermissionSetRequest { InstanceArn = session.InstanceArn, PermissionSetArn = permissionSetArn };
        await foreach (var policy in session.Connection.SsoAdmin.PaginateListManagedPoliciesInPermissionSet(request, cancellationToken).ConfigureAwait(false))
            if (string.Equals(policy.Arn, AdministratorAccessPolicyArn, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
