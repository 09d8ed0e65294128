using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// Applies a plan's drift through the existing engines, in dependency order: users, groups, permission sets (then
/// re-provisioning of the sets that changed), memberships, new assignments (one batch through the dispatcher), and
/// last the removals the lock-out guard allows. Each item gets its own status; a failure never stops the others.
/// </summary>
public sealed class ConfigurationApplier
{
    /// <summary>The message of a drift the user declined (or -WhatIf described).</summary>
    public const string NotConfirmed = "Not confirmed.";

    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public ConfigurationApplier(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    /// <summary>
    /// Applies every drift <paramref name="approve"/> accepts (the cmdlet's ShouldProcess); removals only with
    /// <paramref name="prune"/>. Returns the drift with <see cref="ConfigurationDrift.Status"/> set.
    /// </summary>
    public async Task<IReadOnlyList<ConfigurationDrift>> ApplyAsync(ConfigurationPlan plan, bool prune, Func<ConfigurationDrift, bool> approve, CancellationToken cancellationToken)
    {
        if (plan.HasProblems) throw new ConfigurationException(plan.Problems);
        var todo = new List<ConfigurationDrift>();
        foreach (var d in plan.Drift)
        {
            if (d.Change == DriftChange.Remove && !prune) Skip(d, "Removals are made only with -Prune.");
            else if (!approve(d)) Skip(d, NotConfirmed);
            else todo.Add(d);
        }

        await EachAsync(Of(todo, ConfigurationItemKind.User).GroupBy(d => d.Payload), ApplyUserAsync, cancellationToken).ConfigureAwait(false);
        await EachAsync(Of(todo, ConfigurationItemKind.Group).GroupBy(d => d.Payload), ApplyGroupAsync, cancellationToken).ConfigureAwait(false);
        var changedSets = new List<IdcPermissionSet>();
        await EachAsync(Of(todo, ConfigurationItemKind.PermissionSet).GroupBy(d => d.Payload is PermissionSetChangePayload c ? c.Declared : d.Payload),
            (g, ct) => ApplyPermissionSetAsync(g, changedSets, ct), cancellationToken).ConfigureAwait(false);
        await ProvisionAsync(changedSets, cancellationToken).ConfigureAwait(false);
        await EachAsync(Of(todo, ConfigurationItemKind.GroupMember).GroupBy(d => d), ApplyMembershipAsync, cancellationToken).ConfigureAwait(false);
        var assignments = Of(todo, ConfigurationItemKind.Assignment).ToList();
        await ApplyAssignmentsAsync(assignments.Where(d => d.Change == DriftChange.Add).ToList(), AssignmentOperation.Create, cancellationToken).ConfigureAwait(false);
        await ApplyAssignmentsAsync(assignments.Where(d => d.Change == DriftChange.Remove).ToList(), AssignmentOperation.Delete, cancellationToken).ConfigureAwait(false);
        return plan.Drift;
    }

    private static IEnumerable<ConfigurationDrift> Of(IEnumerable<ConfigurationDrift> drift, ConfigurationItemKind kind) => drift.Where(d => d.Kind == kind);

    private static void Fail(ConfigurationDrift d, string why)
    {
        d.Status = DriftStatus.Failed;
        d.Message = why;
    }

    private static void Skip(ConfigurationDrift d, string why)
    {
        d.Status = DriftStatus.Skipped;
        d.Message = why;
    }

    private static void Done(IEnumerable<ConfigurationDrift> items, Exception? failure = null)
    {
        foreach (var d in items)
        {
            // The guard's refusal is kept as an assignment removal's is: a sync has no -AllowNoAdministrator to offer.
            if (failure is AdministratorLockoutException)
            {
                Skip(d, "Kept: this change would leave the management account without an administrator (the lock-out guard).");
                continue;
            }
            d.Status = failure == null ? DriftStatus.Applied : DriftStatus.Failed;
            d.Message = failure == null ? null : Reason(failure);
        }
    }

    private static string Reason(Exception e) => e is AwsServiceException aws ? $"{aws.ErrorCode}: {aws.AwsMessage}" : e.Message;

    /// <summary>One group of drift at a time; a failed one is marked and the next goes on.</summary>
    private static async Task EachAsync(IEnumerable<IGrouping<object?, ConfigurationDrift>> groups, Func<IGrouping<object?, ConfigurationDrift>, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            try
            {
                await apply(group, cancellationToken).ConfigureAwait(false);
                Done(group.Where(d => d.Status == null));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Done(group, e);
            }
        }
    }

    private async Task ApplyUserAsync(IGrouping<object?, ConfigurationDrift> drift, CancellationToken cancellationToken)
    {
        var users = new UserService(_session);
        var plan = await users.PlanCreateAsync(((ConfigurationUser)drift.Key!).Definition, force: true, cancellationToken).ConfigureAwait(false);
        await users.CreateAsync(plan, _output, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyGroupAsync(IGrouping<object?, ConfigurationDrift> drift, CancellationToken cancellationToken)
    {
        var group = (ConfigurationGroup)drift.Key!;
        var groups = new GroupService(_session);
        var plan = await groups.PlanCreateAsync(new GroupDefinition { DisplayName = group.Name, Description = group.Description }, force: true, cancellationToken).ConfigureAwait(false);
        await groups.CreateAsync(plan, _output, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyPermissionSetAsync(IGrouping<object?, ConfigurationDrift> drift, List<IdcPermissionSet> changed, CancellationToken cancellationToken)
    {
        var writer = new PermissionSetWriter(_session, _output);
        var declared = (ConfigurationPermissionSet)drift.Key!;
        var changes = drift.Select(d => d.Payload).OfType<PermissionSetChangePayload>().ToList();
        if (changes.Count == 0)
        {
            await writer.CreateAsync(declared.CreateSpec, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Several drifts (description and duration) may share one UpdateAttributes call.
        var distinct = changes.Select(c => c.Change).Distinct().ToList();
        await writer.ApplyAsync(changes[0].Current, distinct, declared.UpdateSpec, cancellationToken).ConfigureAwait(false);
        changed.Add(changes[0].Current);
    }

    /// <summary>The accounts holding a changed set get its new version, as Set-IdcPermissionSet does.</summary>
    private async Task ProvisionAsync(List<IdcPermissionSet> changed, CancellationToken cancellationToken)
    {
        var provisioner = new PermissionSetProvisioner(_session, _output);
        foreach (var set in changed)
        {
            var accounts = await provisioner.ProvisionedAccountsAsync(set.PermissionSetArn, cancellationToken).ConfigureAwait(false);
            if (accounts.Count == 0) continue;
            foreach (var r in await provisioner.ProvisionAsync(set.Name, set.PermissionSetArn, accounts, cancellationToken).ConfigureAwait(false))
                if (r.FailureReason != null) _output.WriteWarning($"Re-provisioning {set.Name} to {r.AccountId} failed: {r.FailureReason}");
        }
    }

    private async Task ApplyMembershipAsync(IGrouping<object?, ConfigurationDrift> drift, CancellationToken cancellationToken)
    {
        var d = drift.Key as ConfigurationDrift ?? drift.First();
        var m = (MembershipPayload)d.Payload!;
        var service = new MembershipService(_session);
        var plan = await service.PlanAsync(m.Group, m.User, cancellationToken).ConfigureAwait(false);
        if (d.Change == DriftChange.Add) await service.AddAsync(plan, cancellationToken).ConfigureAwait(false);
        else await service.RemoveAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One batch through the access engine: its planner re-resolves the names (principals and sets made above) and the lock-out guard.</summary>
    private async Task ApplyAssignmentsAsync(List<ConfigurationDrift> drift, AssignmentOperation operation, CancellationToken cancellationToken)
    {
        // A principal or set whose creation failed above fails its own assignments only; the rest go as one batch.
        foreach (var d in drift)
        {
            var p = (AssignmentPayload)d.Payload!;
            if (await _session.Principals.FindIdAsync(p.Kind, p.Principal, cancellationToken).ConfigureAwait(false) == null)
                Fail(d, $"No {p.Kind.ToString().ToLowerInvariant()} named '{p.Principal}' exists.");
            else if (await _session.PermissionSets.FindArnAsync(p.PermissionSet, cancellationToken).ConfigureAwait(false) == null)
                Fail(d, $"No permission set named '{p.PermissionSet}' exists.");
        }
        drift = drift.Where(d => d.Status == null).ToList();
        if (drift.Count == 0) return;
        var requests = new AssignmentRequestSet();
        foreach (var d in drift)
        {
            var p = (AssignmentPayload)d.Payload!;
            requests.Add(new[] { new PrincipalRef(p.Kind, p.Principal) }, new[] { p.PermissionSet }, new[] { p.AccountId });
        }
        AssignmentPlan plan;
        try
        {
            plan = await AssignmentPlanner.PlanAsync(_session, requests, operation, allowNoAdministrator: false, _output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Done(drift, e);
            return;
        }
        var byKey = new Dictionary<(PrincipalKind, string, string, string), ConfigurationDrift>();
        foreach (var d in drift)
        {
            var p = (AssignmentPayload)d.Payload!;
            byKey[(p.Kind, p.Principal.ToLowerInvariant(), p.PermissionSet.ToLowerInvariant(), p.AccountId)] = d;
        }
        ConfigurationDrift? Find(AccountAssignmentResult r) =>
            byKey.TryGetValue((r.PrincipalType, (r.PrincipalName ?? "").ToLowerInvariant(), (r.PermissionSetName ?? "").ToLowerInvariant(), r.AccountId), out var d) ? d : null;

        foreach (var error in plan.Errors)
            foreach (var d in drift.Where(d => d.Status == null && Mentions((AssignmentPayload)d.Payload!, error.Value)))
            {
                d.Status = DriftStatus.Failed;
                d.Message = error.Message;
            }
        if (plan.HasErrors)
        {
            foreach (var d in drift.Where(d => d.Status == null)) Skip(d, "Not sent: other names of the batch could not be resolved.");
            return;
        }
        foreach (var r in plan.Unchanged) if (Find(r) is { } d) Done(new[] { d });
        foreach (var refused in plan.LockOutRefused)
            if (Find(refused.ToResult(operation, AssignmentStatus.Failed)) is { } d)
            {
                d.Status = DriftStatus.Skipped;
                d.Message = "Kept: removing it would leave the management account without an administrator (the lock-out guard).";
            }
        foreach (var a in plan.SkippedAccounts)
            foreach (var d in drift.Where(d => d.Status == null && ((AssignmentPayload)d.Payload!).AccountId == a.AccountId))
                Skip(d, $"The account is {a.Status} and cannot receive access.");
        await foreach (var r in new AssignmentDispatcher(_session, _output).SendAsync(plan.ToSend, operation, cancellationToken).ConfigureAwait(false))
        {
            if (Find(r) is not { } d) continue;
            d.Status = r.Status is AssignmentStatus.Failed ? DriftStatus.Failed : DriftStatus.Applied;
            d.Message = r.Status switch
            {
                AssignmentStatus.Failed => r.FailureReason,
                AssignmentStatus.InProgress => $"Accepted by AWS and still in progress (request {r.RequestId}); Wait-IdcAccountAssignment -RequestId {r.RequestId} follows it.",
                _ => null,
            };
        }
        foreach (var d in drift.Where(d => d.Status == null)) Skip(d, "Not sent.");
    }

    private static bool Mentions(AssignmentPayload p, string input) =>
        string.Equals(p.Principal, input, StringComparison.OrdinalIgnoreCase) || string.Equals(p.PermissionSet, input, StringComparison.OrdinalIgnoreCase) || p.AccountId == input;
}
