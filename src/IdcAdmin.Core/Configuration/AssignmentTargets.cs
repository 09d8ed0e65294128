using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.Organizations;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// The accounts a rule's targets name in an organization snapshot taken for this run: ids, exact names, wildcard
/// names, and OUs by path or id, with or without their sub-OUs. Suspended accounts are included (their assignments are wanted); the planner does not try to grant them.
/// </summary>
public static class AssignmentTargets
{
    public static IReadOnlyList<AwsAccount> Resolve(ConfigurationAssignment rule, OrganizationSnapshot snapshot, string file, List<ConfigurationProblem> problems)
    {
        var found = new Dictionary<string, AwsAccount>(StringComparer.Ordinal);
        foreach (var target in rule.Accounts)
        {
            if (NamePattern.HasWildcards(target.Name))
            {
                var pattern = new NamePattern(target.Name);
                foreach (var a in snapshot.Accounts.Where(a => pattern.IsMatch(a.Name))) found[a.AccountId] = a;
                continue;
            }
            var account = snapshot.Find(target.Name);
            if (account != null) found[account.AccountId] = account;
            else problems.Add(new ConfigurationProblem(file, target.Location.Line, target.Location.KeyPath, snapshot.CountNamed(target.Name) > 1
                ? $"{snapshot.CountNamed(target.Name)} accounts are named '{target.Name}'; give the account id instead."
                : $"No account '{target.Name}' (id or name) is in the organization."));
        }
        foreach (var target in rule.OrganizationalUnits)
        {
            var unit = FindUnit(snapshot, target.Name);
            if (unit == null)
            {
                problems.Add(new ConfigurationProblem(file, target.Location.Line, target.Location.KeyPath, $"No organizational unit '{target.Name}' is in the organization (paths look like /Root/Workloads/Prod)."));
                continue;
            }
            foreach (var a in AccountsIn(snapshot, unit, rule.Recurse)) found[a.AccountId] = a;
        }
        return found.Values.ToList();
    }

    public static OrganizationalUnitEntry? FindUnit(OrganizationSnapshot snapshot, string pathOrId)
    {
        var value = pathOrId.Trim().TrimEnd('/');
        return snapshot.Units.FirstOrDefault(u => string.Equals(u.OrganizationalUnitId, value, StringComparison.OrdinalIgnoreCase))
            ?? snapshot.Units.FirstOrDefault(u => string.Equals(u.Path, value, StringComparison.OrdinalIgnoreCase));
    }

    public static IEnumerable<AwsAccount> AccountsIn(OrganizationSnapshot snapshot, OrganizationalUnitEntry unit, bool recurse) =>
        snapshot.Accounts.Where(a => a.ParentId == unit.OrganizationalUnitId
            || recurse && a.OrganizationalUnitPath.StartsWith(unit.Path.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
}
