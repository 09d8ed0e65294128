using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets.Listings;

/// <summary>
/// Where permission sets are provisioned, in both directions (ListAccountsForProvisionedPermissionSet,
/// ListPermissionSetsProvisionedToAccount): the one place that pages them, 100 a page. Streamed, so a caller that
/// stops early reads no further page. Below the lock-out guard, which reads the sets on the management account.
/// </summary>
public static class ProvisioningListings
{
    /// <summary>The accounts a set is provisioned to; with a status (<see cref="ProvisioningStatusValues"/>), only those holding (or not) its latest version.</summary>
    public static async IAsyncEnumerable<string> AccountsOfAsync(IdcSession session, string permissionSetArn, string? provisioningStatus,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListAccountsForProvisionedPermissionSetRequest
            { InstanceArn = session.InstanceArn, PermissionSetArn = permissionSetArn, ProvisioningStatus = provisioningStatus, MaxResults = 100 };
        await foreach (var accountId in session.Connection.SsoAdmin.PaginateListAccountsForProvisionedPermissionSet(request, cancellationToken).ConfigureAwait(false))
            yield return accountId;
    }

    /// <summary>The sets provisioned to an account; with a status, only those it holds (or not) at their latest version.</summary>
    public static async IAsyncEnumerable<string> PermissionSetsOnAsync(IdcSession session, string accountId, string? provisioningStatus,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListPermissionSetsProvisionedToAccountRequest
            { InstanceArn = session.InstanceArn, AccountId = accountId, ProvisioningStatus = provisioningStatus, MaxResults = 100 };
        await foreach (var arn in session.Connection.SsoAdmin.PaginateListPermissionSetsProvisionedToAccount(request, cancellationToken).ConfigureAwait(false))
            yield return arn;
    }
}
