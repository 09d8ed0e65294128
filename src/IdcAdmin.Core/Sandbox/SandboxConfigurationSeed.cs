using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// Fills a new sandbox with a configuration (users, groups, memberships, permission sets, assignments) through the
/// same planner and applier Sync-IdcConfiguration uses, once its organization exists. Unlike Sync, every assignment
/// target must match an account of the sandbox's organization: a seed that grants nothing is a mistake, not an
/// account that has yet to join.
/// </summary>
public static class SandboxConfigurationSeed
{
    /// <summary>
    /// Applies <paramref name="configuration"/> to the sandbox behind <paramref name="session"/>. Throws
    /// <see cref="ConfigurationException"/> (nothing written) when a name or target resolves to nothing, and
    /// <see cref="SandboxSeedException"/> when an item fails to apply.
    /// </summary>
    public static async Task<IReadOnlyList<ConfigurationDrift>> ApplyAsync(IdcSession session, IdcConfiguration configuration, IOutputWriter output, CancellationToken cancellationToken)
    {
        var plan = await new ConfigurationPlanner(session, output).PlanAsync(configuration, cancellationToken).ConfigureAwait(false);
        var snapshot = await OrganizationDirectory.For(session).SnapshotAsync(refresh: true, cancellationToken).ConfigureAwait(false);
        var targets = UnmatchedTargets(configuration, snapshot);
        if (plan.HasProblems || targets.Count > 0)
        {
            // The sandbox's wording replaces the planner's for the same target; other problems stay as they are.
            var said = new HashSet<(int, string)>(targets.Select(p => (p.Line, p.KeyPath)));
            var problems = plan.Problems.Where(p => !said.Contains((p.Line, p.KeyPath))).Concat(targets)
                .OrderBy(p => p.Line).ThenBy(p => p.KeyPath, StringComparer.Ordinal).ToList();
            throw new ConfigurationException(problems);
        }

        // The seed's users live in memory and have no inbox: the console's invitation email is not worth a warning here.
        session.Once.First(UserService.InvitationNoticeKey);
        var applied = await new ConfigurationApplier(session, output).ApplyAsync(plan, prune: false, _ => true, cancellationToken).ConfigureAwait(false);
        var failed = applied.Where(d => d.Status == DriftStatus.Failed).ToList();
        if (failed.Count > 0) throw new SandboxSeedException(configuration.File, failed);
        output.WriteVerbose($"Seeded the sandbox from {configuration.File}: {applied.Count} item(s).");
        return applied;
    }

    /// <summary>Each account or OU target that names nothing, or no account, in the sandbox's organization.</summary>
    public static List<ConfigurationProblem> UnmatchedTargets(IdcConfiguration configuration, OrganizationSnapshot snapshot)
    {
        var problems = new List<ConfigurationProblem>();
        void Add(ConfigurationReference target, string message) =>
            problems.Add(new ConfigurationProblem(configuration.File, target.Location.Line, target.Location.KeyPath, message + " " + Holds(snapshot)));

        foreach (var rule in configuration.Assignments)
        {
            foreach (var target in rule.Accounts)
            {
                if (NamePattern.HasWildcards(target.Name))
                {
                    var pattern = new NamePattern(target.Name);
                    if (!snapshot.Accounts.Any(a => pattern.IsMatch(a.Name))) Add(target, $"'{target.Name}' matches no account of the sandbox's organization.");
                }
                else if (snapshot.Find(target.Name) == null && snapshot.CountNamed(target.Name) == 0)
                    Add(target, $"No account '{target.Name}' (id or name) is in the sandbox's organization.");
            }
            foreach (var target in rule.OrganizationalUnits)
            {
                var unit = AssignmentTargets.FindUnit(snapshot, target.Name);
                if (unit == null) Add(target, $"No organizational unit '{target.Name}' is in the sandbox's organization.");
                else if (!AssignmentTargets.AccountsIn(snapshot, unit, rule.Recurse).Any())
                    Add(target, $"The organizational unit '{unit.Path}' holds no account{(rule.Recurse ? "" : " directly (Recurse = $true takes its sub-OUs too)")}, so the rule grants nothing.");
            }
        }
        return problems;
    }

    // What the organization does hold, so the fix (a target or an outline for -SandboxOrganization) is obvious.
    private static string Holds(OrganizationSnapshot snapshot)
    {
        if (snapshot.Accounts.Count == 0) return "The sandbox has no organization; give it one with -SandboxOrganization.";
        var accounts = string.Join(", ", snapshot.Accounts.Select(a => a.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        var units = string.Join(", ", snapshot.Units.Select(u => u.Path).OrderBy(p => p, StringComparer.OrdinalIgnoreCase));
        return $"It holds the accounts {accounts} and the OUs {units}; target those, or describe the organization the file expects with -SandboxOrganization.";
    }
}

/// <summary>A sandbox seed whose items could not all be applied; the sandbox is not used.</summary>
public sealed class SandboxSeedException : Exception
{
    public SandboxSeedException(string file, IReadOnlyList<ConfigurationDrift> failed)
        : base($"The sandbox could not be seeded from {file}: {failed.Count} item(s) failed.{Environment.NewLine}" +
               string.Join(Environment.NewLine, failed.Select(d => $"{d}: {d.Message}")))
    {
        Failed = failed;
    }

    public IReadOnlyList<ConfigurationDrift> Failed { get; }
}
