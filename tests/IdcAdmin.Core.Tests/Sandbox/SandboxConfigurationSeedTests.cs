using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Sandbox;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Configuration;
using Xunit;

namespace IdcAdmin.Core.Tests.Sandbox;

/// <summary>
/// A sandbox seeded from a configuration through Sync's planner and applier. The planner and applier themselves are
/// proven against moto (ConfigurationSyncMotoTests); these tests cover what the seed adds: it runs on a fresh
/// sandbox, leaves no drift, and refuses targets the sandbox's organization does not hold.
/// </summary>
public sealed class SandboxConfigurationSeedTests : IDisposable
{
    // The example of examples/configuration/access.psd1, in JSON: it targets the default outline's accounts and OUs.
    private const string Example = """
        {
          "Users": [
            { "UserName": "alice", "GivenName": "Alice", "FamilyName": "Doe", "Email": "alice@example.com" },
            { "UserName": "bob", "GivenName": "Bob", "FamilyName": "Roe", "Email": "bob@example.com" },
            { "UserName": "carol", "GivenName": "Carol", "FamilyName": "Poe", "Email": "carol@example.com" }
          ],
          "Groups": [
            { "Name": "Admins", "Description": "Administrators of prod and staging", "Members": ["alice"] },
            { "Name": "Developers", "Description": "Application developers", "Members": ["bob", "carol"] }
          ],
          "PermissionSets": [
            { "Predefined": "AdministratorAccess", "SessionDuration": "PT1H" },
            { "Predefined": "ReadOnlyAccess", "SessionDuration": "PT4H" },
            { "Name": "LogReader", "Description": "Reads logs", "SessionDuration": "PT8H", "InlinePolicyPath": "policies/log-reader.json" }
          ],
          "Assignments": [
            { "Group": "Admins", "PermissionSet": "AdministratorAccess", "Accounts": ["prod", "staging"] },
            { "Group": "Developers", "PermissionSet": "ReadOnlyAccess", "OrganizationalUnits": ["/Root/Workloads"], "Recurse": true },
            { "Group": "Developers", "PermissionSet": "LogReader", "Accounts": ["staging"] }
          ]
        }
        """;

    private readonly ConfigurationFiles _files = new();

    public SandboxConfigurationSeedTests() =>
        _files.Write("policies/log-reader.json", ConfigurationOrganization.LogsPolicy);

    public void Dispose() => _files.Dispose();

    private static async Task<(IdcSandbox, IdcSession)> StartAsync(SandboxOrganizationOutline? outline = null)
    {
        var sandbox = new IdcSandbox(new SandboxOptions { Seed = 7, Organization = outline, OperationDelay = TimeSpan.FromMilliseconds(20) });
        var session = await IdcConnector.ConnectAsync(sandbox.Connect(new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            RequestRateLimiter.PerSecond(100_000, 100_000)), null, CancellationToken.None);
        return (sandbox, session);
    }

    private static Task<IReadOnlyList<ConfigurationDrift>> SeedAsync(IdcSession session, IdcConfiguration configuration) =>
        SandboxConfigurationSeed.ApplyAsync(session, configuration, NullOutputWriter.Instance, CancellationToken.None);

    [Fact]
    public async Task Seeding_the_example_creates_everything_and_leaves_no_drift()
    {
        var (sandbox, session) = await StartAsync();
        using var _ = session;

        var applied = await SeedAsync(session, _files.Json(Example));

        Assert.All(applied, d => Assert.Equal(DriftStatus.Applied, d.Status));
        Assert.Equal(3, sandbox.State.Users.Count);
        Assert.Equal(2, sandbox.State.Groups.Count);
        Assert.Equal(3, sandbox.State.Memberships.Count);
        Assert.Equal(3, sandbox.State.PermissionSets.Count);
        // Admins on prod and staging; Developers' ReadOnly on the accounts under Workloads (prod, staging); LogReader on staging.
        Assert.Equal(5, sandbox.State.Assignments.Count);
        var again = await new ConfigurationPlanner(session, NullOutputWriter.Instance).PlanAsync(_files.Json(Example), CancellationToken.None);
        Assert.False(again.HasProblems, string.Join("; ", again.Problems));
        Assert.Empty(again.Drift);
    }

    [Fact]
    public async Task Seeding_follows_an_outline_given_for_the_sandbox()
    {
        var outline = new SandboxOrganizationOutline();
        var workloads = new SandboxOrganizationalUnitOutline("Workloads");
        workloads.Children.Add(new SandboxOrganizationalUnitOutline("Prod", "prod", "prod-eu"));
        workloads.Children.Add(new SandboxOrganizationalUnitOutline("Staging", "staging"));
        outline.OrganizationalUnits.Add(workloads);
        var (sandbox, session) = await StartAsync(outline);
        using var _ = session;

        await SeedAsync(session, _files.Json(Example));

        // prod-eu joins ReadOnly through the Workloads OU rule.
        Assert.Equal(6, sandbox.State.Assignments.Count);
        Assert.Empty((await new ConfigurationPlanner(session, NullOutputWriter.Instance).PlanAsync(_files.Json(Example), CancellationToken.None)).Drift);
    }

    [Fact]
    public async Task Targets_the_sandbox_does_not_hold_are_each_refused_with_their_key_path_and_nothing_is_written()
    {
        var (sandbox, session) = await StartAsync();
        using var _ = session;
        var configuration = _files.Json("""
            {
              "Groups": [ { "Name": "Admins" } ],
              "PermissionSets": [ { "Predefined": "AdministratorAccess" } ],
              "Assignments": [
                { "Group": "Admins", "PermissionSet": "AdministratorAccess", "Accounts": ["prod", "sandbox-dev", "qa-*"] },
                { "Group": "Admins", "PermissionSet": "AdministratorAccess", "OrganizationalUnits": ["/Root/Workloads"] },
                { "Group": "Admins", "PermissionSet": "AdministratorAccess", "OrganizationalUnits": ["/Root/Research"], "Recurse": true }
              ]
            }
            """);

        var e = await Assert.ThrowsAsync<ConfigurationException>(() => SeedAsync(session, configuration));

        Assert.Equal(new[] { "Assignments[0].Accounts[1]", "Assignments[0].Accounts[2]", "Assignments[1].OrganizationalUnits[0]", "Assignments[2].OrganizationalUnits[0]" },
            e.Problems.Select(p => p.KeyPath));
        Assert.All(e.Problems, p => Assert.Contains("It holds the accounts audit, log-archive, management, prod, staging", p.Message));
        Assert.Contains("No account 'sandbox-dev'", e.Problems[0].Message);
        Assert.Contains("'qa-*' matches no account", e.Problems[1].Message);
        Assert.Contains("'/Root/Workloads' holds no account directly", e.Problems[2].Message);
        Assert.Contains("No organizational unit '/Root/Research'", e.Problems[3].Message);
        Assert.Equal(0, sandbox.State.Groups.Count);
        Assert.Equal(0, sandbox.State.PermissionSets.Count);
    }

    [Fact]
    public async Task A_name_that_exists_neither_in_the_file_nor_the_sandbox_is_refused_as_Sync_refuses_it()
    {
        var (sandbox, session) = await StartAsync();
        using var _ = session;
        var configuration = _files.Json("""
            {
              "PermissionSets": [ { "Predefined": "AdministratorAccess" } ],
              "Assignments": [ { "Group": "Nobody", "PermissionSet": "AdministratorAccess", "Accounts": ["prod"] } ]
            }
            """);

        var e = await Assert.ThrowsAsync<ConfigurationException>(() => SeedAsync(session, configuration));

        var problem = Assert.Single(e.Problems);
        Assert.Contains("No group 'Nobody'", problem.Message);
        Assert.Equal(0, sandbox.State.PermissionSets.Count);
    }
}
