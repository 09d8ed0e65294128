using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// A planned change applied to a permission set, with the accounts to re-provision it to listed while the change is
/// applied: which accounts hold the set does not depend on the change, and listing them after it would cost a round trip.
/// </summary>
public static class PermissionSetUpdate
{
    /// <returns>The accounts the set is provisioned to, or null when <paramref name="listAccounts"/> is false.</returns>
    public static async Task<IReadOnlyList<string>?> ApplyAsync(IdcSession session, IOutputWriter output, PermissionSetPlan plan, PermissionSetSpec spec,
        bool listAccounts, bool allowNoAdministrator, CancellationToken cancellationToken)
    {
        var current = plan.Current!;
        var apply = new PermissionSetWriter(session, output).ApplyAsync(current, plan.Changes, spec, cancellationToken, allowNoAdministrator);
        var listing = listAccounts ? new PermissionSetProvisioner(session, output).ProvisionedAccountsAsync(current.PermissionSetArn, cancellationToken) : null;
        // A failed change is what is reported (WhenAll rethrows the first task's fault), even when the listing failed too.
        await (listing == null ? apply : Task.WhenAll(apply, listing)).ConfigureAwait(false);
        return listing?.Result;
    }
}
