using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// Compares a configuration with the live instance, reading only what the file names: its users, groups (and their
/// members when listed), permission sets, the organization once per run, and the assignments of the principals it
/// names (one listing per principal). No state file: the live instance is the only truth.
/// </summary>
/// <remarks>
/// The scope of removals: a membership is in scope when its group lists Members; an assignment is in scope when both
/// its principal (group or user) and its permission set are declared in the file. Nothing else is ever removed, and
/// users, groups and permission sets themselves are never deleted.
/// </remarks>
public sealed class ConfigurationPlanner
{
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public ConfigurationPlanner(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    public async Task<ConfigurationPlan> PlanAsync(IdcConfiguration configuration, CancellationToken cancellationToken)
    {
        var plan = new ConfigurationPlan();
        var file = configuration.File;
        await PlanUsersAsync(configuration, plan, cancellationToken).ConfigureAwait(false);
        await PlanGroupsAsync(configuration, plan, cancellationToken).ConfigureAwait(false);
        await PlanPermissionSetsAsync(configuration, plan, cancellationToken).ConfigureAwait(false);

        // Every name an assignment uses must exist in the file or live.
        var declaredUsers = new HashSet<string>(configuration.Users.Select(u => u.UserName), StringComparer.OrdinalIgnoreCase);
        var declaredGroups = new HashSet<string>(configuration.Groups.Select(g => g.Name), StringComparer.OrdinalIgnoreCase);
        var declaredSets = new HashSet<string>(configuration.PermissionSets.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var principalIds = new Dictionary<(PrincipalKind, string), string?>(PrincipalNameComparer.Instance);
        foreach (var rule in configuration.Assignments)
        {
            var key = (rule.PrincipalKind, rule.Principal.Name);
            if (!principalIds.ContainsKey(key)) principalIds[key] = await _session.Principals.FindIdAsync(rule.PrincipalKind, rule.Principal.Name, cancellationToken).ConfigureAwait(false);
            var declared = rule.PrincipalKind == PrincipalKind.Group ? declaredGroups : declaredUsers;
            if (principalIds[key] == null && !declared.Contains(rule.Principal.Name))
                Problem(plan, file, rule.Principal.Location, $"No {rule.PrincipalKind.ToString().ToLowerInvariant()} '{rule.Principal.Name}' is declared in the file or exists in the identity store.");
            foreach (var set in rule.PermissionSets)
                if (!declaredSets.Contains(set.Name) && await _session.PermissionSets.FindArnAsync(set.Name, cancellationToken).ConfigureAwait(false) == null)
                    Problem(plan, file, set.Location, $"No permission set '{set.Name}' is declared in the file or exists in the instance.");
        }

        if (plan.HasProblems) return plan;
        var snapshot = configuration.Assignments.Count == 0 ? null
            : await OrganizationDirectory.For(_session).SnapshotAsync(refresh: true, cancellationToken).ConfigureAwait(false);
        var desired = new Dictionary<(PrincipalKind Kind, string Principal, string Set, string Account), AwsAccount>();
        foreach (var rule in configuration.Assignments)
        {
            var accounts = AssignmentTargets.Resolve(rule, snapshot!, file, plan.Problems);
            foreach (var set in rule.PermissionSets)
            foreach (var account in accounts)
                desired[(rule.PrincipalKind, rule.Principal.Name, set.Name, account.AccountId)] = account;
        }
        if (plan.HasProblems) return plan;
        await PlanAssignmentsAsync(configuration, desired, snapshot, principalIds, plan, cancellationToken).ConfigureAwait(false);
        return plan;
    }

    private static void Problem(ConfigurationPlan plan, string file, ConfigurationLocation at, string message) =>
        plan.Problems.Add(new ConfigurationProblem(file, at.Line, at.KeyPath, message));

    private async Task PlanUsersAsync(IdcConfiguration configuration, ConfigurationPlan plan, CancellationToken cancellationToken)
    {
        var users = new UserService(_session);
        foreach (var user in configuration.Users)
        {
            var id = await _session.Principals.FindUserIdByUserNameAsync(user.UserName, cancellationToken).ConfigureAwait(false);
            var existing = id == null ? null : await users.DescribeAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.User, user.UserName, DriftChange.Add) { Payload = user });
                continue;
            }
            foreach (var field in UserAttributes.Differences(user.Definition, existing))
            {
                var attribute = UserAttributes.Find(field)!;
                var wanted = field == "DisplayName" ? user.Definition.EffectiveDisplayName : attribute.Desired(user.Definition);
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.User, user.UserName, DriftChange.Change, field, attribute.Current(existing), wanted) { Payload = user });
            }
        }
    }

    private async Task PlanGroupsAsync(IdcConfiguration configuration, ConfigurationPlan plan, CancellationToken cancellationToken)
    {
        var groups = new GroupService(_session);
        var declaredUsers = new HashSet<string>(configuration.Users.Select(u => u.UserName), StringComparer.OrdinalIgnoreCase);
        foreach (var group in configuration.Groups)
        {
            var existing = await groups.FindAsync(group.Name, cancellationToken).ConfigureAwait(false);
            if (existing == null) plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.Group, group.Name, DriftChange.Add) { Payload = group });
            else if (group.Description != null && !string.Equals(group.Description, existing.Description, StringComparison.Ordinal))
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.Group, group.Name, DriftChange.Change, "Description", existing.Description, group.Description) { Payload = group });
            if (group.Members == null) continue;

            var current = existing == null ? new Dictionary<string, string>() : await MembersAsync(existing.GroupId, cancellationToken).ConfigureAwait(false);
            var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in group.Members)
            {
                wanted.Add(member.Name);
                if (current.ContainsKey(member.Name)) continue;
                if (!declaredUsers.Contains(member.Name) && await _session.Principals.FindUserIdByUserNameAsync(member.Name, cancellationToken).ConfigureAwait(false) == null)
                {
                    Problem(plan, configuration.File, member.Location, $"No user '{member.Name}' is declared in the file or exists in the identity store.");
                    continue;
                }
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.GroupMember, group.Name, DriftChange.Add, "Member", null, member.Name) { Payload = new MembershipPayload(group.Name, member.Name) });
            }
            foreach (var extra in current.Keys.Where(u => !wanted.Contains(u)).OrderBy(u => u, StringComparer.OrdinalIgnoreCase))
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.GroupMember, group.Name, DriftChange.Remove, "Member", extra, null) { Payload = new MembershipPayload(group.Name, extra) });
        }
    }

    /// <summary>A group's members by user name (one listing; names come from the session's cache or one describe each).</summary>
    private async Task<Dictionary<string, string>> MembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var m in MembershipListings.OfGroupAsync(_session, groupId, cancellationToken).ConfigureAwait(false))
        {
            if (m.UserId is not { } userId) continue;
            members[await _session.Principals.GetNameAsync(PrincipalKind.User, userId, cancellationToken).ConfigureAwait(false)] = userId;
        }
        return members;
    }

    private async Task PlanPermissionSetsAsync(IdcConfiguration configuration, ConfigurationPlan plan, CancellationToken cancellationToken)
    {
        var reader = new PermissionSetReader(_session);
        foreach (var set in configuration.PermissionSets)
        {
            var arn = await _session.PermissionSets.FindArnAsync(set.Name, cancellationToken).ConfigureAwait(false);
            if (arn == null)
            {
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.PermissionSet, set.Name, DriftChange.Add) { Payload = set });
                continue;
            }
            IdcPermissionSet current;
            try
            {
                current = await reader.ReadAsync(arn, PermissionSetDiff.DetailNeeded(set.UpdateSpec), cancellationToken).ConfigureAwait(false);
            }
            catch (Aws.AwsNotFoundException)
            {
                // Deleted since this session learnt its name: it is missing now.
                _session.PermissionSets.Forget(arn);
                plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.PermissionSet, set.Name, DriftChange.Add) { Payload = set });
                continue;
            }
            foreach (var change in PermissionSetDiff.Changes(current, set.UpdateSpec))
                foreach (var drift in PermissionSetDrift.Describe(set, current, change)) plan.Drift.Add(drift);
        }
    }

    private async Task PlanAssignmentsAsync(IdcConfiguration configuration, Dictionary<(PrincipalKind Kind, string Principal, string Set, string Account), AwsAccount> desired,
        OrganizationSnapshot? snapshot, Dictionary<(PrincipalKind, string), string?> principalIds, ConfigurationPlan plan, CancellationToken cancellationToken)
    {
        // The principals whose assignments are read: those the rules name, and (for removals) those the file declares.
        foreach (var g in configuration.Groups) await AddIdAsync(PrincipalKind.Group, g.Name).ConfigureAwait(false);
        foreach (var u in configuration.Users) await AddIdAsync(PrincipalKind.User, u.UserName).ConfigureAwait(false);
        async Task AddIdAsync(PrincipalKind kind, string name)
        {
            if (!principalIds.ContainsKey((kind, name))) principalIds[(kind, name)] = await _session.Principals.FindIdAsync(kind, name, cancellationToken).ConfigureAwait(false);
        }

        var declaredSets = new HashSet<string>(configuration.PermissionSets.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var declaredPrincipals = new HashSet<(PrincipalKind, string)>(configuration.Groups.Select(g => (PrincipalKind.Group, g.Name.ToLowerInvariant()))
            .Concat(configuration.Users.Select(u => (PrincipalKind.User, u.UserName.ToLowerInvariant()))));
        var known = principalIds.Where(p => p.Value != null).ToList();
        var lists = await Bounded.SelectAsync(known, 8,
            p => ExistingAssignments.ForPrincipalAsync(_session, p.Key.Item1, p.Value!, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        var live = known.Select((p, i) => (Principal: p.Key, Keys: lists[i])).ToList();

        var wanted = new HashSet<(PrincipalKind, string, string, string)>(desired.Keys.Select(d => (d.Kind, d.Principal.ToLowerInvariant(), d.Set.ToLowerInvariant(), d.Account)));
        var existing = new HashSet<(PrincipalKind, string, string, string)>();
        var removals = new List<ConfigurationDrift>();
        foreach (var (principal, keys) in live)
        foreach (var key in keys)
        {
            string setName;
            try { setName = await _session.PermissionSets.GetNameAsync(key.PermissionSetArn, cancellationToken).ConfigureAwait(false); }
            catch (Aws.AwsNotFoundException) { continue; }   // left behind by a deleted set: nothing to compare it with
            var entry = (principal.Item1, principal.Item2.ToLowerInvariant(), setName.ToLowerInvariant(), key.AccountId);
            existing.Add(entry);
            var inScope = declaredPrincipals.Contains((principal.Item1, principal.Item2.ToLowerInvariant())) && declaredSets.Contains(setName);
            if (!inScope || wanted.Contains(entry)) continue;
            removals.Add(new ConfigurationDrift(ConfigurationItemKind.Assignment, principal.Item2, DriftChange.Remove, setName, AccountLabel(snapshot, key.AccountId), null)
                { Payload = new AssignmentPayload(principal.Item1, principal.Item2, setName, key.AccountId) });
        }
        foreach (var pair in desired.OrderBy(d => d.Key.Principal, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Key.Set, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Value.Name, StringComparer.OrdinalIgnoreCase))
        {
            var k = pair.Key;
            // A suspended account cannot receive access; its existing assignment is still wanted (never removed).
            if (pair.Value.IsSuspended || existing.Contains((k.Kind, k.Principal.ToLowerInvariant(), k.Set.ToLowerInvariant(), k.Account))) continue;
            plan.Drift.Add(new ConfigurationDrift(ConfigurationItemKind.Assignment, k.Principal, DriftChange.Add, k.Set, null, AccountLabel(snapshot, k.Account))
                { Payload = new AssignmentPayload(k.Kind, k.Principal, k.Set, k.Account) });
        }
        plan.Drift.AddRange(removals.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Current, StringComparer.OrdinalIgnoreCase));
        _output.WriteVerbose($"Compared {desired.Count} wanted assignment(s) with {existing.Count} existing one(s) of {live.Count} principal(s).");
    }

    /// <summary>Principal names compare without case, as the identity store's lookups do.</summary>
    private sealed class PrincipalNameComparer : IEqualityComparer<(PrincipalKind Kind, string Name)>
    {
        public static readonly PrincipalNameComparer Instance = new();
        public bool Equals((PrincipalKind Kind, string Name) a, (PrincipalKind Kind, string Name) b) =>
            a.Kind == b.Kind && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        public int GetHashCode((PrincipalKind Kind, string Name) p) => ((int)p.Kind * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(p.Name);
    }

    internal static string AccountLabel(OrganizationSnapshot? snapshot, string accountId) =>
        snapshot?.NameOf(accountId) is { } name ? $"{name} ({accountId})" : accountId;
}
