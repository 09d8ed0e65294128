using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Identity.Services;

/// <summary>An account assignment made directly to a principal, with its permission set's name for messages.</summary>
public sealed class PrincipalAssignment
{
    public PrincipalAssignment(AssignmentKey key, string permissionSetName)
    {
        Key = key;
        PermissionSetName = permissionSetName;
    }

    public AssignmentKey Key { get; }
    public string PermissionSetName { get; }

    public override string ToString() => $"{PermissionSetName} in account {Key.AccountId}";
}

/// <summary>What deleting a user or group involves, read before anything is changed.</summary>
public sealed class PrincipalRemovalPlan
{
    public PrincipalRemovalPlan(PrincipalKind kind, string id, string name, IReadOnlyList<string> membershipIds, IReadOnlyList<PrincipalAssignment> assignments)
    {
        Kind = kind;
        Id = id;
        Name = name;
        MembershipIds = membershipIds;
        Assignments = assignments;
    }

    public PrincipalKind Kind { get; }
    public string Id { get; }
    public string Name { get; }
    public IReadOnlyList<string> MembershipIds { get; }
    /// <summary>Account assignments made to this principal itself (not those a user has through its groups).</summary>
    public IReadOnlyList<PrincipalAssignment> Assignments { get; }

    public string Noun => Kind == PrincipalKind.User ? "user" : "group";
    public string Target => $"{Noun} '{Name}' ({Id})";
}

/// <summary>
/// Deleting a user or group the way an administrator expects: AWS deletes the principal but leaves its account
/// assignments behind (pointing at nothing), so they are named in a warning, or revoked first when asked; the
/// group memberships are removed before the principal itself.
/// </summary>
public static class PrincipalRemoval
{
    public static async Task<PrincipalRemovalPlan> PlanAsync(IdcSession session, PrincipalKind kind, string id, string name, CancellationToken cancellationToken)
    {
        var memberships = new List<string>();
        var stream = kind == PrincipalKind.User ? MembershipListings.OfUserAsync(session, id, cancellationToken) : MembershipListings.OfGroupAsync(session, id, cancellationToken);
        await foreach (var m in stream.ConfigureAwait(false))
            if (m.MembershipId != null) memberships.Add(m.MembershipId);

        var assignments = new List<PrincipalAssignment>();
        await foreach (var key in AssignmentListings.ForPrincipalAsync(session, kind, id, null, cancellationToken).ConfigureAwait(false))
        {
            // For a user the listing also shows what it reaches through groups; only its own assignments dangle.
            if (key.PrincipalId != id || key.AccountId.Length == 0 || key.PermissionSetArn.Length == 0) continue;
            var permissionSetName = await session.PermissionSets.GetNameAsync(key.PermissionSetArn, cancellationToken).ConfigureAwait(false);
            assignments.Add(new PrincipalAssignment(new AssignmentKey(key.AccountId, key.PermissionSetArn, kind, id), permissionSetName));
        }
        return new PrincipalRemovalPlan(kind, id, name, memberships, assignments);
    }

    /// <summary>
    /// Revokes the assignments (if asked), deletes the memberships, then the principal. First the lock-out guard:
    /// deleting the last user holding administrator access on the management account (or the group they hold it
    /// through) is refused before anything is written, unless <paramref name="allowNoAdministrator"/>.
    /// </summary>
    public static async Task RemoveAsync(IdcSession session, PrincipalRemovalPlan plan, bool removeAssignments, IOutputWriter output, CancellationToken cancellationToken,
        bool allowNoAdministrator = false)
    {
        var change = new AdministratorChange();
        (plan.Kind == PrincipalKind.User ? change.RemovedUsers : change.RemovedGroups).Add(plan.Id);
        if (removeAssignments) change.RevokedAssignments.UnionWith(plan.Assignments.Select(a => a.Key));
        await AdministratorAccessGuard.EnsureAsync(session, change, $"delete the {plan.Target}", allowNoAdministrator, cancellationToken).ConfigureAwait(false);

        if (plan.Assignments.Count > 0)
        {
            if (removeAssignments) await RevokeAsync(session, plan, output, cancellationToken).ConfigureAwait(false);
            else
                output.WriteWarning($"The {plan.Target} has {plan.Assignments.Count} account assignment(s) that AWS leaves behind when it is deleted: " +
                    $"{string.Join("; ", plan.Assignments)}. Use -RemoveAssignments to revoke them first.");
        }

        var store = session.Connection.IdentityStore;
        var done = 0;
        foreach (var membershipId in plan.MembershipIds)
        {
            try
            {
                await store.DeleteGroupMembershipAsync(new DeleteGroupMembershipRequest { IdentityStoreId = session.IdentityStoreId, MembershipId = membershipId }, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsNotFoundException)
            {
                // Removed meanwhile: the goal is reached.
            }
            done++;
            if (plan.MembershipIds.Count > 10)
                output.WriteProgress(new ProgressReport(3, $"Removing the group memberships of the {plan.Target}", $"{done} of {plan.MembershipIds.Count}", done * 100 / plan.MembershipIds.Count));
        }
        if (plan.MembershipIds.Count > 10) output.WriteProgress(new ProgressReport(3, $"Removing the group memberships of the {plan.Target}", "done", 100, completed: true));
        output.WriteVerbose($"Removed {plan.MembershipIds.Count} group membership(s) of the {plan.Target}.");

        try
        {
            if (plan.Kind == PrincipalKind.User)
                await store.DeleteUserAsync(new DeleteUserRequest { IdentityStoreId = session.IdentityStoreId, UserId = plan.Id }, cancellationToken).ConfigureAwait(false);
            else
                await store.DeleteGroupAsync(new DeleteGroupRequest { IdentityStoreId = session.IdentityStoreId, GroupId = plan.Id }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            output.WriteVerbose($"The {plan.Target} was already gone.");
        }
        session.Principals.Forget(plan.Kind, plan.Id);
        output.WriteVerbose($"Removed the {plan.Target}.");
    }

    private static async Task RevokeAsync(IdcSession session, PrincipalRemovalPlan plan, IOutputWriter output, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var assignment in plan.Assignments)
        {
            AccountAssignmentOperationStatus started;
            try
            {
                started = await AccountAssignmentCalls.StartDeleteAsync(session, assignment.Key, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsNotFoundException)
            {
                output.WriteVerbose($"{assignment} of the {plan.Target} was already revoked.");
                continue;
            }
            var status = await AccountAssignmentCalls.WaitAsync(session, started, deletion: true, cancellationToken).ConfigureAwait(false);
            if (status.Status == AccountAssignmentCalls.Succeeded) output.WriteVerbose($"Revoked {assignment} from the {plan.Target}.");
            else failures.Add($"{assignment}: {status.FailureReason ?? status.Status}");
        }
        // The principal stays while any assignment remains, so nothing is left pointing at a deleted principal.
        if (failures.Count > 0)
            throw new InvalidOperationException($"Could not revoke every account assignment of the {plan.Target}, so it was not deleted: {string.Join("; ", failures)}");
    }
}
