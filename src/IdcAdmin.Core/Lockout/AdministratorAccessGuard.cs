using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Listings;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Lockout;

/// <summary>
/// The one lock-out guard every path goes through (revoke, deleting users or groups, removing members, changing or
/// deleting permission sets, a configuration sync): before a change, it counts the users who hold an administrator
/// permission set (the AWS managed AdministratorAccess policy, or an inline policy allowing * on *) on the
/// organization's management account, directly or through a group, and how many would remain. A change that takes
/// the last one away is refused, whatever -Force or -Confirm say; only an explicit allow goes ahead.
/// </summary>
/// <remarks>
/// The administrator sets considered are those provisioned to the management account (on AWS, every set assigned
/// there) and those the change touches. Emulators that do not track provisioning see only the latter, so there the
/// guard can refuse although an administrator remains through another set: it errs towards refusing.
/// </remarks>
public static class AdministratorAccessGuard
{
    public const string AdministratorAccessPolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    /// <summary>Refuses (with <see cref="AdministratorLockoutException"/>) a change that would leave no administrator, unless <paramref name="allow"/>.</summary>
    public static async Task EnsureAsync(IdcSession session, AdministratorChange change, string what, bool allow, CancellationToken cancellationToken)
    {
        if (allow || change.IsEmpty) return;
        var verdict = await CheckAsync(session, change, cancellationToken).ConfigureAwait(false);
        if (!verdict.LocksOut) return;
        var names = new List<string>();
        foreach (var id in verdict.Before.Take(10)) names.Add(await session.Principals.GetNameAsync(PrincipalKind.User, id, cancellationToken).ConfigureAwait(false));
        if (verdict.Before.Count > 10) names.Add($"and {verdict.Before.Count - 10} more");
        throw new AdministratorLockoutException(what, verdict.ManagementAccountId!, verdict.Before, names);
    }

    /// <summary>Who holds administrator access on the management account before and after the change.</summary>
    public static Task<LockoutVerdict> CheckAsync(IdcSession session, AdministratorChange change, CancellationToken cancellationToken) =>
        CheckAsync(session, change, new CheckReads(session), cancellationToken);

    private static async Task<LockoutVerdict> CheckAsync(IdcSession session, AdministratorChange change, CheckReads reads, CancellationToken cancellationToken)
    {
        if (change.IsEmpty) return LockoutVerdict.NotApplicable;
        var management = await OrganizationDirectory.For(session).ManagementAccountIdAsync(cancellationToken).ConfigureAwait(false);
        if (management == null) return LockoutVerdict.NotApplicable;

        // The sets the change touches on the management account.
        var touched = new HashSet<string>(change.RevokedAssignments.Where(k => k.AccountId == management).Select(k => k.PermissionSetArn), StringComparer.Ordinal);
        touched.UnionWith(change.PermissionSetsLosingAdministrator);
        var principals = change.RemovedUsers.Select(u => (PrincipalKind.User, u))
            .Concat(change.RemovedGroups.Select(g => (PrincipalKind.Group, g)))
            .Concat(change.RemovedMemberships.Select(m => (PrincipalKind.Group, m.GroupId))).Distinct();
        foreach (var (kind, id) in principals)
            foreach (var key in await ExistingAssignments.ForPrincipalAsync(session, kind, id, management, cancellationToken).ConfigureAwait(false))
                if (key.AccountId == management) touched.Add(key.PermissionSetArn);
        if (change.RemovedUsers.Count > 0)
            foreach (var userId in change.RemovedUsers)
                foreach (var groupId in await GroupsOfAsync(session, userId, cancellationToken).ConfigureAwait(false))
                    foreach (var key in await ExistingAssignments.ForPrincipalAsync(session, PrincipalKind.Group, groupId, management, cancellationToken).ConfigureAwait(false))
                        if (key.AccountId == management) touched.Add(key.PermissionSetArn);

        var touchedAdmin = new List<string>();
        foreach (var arn in touched)
            if (await reads.IsAdministratorStyleAsync(arn, cancellationToken).ConfigureAwait(false)) touchedAdmin.Add(arn);
        if (touchedAdmin.Count == 0) return new LockoutVerdict(management, Array.Empty<string>(), Array.Empty<string>());

        var adminSets = new HashSet<string>(touchedAdmin, StringComparer.Ordinal);
        await foreach (var arn in ProvisioningListings.PermissionSetsOnAsync(session, management, null, cancellationToken).ConfigureAwait(false))
            if (!adminSets.Contains(arn) && !touched.Contains(arn) && await reads.IsAdministratorStyleAsync(arn, cancellationToken).ConfigureAwait(false)) adminSets.Add(arn);

        var before = new SortedSet<string>(StringComparer.Ordinal);
        var after = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var arn in adminSets)
        {
            var losing = change.PermissionSetsLosingAdministrator.Contains(arn);
            foreach (var key in await ExistingAssignments.ForPairAsync(session, management, arn, cancellationToken).ConfigureAwait(false))
            {
                var kept = !losing && !change.RevokedAssignments.Contains(key);
                if (key.PrincipalKind == PrincipalKind.User)
                {
                    before.Add(key.PrincipalId);
                    if (kept && !change.RemovedUsers.Contains(key.PrincipalId)) after.Add(key.PrincipalId);
                    continue;
                }
                kept &= !change.RemovedGroups.Contains(key.PrincipalId);
                foreach (var userId in await reads.MembersAsync(key.PrincipalId, cancellationToken).ConfigureAwait(false))
                {
                    before.Add(userId);
                    if (kept && !change.RemovedUsers.Contains(userId) && !change.RemovedMemberships.Contains((key.PrincipalId, userId))) after.Add(userId);
                }
            }
        }
        return new LockoutVerdict(management, before.ToList(), after.ToList());
    }

    /// <summary>The revokes among <paramref name="revokes"/> refused because together they would leave the management account without administrators.</summary>
    public static async Task<IReadOnlyCollection<AssignmentKey>> LockingOutAsync(IdcSession session, IReadOnlyCollection<AssignmentKey> revokes, CancellationToken cancellationToken)
    {
        var change = new AdministratorChange();
        change.RevokedAssignments.UnionWith(revokes);
        var reads = new CheckReads(session);
        var verdict = await CheckAsync(session, change, reads, cancellationToken).ConfigureAwait(false);
        if (!verdict.LocksOut) return Array.Empty<AssignmentKey>();
        var refused = new List<AssignmentKey>();
        foreach (var key in revokes.Where(k => k.AccountId == verdict.ManagementAccountId))
            if (await reads.IsAdministratorStyleAsync(key.PermissionSetArn, cancellationToken).ConfigureAwait(false)) refused.Add(key);
        return refused;
    }

    /// <summary>Whether a set grants administrator access: the AWS managed AdministratorAccess policy, or an inline policy allowing * on *.</summary>
    public static async Task<bool> IsAdministratorStyleAsync(IdcSession session, string permissionSetArn, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var policy in PolicyListings.ManagedPoliciesAsync(session, permissionSetArn, cancellationToken).ConfigureAwait(false))
                if (string.Equals(policy.Arn, AdministratorAccessPolicyArn, StringComparison.OrdinalIgnoreCase)) return true;
            var inline = await session.Connection.SsoAdmin.GetInlinePolicyForPermissionSetAsync(new GetInlinePolicyForPermissionSetRequest
                { InstanceArn = session.InstanceArn, PermissionSetArn = permissionSetArn }, cancellationToken).ConfigureAwait(false);
            return AllowsEverything(inline.InlinePolicy);
        }
        catch (AwsNotFoundException)
        {
            return false; // a set that no longer exists grants nothing
        }
    }

    /// <summary>Whether a policy document has an Allow statement for every action on every resource.</summary>
    public static bool AllowsEverything(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy)) return false;
        try
        {
            using var doc = JsonDocument.Parse(policy!);
            if (!doc.RootElement.TryGetProperty("Statement", out var statements)) return false;
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : new List<JsonElement> { statements };
            return list.Any(s => s.ValueKind == JsonValueKind.Object
                                 && s.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Allow"
                                 && !s.TryGetProperty("Condition", out _)
                                 && Has(s, "Action", "*") && Has(s, "Resource", "*"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Has(JsonElement statement, string name, string value) =>
        statement.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.String
            ? v.GetString() == value || (name == "Action" && v.GetString() == "*:*")
            : v.ValueKind == JsonValueKind.Array && v.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && (e.GetString() == value || (name == "Action" && e.GetString() == "*:*"))));

    private static async Task<List<string>> MembersAsync(IdcSession session, string groupId, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        await foreach (var m in MembershipListings.OfGroupAsync(session, groupId, cancellationToken).ConfigureAwait(false))
            if (m.UserId is { } userId) users.Add(userId);
        return users;
    }

    /// <summary>
    /// What one check reads more than once otherwise (a group holding several administrator sets, a set both touched
    /// and refused): each set's verdict and each group's members, read once per check. Nothing outlives the check, so
    /// no write is ever answered from it.
    /// </summary>
    private sealed class CheckReads
    {
        private readonly IdcSession _session;
        private readonly Dictionary<string, Task<bool>> _administratorStyle = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Task<List<string>>> _members = new(StringComparer.Ordinal);

        public CheckReads(IdcSession session) => _session = session;

        public Task<bool> IsAdministratorStyleAsync(string permissionSetArn, CancellationToken cancellationToken) =>
            Once(_administratorStyle, permissionSetArn, () => AdministratorAccessGuard.IsAdministratorStyleAsync(_session, permissionSetArn, cancellationToken));

        public Task<List<string>> MembersAsync(string groupId, CancellationToken cancellationToken) =>
            Once(_members, groupId, () => AdministratorAccessGuard.MembersAsync(_session, groupId, cancellationToken));

        private static Task<T> Once<T>(Dictionary<string, Task<T>> memo, string key, Func<Task<T>> read)
        {
            lock (memo)
            {
                if (!memo.TryGetValue(key, out var task)) memo[key] = task = read();
                return task;
            }
        }
    }

    private static async Task<List<string>> GroupsOfAsync(IdcSession session, string userId, CancellationToken cancellationToken)
    {
        var groups = new List<string>();
        await foreach (var m in MembershipListings.OfUserAsync(session, userId, cancellationToken).ConfigureAwait(false))
            groups.Add(m.GroupId);
        return groups;
    }
}

/// <summary>The users holding administrator access on the management account before and after a change.</summary>
public sealed class LockoutVerdict
{
    public static readonly LockoutVerdict NotApplicable = new(null, Array.Empty<string>(), Array.Empty<string>());

    public LockoutVerdict(string? managementAccountId, IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        ManagementAccountId = managementAccountId;
        Before = before;
        After = after;
    }

    /// <summary>Null when the caller's account is in no organization (there is no management account to guard).</summary>
    public string? ManagementAccountId { get; }
    public IReadOnlyCollection<string> Before { get; }
    public IReadOnlyCollection<string> After { get; }
    /// <summary>Administrators exist today and none would remain.</summary>
    public bool LocksOut => Before.Count > 0 && After.Count == 0;
}
