using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// Reads the live instance into a configuration tree in a stable order (by name), so that two exports of the same
/// state are identical and a change shows as a small diff. Assignments become one rule per principal and permission
/// set; accounts that make up whole OUs (with their sub-OUs) are written as those OUs, the rest by account id.
/// </summary>
public sealed class ConfigurationExporter
{
    private static readonly StringComparer ByName = StringComparer.OrdinalIgnoreCase;
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public ConfigurationExporter(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    public async Task<ConfigurationNode> ExportAsync(CancellationToken cancellationToken)
    {
        var users = await new UserService(_session).ListAsync(null, cancellationToken).ToListAsync().ConfigureAwait(false);
        var userNames = users.ToDictionary(u => u.UserId, u => u.UserName, StringComparer.Ordinal);
        var groups = await new GroupService(_session).ListAsync(null, cancellationToken).ToListAsync().ConfigureAwait(false);
        var sets = await new PermissionSetReader(_session).ListAsync(_ => true, PermissionSetDetail.Policies, cancellationToken).ToListAsync().ConfigureAwait(false);
        await ReadOptionalPartsAsync(sets, cancellationToken).ConfigureAwait(false);

        var root = new List<KeyValuePair<string, ConfigurationNode>>();
        if (users.Count > 0) root.Add(Entry("Users", List(users.OrderBy(u => u.UserName, ByName).Select(UserNode))));
        var groupNodes = new List<ConfigurationNode>();
        foreach (var g in groups.OrderBy(g => g.DisplayName, ByName))
            groupNodes.Add(GroupNode(g, await MemberNamesAsync(g.GroupId, userNames, cancellationToken).ConfigureAwait(false)));
        if (groupNodes.Count > 0) root.Add(Entry("Groups", List(groupNodes)));
        if (sets.Count > 0) root.Add(Entry("PermissionSets", List(sets.OrderBy(s => s.Name, ByName).Select(SetNode))));
        var rules = await AssignmentNodesAsync(users, groups, cancellationToken).ConfigureAwait(false);
        if (rules.Count > 0) root.Add(Entry("Assignments", List(rules)));
        return ConfigurationNode.Map(0, root);
    }

    private static KeyValuePair<string, ConfigurationNode> Entry(string key, ConfigurationNode value) => new(key, value);
    private static ConfigurationNode List(IEnumerable<ConfigurationNode> items) => ConfigurationNode.List(0, items);
    private static ConfigurationNode Text(string value, string? comment = null) => ConfigurationNode.Text(value, comment);

    private static ConfigurationNode UserNode(IdcUser user) => ConfigurationNode.Map(0,
        UserAttributes.All.Select(a => (a.Field, Value: a.Current(user))).Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => Entry(a.Field, Text(a.Value!))));

    private static ConfigurationNode GroupNode(IdcGroup group, List<string> members)
    {
        var entries = new List<KeyValuePair<string, ConfigurationNode>> { Entry("Name", Text(group.DisplayName)) };
        if (!string.IsNullOrEmpty(group.Description)) entries.Add(Entry("Description", Text(group.Description!)));
        entries.Add(Entry("Members", List(members.Select(m => Text(m)))));
        return ConfigurationNode.Map(0, entries);
    }

    private async Task<List<string>> MemberNamesAsync(string groupId, Dictionary<string, string> userNames, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var m in MembershipListings.OfGroupAsync(_session, groupId, cancellationToken).ConfigureAwait(false))
            if (m.UserId is { } id)
                names.Add(userNames.TryGetValue(id, out var n) ? n : await _session.Principals.GetNameAsync(PrincipalKind.User, id, cancellationToken).ConfigureAwait(false));
        return names.Distinct(ByName).OrderBy(n => n, ByName).ToList();
    }

    /// <summary>
    /// Boundaries and tags are read per set; where the service does not answer those calls (some emulators), the
    /// export says so once and leaves them out, which a configuration reads as "not managed".
    /// </summary>
    private async Task ReadOptionalPartsAsync(List<IdcPermissionSet> sets, CancellationToken cancellationToken)
    {
        var reader = new PermissionSetReader(_session);
        bool boundaries = true, tags = true;
        foreach (var set in sets)
        {
            if (boundaries)
                try { set.PermissionsBoundary = await reader.BoundaryAsync(set.PermissionSetArn, cancellationToken).ConfigureAwait(false); }
                catch (AwsServiceException e) when (e is not AwsNotFoundException)
                {
                    boundaries = false;
                    _output.WriteWarning($"Permissions boundaries could not be read ({e.ErrorCode}); the export leaves them out.");
                }
            if (tags)
                try { set.Tags = await reader.TagsAsync(set.PermissionSetArn, cancellationToken).ConfigureAwait(false); }
                catch (AwsServiceException e)
                {
                    tags = false;
                    _output.WriteWarning($"Permission set tags could not be read ({e.ErrorCode}); the export leaves them out.");
                }
        }
    }

    private static ConfigurationNode SetNode(IdcPermissionSet set)
    {
        var entries = new List<KeyValuePair<string, ConfigurationNode>> { Entry("Name", Text(set.Name)) };
        if (!string.IsNullOrEmpty(set.Description)) entries.Add(Entry("Description", Text(set.Description!)));
        entries.Add(Entry("SessionDuration", Text(set.SessionDuration)));
        if (!string.IsNullOrEmpty(set.RelayState)) entries.Add(Entry("RelayState", Text(set.RelayState!)));
        var managed = (set.ManagedPolicies ?? Array.Empty<AwsManagedPolicy>()).Select(PolicyName).OrderBy(n => n, ByName).ToList();
        if (managed.Count > 0) entries.Add(Entry("ManagedPolicies", List(managed.Select(m => Text(m)))));
        var customer = (set.CustomerManagedPolicies ?? Array.Empty<CustomerManagedPolicyName>()).Select(c => c.ToString()).OrderBy(n => n, ByName).ToList();
        if (customer.Count > 0) entries.Add(Entry("CustomerManagedPolicies", List(customer.Select(c => Text(c)))));
        if (!string.IsNullOrWhiteSpace(set.InlinePolicy)) entries.Add(Entry("InlinePolicy", Text(Pretty(set.InlinePolicy!))));
        if (set.PermissionsBoundary?.ManagedPolicy is { } b) entries.Add(Entry("PermissionsBoundary", Text(PolicyName(b))));
        if (set.PermissionsBoundary?.CustomerManagedPolicy is { } cb) entries.Add(Entry("CustomerManagedPermissionsBoundary", Text(cb.ToString())));
        if (set.Tags is { Count: > 0 } tags)
            entries.Add(Entry("Tags", ConfigurationNode.Map(0, tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Entry(t.Key, Text(t.Value))))));
        return ConfigurationNode.Map(0, entries);
    }

    /// <summary>The short name when the shipped catalog maps it back to the same ARN, else the ARN.</summary>
    private static string PolicyName(AwsManagedPolicy policy)
    {
        try
        {
            var partition = policy.Arn.Split(':')[1];
            return ManagedPolicyCatalog.Default.Resolve(policy.Name, partition).Policy.Arn == policy.Arn ? policy.Name : policy.Arn;
        }
        catch (Exception e) when (e is UnknownManagedPolicyException or IndexOutOfRangeException)
        {
            return policy.Arn;
        }
    }

    private static string Pretty(string json)
    {
        try { return JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }); }
        catch (JsonException) { return json; }
    }

    private async Task<List<ConfigurationNode>> AssignmentNodesAsync(List<IdcUser> users, List<IdcGroup> groups, CancellationToken cancellationToken)
    {
        var principals = groups.Select(g => (Kind: PrincipalKind.Group, Id: g.GroupId, Name: g.DisplayName))
            .Concat(users.Select(u => (Kind: PrincipalKind.User, Id: u.UserId, Name: u.UserName))).ToList();
        var lists = await Bounded.SelectAsync(principals, 8, p => ExistingAssignments.ForPrincipalAsync(_session, p.Kind, p.Id, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        var rules = new List<(PrincipalKind Kind, string Principal, string Set, List<string> Accounts)>();
        for (var i = 0; i < principals.Count; i++)
            foreach (var bySet in lists[i].GroupBy(k => k.PermissionSetArn))
                rules.Add((principals[i].Kind, principals[i].Name, await _session.PermissionSets.GetNameAsync(bySet.Key, cancellationToken).ConfigureAwait(false),
                    bySet.Select(k => k.AccountId).Distinct().ToList()));
        if (rules.Count == 0) return new List<ConfigurationNode>();

        var snapshot = await OrganizationDirectory.For(_session).SnapshotAsync(refresh: true, cancellationToken).ConfigureAwait(false);
        return rules.OrderBy(r => r.Kind).ThenBy(r => r.Principal, ByName).ThenBy(r => r.Set, ByName).Select(r => RuleNode(r.Kind, r.Principal, r.Set, r.Accounts, snapshot)).ToList();
    }

    private static ConfigurationNode RuleNode(PrincipalKind kind, string principal, string set, List<string> accountIds, OrganizationSnapshot snapshot)
    {
        var (units, rest) = Cover(new HashSet<string>(accountIds, StringComparer.Ordinal), snapshot);
        var entries = new List<KeyValuePair<string, ConfigurationNode>>
        {
            Entry(kind == PrincipalKind.Group ? "Group" : "User", Text(principal)),
            Entry("PermissionSet", Text(set)),
        };
        if (rest.Count > 0) entries.Add(Entry("Accounts", List(rest.OrderBy(id => snapshot.NameOf(id) ?? id, ByName).ThenBy(id => id, StringComparer.Ordinal)
            .Select(id => Text(id, snapshot.NameOf(id))))));
        if (units.Count > 0)
        {
            entries.Add(Entry("OrganizationalUnits", List(units.OrderBy(u => u.Path, ByName).Select(u => Text(u.Path)))));
            entries.Add(Entry("Recurse", ConfigurationNode.Scalar(0, true)));
        }
        return ConfigurationNode.Map(0, entries);
    }

    /// <summary>
    /// The largest OUs whose every account (sub-OUs included) is in <paramref name="accounts"/>, and the accounts they
    /// leave over: a rule that names them gives exactly these accounts today.
    /// </summary>
    internal static (List<OrganizationalUnitEntry> Units, List<string> Leftover) Cover(HashSet<string> accounts, OrganizationSnapshot snapshot)
    {
        var full = snapshot.Units.Where(u =>
        {
            var inside = AssignmentTargets.AccountsIn(snapshot, u, recurse: true).ToList();
            return inside.Count > 0 && inside.All(a => accounts.Contains(a.AccountId));
        }).ToList();
        var fullIds = new HashSet<string>(full.Select(u => u.OrganizationalUnitId), StringComparer.Ordinal);
        var byId = snapshot.Units.ToDictionary(u => u.OrganizationalUnitId, StringComparer.Ordinal);
        bool HasFullAncestor(OrganizationalUnitEntry u)
        {
            for (var p = u.ParentId; !string.IsNullOrEmpty(p) && byId.TryGetValue(p, out var parent); p = parent.ParentId)
                if (fullIds.Contains(p)) return true;
            return false;
        }
        var top = full.Where(u => !HasFullAncestor(u)).ToList();
        var covered = new HashSet<string>(top.SelectMany(u => AssignmentTargets.AccountsIn(snapshot, u, recurse: true)).Select(a => a.AccountId), StringComparer.Ordinal);
        return (top, accounts.Where(a => !covered.Contains(a)).ToList());
    }
}
