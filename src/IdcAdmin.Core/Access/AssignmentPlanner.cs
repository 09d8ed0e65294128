using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Resolves a gathered batch, drops what is already done, and applies the safety rules (the lock-out guard unless
/// allowNoAdministrator, which -Force never implies); sends nothing.
/// </summary>
public static class AssignmentPlanner
{
    public static async Task<AssignmentPlan> PlanAsync(IdcSession session, AssignmentRequestSet requests, AssignmentOperation operation, bool allowNoAdministrator,
        IOutputWriter output, CancellationToken cancellationToken)
    {
        var plan = new AssignmentPlan(operation);
        var resolver = new AccessResolver(session);
        // Which assignments exist is read per principal when the batch has fewer principals than pairs: those listings
        // need only the principal, so each starts as its principal is resolved, alongside the organization walk.
        var prefetch = new PrincipalListingPrefetch(session, cancellationToken);
        var pairs = requests.Items.Select(r => (r.Account.ToUpperInvariant(), r.PermissionSet.ToUpperInvariant())).Distinct().Count();
        Action<ResolvedPrincipal>? resolved = PrincipalListingPrefetch.Worthwhile(requests.Principals.Count(), pairs, requests.Accounts.Count())
            ? p => prefetch.Start(p.Kind, p.Id)
            : null;
        // The lock-out guard of a revoke starts from the management account (read once per session): read meanwhile too.
        var guarded = operation == AssignmentOperation.Delete && !allowNoAdministrator;
        var managementAccount = guarded ? OrganizationDirectory.For(session).ManagementAccountIdAsync(cancellationToken) : null;
        await resolver.ResolveAsync(requests.Principals, requests.PermissionSets, requests.Accounts, resolved, cancellationToken).ConfigureAwait(false);
        plan.Errors.AddRange(resolver.Errors);
        if (plan.HasErrors)
        {
            await prefetch.DrainAsync().ConfigureAwait(false);
            if (managementAccount != null)
            {
                try { await managementAccount.ConfigureAwait(false); }
                catch (Exception) when (!cancellationToken.IsCancellationRequested) { /* the batch reports its names; the guard never ran */ }
            }
            return plan;
        }

        var planned = new Dictionary<AssignmentKey, PlannedAssignment>();
        var skipped = new Dictionary<string, AwsAccount>();
        foreach (var r in requests.Items)
        {
            var account = resolver.Account(r.Account)!;
            if (operation == AssignmentOperation.Create && account.IsSuspended)
            {
                skipped[account.AccountId] = account;
                continue;
            }
            var principal = resolver.Principal(r.Principal)!;
            var permissionSet = resolver.PermissionSet(r.PermissionSet)!;
            var key = new AssignmentKey(account.AccountId, permissionSet.Arn, principal.Kind, principal.Id);
            if (!planned.ContainsKey(key)) planned[key] = new PlannedAssignment(key, account, permissionSet, principal);
        }
        foreach (var account in skipped.Values)
        {
            plan.SkippedAccounts.Add(account);
            output.WriteWarning($"Skipping account '{account.Name}' ({account.AccountId}): it is {account.Status}, so it cannot receive access.");
        }

        output.WriteVerbose($"Checking which of {planned.Count} assignment(s) already exist.");
        var existing = await ExistingAssignments.LoadAsync(session, planned.Keys.ToList(), prefetch, cancellationToken).ConfigureAwait(false);
        await prefetch.DrainAsync().ConfigureAwait(false);
        foreach (var item in planned.Values)
        {
            var exists = existing.Contains(item.Key);
            if (operation == AssignmentOperation.Create && exists)
                plan.Unchanged.Add(item.ToResult(operation, AssignmentStatus.AlreadyAssigned));
            else if (operation == AssignmentOperation.Delete && !exists)
                plan.Unchanged.Add(item.ToResult(operation, AssignmentStatus.NotAssigned));
            else
                plan.ToSend.Add(item);
        }

        if (guarded)
        {
            // Read before the guard asks for it, so the guard finds it known instead of reading it a second time.
            await managementAccount!.ConfigureAwait(false);
            var refused = new HashSet<AssignmentKey>(await AdministratorAccessGuard.LockingOutAsync(session, plan.ToSend.Select(p => p.Key).ToList(), cancellationToken).ConfigureAwait(false));
            plan.LockOutRefused.AddRange(plan.ToSend.Where(p => refused.Contains(p.Key)));
            plan.ToSend.RemoveAll(p => refused.Contains(p.Key));
        }
        return plan;
    }
}
