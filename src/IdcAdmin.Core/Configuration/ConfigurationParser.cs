using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// Turns a file's node tree into a checked <see cref="IdcConfiguration"/> without calling AWS: unknown keys, wrong
/// types, names and lengths AWS would refuse, unknown AWS managed policies, duplicates and unreadable policy files
/// are all collected, each with its line and key path.
/// </summary>
public sealed class ConfigurationParser
{
    public static readonly string[] TopKeys = { "Users", "Groups", "PermissionSets", "Assignments" };
    public static readonly string[] GroupKeys = { "Name", "Description", "Members" };
    public static readonly string[] PermissionSetKeys =
    {
        "Name", "Predefined", "Description", "SessionDuration", "RelayState", "ManagedPolicies", "CustomerManagedPolicies",
        "InlinePolicy", "InlinePolicyPath", "PermissionsBoundary", "CustomerManagedPermissionsBoundary", "Tags",
    };
    public static readonly string[] AssignmentKeys = { "Group", "User", "PermissionSet", "Accounts", "OrganizationalUnits", "Recurse" };
    public static IEnumerable<string> UserKeys => UserAttributes.All.Select(a => a.Field);

    private readonly string _file;
    private readonly string _directory;
    private readonly string _partition;
    private readonly List<ConfigurationProblem> _problems;

    private ConfigurationParser(string file, string partition, List<ConfigurationProblem> problems)
    {
        _file = file;
        _directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        _partition = partition;
        _problems = problems;
    }

    /// <summary>The checked configuration; <see cref="ConfigurationException"/> with every problem (and the reader's) otherwise.</summary>
    public static IdcConfiguration Parse(ConfigurationNode root, string file, IEnumerable<ConfigurationProblem>? readProblems = null, string partition = "aws")
    {
        var problems = new List<ConfigurationProblem>(readProblems ?? Array.Empty<ConfigurationProblem>());
        var parser = new ConfigurationParser(file, partition, problems);
        var configuration = new IdcConfiguration { File = file };
        if (problems.Count == 0) parser.ReadRoot(root, configuration);
        if (problems.Count > 0) throw new ConfigurationException(problems);
        return configuration;
    }

    /// <summary>Reads a .json file (a .psd1 is read by the cmdlet layer with PowerShell's data-file rules).</summary>
    public static IdcConfiguration ParseJsonFile(string file, string partition = "aws")
    {
        var problems = new List<ConfigurationProblem>();
        var root = JsonConfigurationReader.Read(File.ReadAllText(file), file, problems);
        return Parse(root, file, problems, partition);
    }

    private void Problem(ConfigurationNode node, string path, string message) => _problems.Add(new ConfigurationProblem(_file, node.Line, path, message));

    private void ReadRoot(ConfigurationNode root, IdcConfiguration configuration)
    {
        if (root.Kind != ConfigurationNodeKind.Map)
        {
            Problem(root, "", $"The file must hold one table of {string.Join(", ", TopKeys)}; it holds {root.Describe()}.");
            return;
        }
        var keys = Keys(root, "", TopKeys);
        if (keys.TryGetValue("Users", out var users))
            foreach (var (item, path) in Items(users, "Users")) ReadUser(item, path, configuration);
        if (keys.TryGetValue("Groups", out var groups))
            foreach (var (item, path) in Items(groups, "Groups")) ReadGroup(item, path, configuration);
        if (keys.TryGetValue("PermissionSets", out var sets))
            foreach (var (item, path) in Items(sets, "PermissionSets")) ReadPermissionSet(item, path, configuration);
        if (keys.TryGetValue("Assignments", out var rules))
            foreach (var (item, path) in Items(rules, "Assignments")) ReadAssignment(item, path, configuration);
        Duplicates(configuration.Users.Select(u => (u.UserName, u.Location)), "user");
        Duplicates(configuration.Groups.Select(g => (g.Name, g.Location)), "group");
        Duplicates(configuration.PermissionSets.Select(p => (p.Name, p.Location)), "permission set");
        DuplicateRules(configuration.Assignments);
    }

    /// <summary>The map's entries by key (case-insensitive, as PowerShell reads them); unknown keys are problems.</summary>
    private Dictionary<string, (ConfigurationNode Node, string Path)> KeysWithPaths(ConfigurationNode map, string path, IEnumerable<string> known)
    {
        var knownList = known.ToList();
        var result = new Dictionary<string, (ConfigurationNode, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in map.Entries)
        {
            var childPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            var match = knownList.FirstOrDefault(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                var close = knownList.Select(k => (k, d: ManagedPolicyCatalog.EditDistance(entry.Key.ToLowerInvariant(), k.ToLowerInvariant(), 3)))
                    .Where(x => x.d <= 3).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();
                Problem(entry.Value, childPath, $"Unknown key '{entry.Key}'." + (close != null ? $" Did you mean '{close}'?" : "") + $" Known keys here: {string.Join(", ", knownList)}.");
                continue;
            }
            if (result.ContainsKey(match)) Problem(entry.Value, childPath, $"The key '{match}' appears twice.");
            else result[match] = (entry.Value, childPath);
        }
        return result;
    }

    private Dictionary<string, ConfigurationNode> Keys(ConfigurationNode map, string path, IEnumerable<string> known) =>
        KeysWithPaths(map, path, known).ToDictionary(k => k.Key, k => k.Value.Node, StringComparer.OrdinalIgnoreCase);

    /// <summary>A list's items with their paths; a single value counts as a list of one.</summary>
    private IEnumerable<(ConfigurationNode Node, string Path)> Items(ConfigurationNode node, string path)
    {
        if (node.Kind == ConfigurationNodeKind.List) return node.Items.Select((n, i) => (n, $"{path}[{i}]"));
        if (node.Kind == ConfigurationNodeKind.Null) return Enumerable.Empty<(ConfigurationNode, string)>();
        return new[] { (node, path) };
    }

    private string? Text(ConfigurationNode node, string path, bool required = false)
    {
        if (node.Kind == ConfigurationNodeKind.String)
        {
            var s = (string)node.Value!;
            if (required && s.Trim().Length == 0) Problem(node, path, "Must not be empty.");
            return s;
        }
        if (node.Kind == ConfigurationNodeKind.Number) return ((double)node.Value!).ToString(CultureInfo.InvariantCulture);
        Problem(node, path, $"Expected text, found {node.Describe()}.");
        return null;
    }

    private List<ConfigurationReference> Texts(ConfigurationNode node, string path)
    {
        var list = new List<ConfigurationReference>();
        foreach (var (item, itemPath) in Items(node, path))
        {
            var t = Text(item, itemPath, required: true);
            if (t != null && t.Trim().Length > 0) list.Add(new ConfigurationReference(t.Trim(), new ConfigurationLocation(item.Line, itemPath)));
        }
        return list;
    }

    private ConfigurationNode? Map(ConfigurationNode node, string path, string what)
    {
        if (node.Kind == ConfigurationNodeKind.Map) return node;
        Problem(node, path, $"Each {what} is a table (@{{ ... }} in a .psd1, {{ ... }} in JSON); found {node.Describe()}.");
        return null;
    }

    private void ReadUser(ConfigurationNode node, string path, IdcConfiguration configuration)
    {
        if (Map(node, path, "user") is not { } map) return;
        var keys = KeysWithPaths(map, path, UserKeys);
        var definition = new UserDefinition();
        foreach (var entry in keys)
            if (Text(entry.Value.Node, entry.Value.Path) is { } text) UserAttributes.Find(entry.Key)!.SetDesired(definition, text);
        if (!keys.ContainsKey("UserName")) { Problem(map, path, "A user needs a UserName."); return; }
        try
        {
            UserValidator.ValidateNew(definition.Normalized());
        }
        catch (IdentityInputException e)
        {
            var at = keys.TryGetValue(e.Field, out var v) ? v : (map, path);
            Problem(at.Item1, at.Item2, e.Message);
            return;
        }
        configuration.Users.Add(new ConfigurationUser(definition.Normalized(), new ConfigurationLocation(map.Line, path)));
    }

    private void ReadGroup(ConfigurationNode node, string path, IdcConfiguration configuration)
    {
        if (Map(node, path, "group") is not { } map) return;
        var keys = KeysWithPaths(map, path, GroupKeys);
        if (!keys.TryGetValue("Name", out var nameNode)) { Problem(map, path, "A group needs a Name."); return; }
        var name = Text(nameNode.Node, nameNode.Path, required: true);
        if (name == null) return;
        var group = new ConfigurationGroup { Name = name, Location = new ConfigurationLocation(map.Line, path) };
        try { IdentityRules.CheckGroupName(name); }
        catch (IdentityInputException e) { Problem(nameNode.Node, nameNode.Path, e.Message); }
        if (keys.TryGetValue("Description", out var d))
        {
            group.Description = Text(d.Node, d.Path, required: true);
            try { IdentityRules.CheckString("Description", group.Description); }
            catch (IdentityInputException e) { Problem(d.Node, d.Path, e.Message); }
        }
        if (keys.TryGetValue("Members", out var members))
        {
            group.Members = Texts(members.Node, members.Path);
            Duplicates(group.Members.Select(m => (m.Name, m.Location)), $"member of group '{name}'");
        }
        configuration.Groups.Add(group);
    }

    private void ReadPermissionSet(ConfigurationNode node, string path, IdcConfiguration configuration)
    {
        if (Map(node, path, "permission set") is not { } map) return;
        var keys = KeysWithPaths(map, path, PermissionSetKeys);
        var before = _problems.Count;
        var definition = new PermissionSetDefinition();
        if (keys.TryGetValue("Predefined", out var predefined) && Text(predefined.Node, predefined.Path) is { } p)
        {
            if (Enum.TryParse<PredefinedPermissionSet>(p, ignoreCase: true, out var known))
            {
                definition.Name = known.ToString();
                definition.ManagedPolicies = new List<string> { PredefinedPermissionSets.PolicyOf(known) };
            }
            else Problem(predefined.Node, predefined.Path, $"'{p}' is not a predefined permission set. Known: {string.Join(", ", Enum.GetNames(typeof(PredefinedPermissionSet)))}.");
        }
        if (keys.TryGetValue("Name", out var name)) definition.Name = Text(name.Node, name.Path, required: true);
        if (definition.Name == null && !keys.ContainsKey("Predefined")) { Problem(map, path, "A permission set needs a Name (or Predefined)."); return; }
        if (keys.TryGetValue("Description", out var description)) definition.Description = Text(description.Node, description.Path);
        if (keys.TryGetValue("RelayState", out var relay)) definition.RelayState = Text(relay.Node, relay.Path);
        if (keys.TryGetValue("SessionDuration", out var duration) && Text(duration.Node, duration.Path) is { } durationText)
        {
            // A bare number would parse as days ("4" is 4.00:00:00), never the hours a person means.
            if (double.TryParse(durationText, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                Problem(duration.Node, duration.Path, $"'{durationText}' is a bare number, not a duration; write PT4H or 04:00:00.");
            else if (Iso8601Duration.TryParse(durationText, out var d) || TimeSpan.TryParse(durationText, CultureInfo.InvariantCulture, out d)) definition.SessionDuration = d;
            else Problem(duration.Node, duration.Path, $"'{durationText}' is not a duration; write PT4H or 04:00:00.");
        }
        if (keys.TryGetValue("ManagedPolicies", out var managed))
        {
            var list = definition.ManagedPolicies ?? new List<string>();
            foreach (var policy in Texts(managed.Node, managed.Path))
            {
                // Checked one by one here so an unknown name points at its own line, with the catalog's suggestions.
                try { ManagedPolicyCatalog.Default.Resolve(policy.Name, _partition); list.Add(policy.Name); }
                catch (UnknownManagedPolicyException e) { _problems.Add(new ConfigurationProblem(_file, policy.Location.Line, policy.Location.KeyPath, e.Message)); }
            }
            definition.ManagedPolicies = list;
        }
        if (keys.TryGetValue("CustomerManagedPolicies", out var customer)) definition.CustomerManagedPolicies = Texts(customer.Node, customer.Path).Select(r => r.Name).ToList();
        if (keys.TryGetValue("InlinePolicy", out var inline) && keys.TryGetValue("InlinePolicyPath", out var inlinePathNode))
            Problem(inlinePathNode.Node, inlinePathNode.Path, "Give InlinePolicy or InlinePolicyPath, not both.");
        else if (keys.TryGetValue("InlinePolicy", out inline))
            definition.InlinePolicy = inline.Node.Kind == ConfigurationNodeKind.Map ? ConfigurationJson.ToJson(inline.Node) : Text(inline.Node, inline.Path);
        else if (keys.TryGetValue("InlinePolicyPath", out var inlinePath) && Text(inlinePath.Node, inlinePath.Path, required: true) is { } relative)
        {
            var full = Path.Combine(_directory, relative);
            try { definition.InlinePolicy = File.ReadAllText(full); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Problem(inlinePath.Node, inlinePath.Path, $"Cannot read the policy file '{full}': {e.Message}");
            }
        }
        if (keys.TryGetValue("PermissionsBoundary", out var boundary)) definition.PermissionsBoundary = Text(boundary.Node, boundary.Path);
        if (keys.TryGetValue("CustomerManagedPermissionsBoundary", out var customerBoundary)) definition.CustomerManagedPermissionsBoundary = Text(customerBoundary.Node, customerBoundary.Path);
        if (keys.TryGetValue("Tags", out var tags))
        {
            if (tags.Node.Kind != ConfigurationNodeKind.Map) Problem(tags.Node, tags.Path, $"Tags is a table of key = value; found {tags.Node.Describe()}.");
            else
            {
                definition.Tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var t in tags.Node.Entries)
                    if (Text(t.Value, tags.Path + "." + t.Key) is { } v) definition.Tags[t.Key] = v;
            }
        }
        if (_problems.Count > before) return;

        var set = new ConfigurationPermissionSet { Name = definition.Name!, Location = new ConfigurationLocation(map.Line, path) };
        try
        {
            set.CreateSpec = PermissionSetValidator.Validate(definition, forCreate: true, _partition);
            // An existing set: its policies are exactly the file's (absent = none); other parts only when given.
            var update = Copy(definition);
            update.ManagedPolicies ??= new List<string>();
            update.CustomerManagedPolicies ??= new List<string>();
            update.RemoveInlinePolicy = update.InlinePolicy == null;
            set.UpdateSpec = PermissionSetValidator.Validate(update, forCreate: false, _partition);
            configuration.Warnings.AddRange(set.CreateSpec.Warnings.Select(w => $"{_file}:{map.Line}: {path}: {w}"));
        }
        catch (PermissionSetValidationException e)
        {
            foreach (var problem in e.Problems) Problem(map, path, problem);
            return;
        }
        configuration.PermissionSets.Add(set);
    }

    private static PermissionSetDefinition Copy(PermissionSetDefinition d) => new()
    {
        Name = d.Name, Description = d.Description, SessionDuration = d.SessionDuration, RelayState = d.RelayState,
        ManagedPolicies = d.ManagedPolicies?.ToList(), CustomerManagedPolicies = d.CustomerManagedPolicies?.ToList(), InlinePolicy = d.InlinePolicy,
        PermissionsBoundary = d.PermissionsBoundary, CustomerManagedPermissionsBoundary = d.CustomerManagedPermissionsBoundary, Tags = d.Tags,
    };

    private void ReadAssignment(ConfigurationNode node, string path, IdcConfiguration configuration)
    {
        if (Map(node, path, "assignment rule") is not { } map) return;
        var keys = KeysWithPaths(map, path, AssignmentKeys);
        var rule = new ConfigurationAssignment { Location = new ConfigurationLocation(map.Line, path) };
        var hasGroup = keys.TryGetValue("Group", out var group);
        var hasUser = keys.TryGetValue("User", out var user);
        if (hasGroup == hasUser) { Problem(map, path, "An assignment rule names exactly one principal: Group or User."); return; }
        var principal = hasGroup ? group : user;
        var principalName = Text(principal.Node, principal.Path, required: true);
        if (principalName == null) return;
        rule.PrincipalKind = hasGroup ? PrincipalKind.Group : PrincipalKind.User;
        rule.Principal = new ConfigurationReference(principalName.Trim(), new ConfigurationLocation(principal.Node.Line, principal.Path));
        if (keys.TryGetValue("PermissionSet", out var ps)) rule.PermissionSets.AddRange(Texts(ps.Node, ps.Path));
        else Problem(map, path, "An assignment rule needs a PermissionSet.");
        if (keys.TryGetValue("Accounts", out var accounts))
            foreach (var a in Texts(accounts.Node, accounts.Path))
            {
                if (a.Name.Length == 12 && a.Name.All(char.IsDigit) || NamePattern.HasWildcards(a.Name) || a.Name.Length <= 50) rule.Accounts.Add(a);
                else _problems.Add(new ConfigurationProblem(_file, a.Location.Line, a.Location.KeyPath, $"'{a.Name}' is neither a 12-digit account id nor an account name (at most 50 characters)."));
            }
        if (keys.TryGetValue("OrganizationalUnits", out var ous))
            foreach (var ou in Texts(ous.Node, ous.Path))
            {
                if (ou.Name.StartsWith("/", StringComparison.Ordinal) || ou.Name.StartsWith("ou-", StringComparison.OrdinalIgnoreCase) || ou.Name.StartsWith("r-", StringComparison.OrdinalIgnoreCase))
                    rule.OrganizationalUnits.Add(ou);
                else _problems.Add(new ConfigurationProblem(_file, ou.Location.Line, ou.Location.KeyPath, $"'{ou.Name}' is not an OU path (/Root/Workloads/Prod) or id (ou-…, r-…)."));
            }
        if (keys.TryGetValue("Recurse", out var recurse))
        {
            if (recurse.Node.Kind == ConfigurationNodeKind.Boolean) rule.Recurse = (bool)recurse.Node.Value!;
            else Problem(recurse.Node, recurse.Path, $"Recurse is $true or $false; found {recurse.Node.Describe()}.");
        }
        if (!keys.ContainsKey("Accounts") && !keys.ContainsKey("OrganizationalUnits"))
            Problem(map, path, "An assignment rule needs targets: Accounts and/or OrganizationalUnits.");
        foreach (var set in rule.PermissionSets)
            if (set.Name.Length > PermissionSetValidator.MaxNameLength && !PermissionSetResolver.IsArn(set.Name))
                _problems.Add(new ConfigurationProblem(_file, set.Location.Line, set.Location.KeyPath, $"'{set.Name}' is longer than a permission set name may be ({PermissionSetValidator.MaxNameLength})."));
        configuration.Assignments.Add(rule);
    }

    private void Duplicates(IEnumerable<(string Name, ConfigurationLocation Location)> items, string what)
    {
        var first = new Dictionary<string, ConfigurationLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, location) in items)
        {
            if (first.TryGetValue(name, out var earlier))
                _problems.Add(new ConfigurationProblem(_file, location.Line, location.KeyPath, $"The {what} '{name}' is declared twice (first at line {earlier.Line}, {earlier.KeyPath})."));
            else first[name] = location;
        }
    }

    private void DuplicateRules(IEnumerable<ConfigurationAssignment> rules)
    {
        var seen = new Dictionary<string, ConfigurationLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        foreach (var set in rule.PermissionSets)
        foreach (var target in rule.Accounts.Select(a => "account " + a.Name).Concat(rule.OrganizationalUnits.Select(o => $"OU {o.Name}{(rule.Recurse ? " (recursive)" : "")}")))
        {
            var key = $"{rule.PrincipalKind} '{rule.Principal.Name}' with '{set.Name}' on {target}";
            if (seen.TryGetValue(key, out var earlier))
                _problems.Add(new ConfigurationProblem(_file, rule.Location.Line, rule.Location.KeyPath, $"The assignment of {key} is declared twice (first at line {earlier.Line}, {earlier.KeyPath})."));
            else seen[key] = rule.Location;
        }
    }
}
