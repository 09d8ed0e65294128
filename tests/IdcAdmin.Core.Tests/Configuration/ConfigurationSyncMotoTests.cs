using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>
/// Compare and Sync against moto, counting write calls with a recording handler. Each test uses its own region, so
/// its Identity Center instance (users, groups, permission sets, assignments) starts empty.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ConfigurationSyncMotoTests
{
    private readonly MotoServer _moto;

    public ConfigurationSyncMotoTests(MotoServer moto) => _moto = moto;

    private sealed class Context : IDisposable
    {
        public required IdcSession Session { get; init; }
        public required RecordingHandler Recorder { get; init; }
        public required ConfigurationOrganization Organization { get; init; }
        public ConfigurationFiles Files { get; } = new();

        public IdcConfiguration Example()
        {
            Files.Write("policies/logs.json", ConfigurationOrganization.LogsPolicy);
            return Files.Json(Organization.ExampleJson());
        }

        public Task<ConfigurationPlan> CompareAsync(IdcConfiguration c) => new ConfigurationPlanner(Session, NullOutputWriter.Instance).PlanAsync(c, CancellationToken.None);

        public async Task<IReadOnlyList<ConfigurationDrift>> SyncAsync(IdcConfiguration c, bool prune = false, bool whatIf = false)
        {
            var plan = await CompareAsync(c);
            return await new ConfigurationApplier(Session, NullOutputWriter.Instance).ApplyAsync(plan, prune, _ => !whatIf, CancellationToken.None);
        }

        public void Dispose()
        {
            Files.Dispose();
            Session.Dispose();
        }
    }

    private async Task<Context> ContextAsync(string region)
    {
        var recorder = new RecordingHandler();
        var session = await _moto.SessionAsync(region, recorder);
        var organization = await ConfigurationOrganization.CreateAsync(session);
        recorder.Clear();
        return new Context { Session = session, Recorder = recorder, Organization = organization };
    }

    private static int Count(RecordingHandler r, string operation) => r.Writes.Count(w => w == operation);

    [Fact]
    public async Task The_example_onto_an_empty_instance_is_created_once_then_nothing_is_written_and_compare_is_empty()
    {
        using var c = await ContextAsync("ca-central-1");
        var example = c.Example();

        var described = await c.SyncAsync(example, whatIf: true);
        Assert.Empty(c.Recorder.Writes);
        Assert.Equal(2 + 2 + 2 + 3 + 6, described.Count);
        Assert.All(described, d => Assert.Equal(DriftStatus.Skipped, d.Status));

        var applied = await c.SyncAsync(example);
        Assert.All(applied, d => Assert.True(d.Status == DriftStatus.Applied, $"{d}: {d.Status} {d.Message}"));
        Assert.Equal(2, Count(c.Recorder, "CreateUser"));
        Assert.Equal(2, Count(c.Recorder, "CreateGroup"));
        Assert.Equal(2, Count(c.Recorder, "CreateGroupMembership"));
        Assert.Equal(3, Count(c.Recorder, "CreatePermissionSet"));
        // Admins on prod and staging, Devs' ReadOnly on the three Workloads accounts (Dev OU included), Logs on staging.
        Assert.Equal(6, Count(c.Recorder, "CreateAccountAssignment"));

        c.Recorder.Clear();
        Assert.Empty((await c.CompareAsync(example)).Drift);
        var second = await c.SyncAsync(example);
        Assert.Empty(second);
        Assert.Empty(c.Recorder.Writes);
    }

    [Fact]
    public async Task Export_then_sync_on_the_same_instance_writes_nothing_and_uses_an_OU_rule_where_it_is_exact()
    {
        using var c = await ContextAsync("eu-west-3");
        await c.SyncAsync(c.Example());
        // Also something the example does not make: a user's own assignment and a tagless boundary-less set.
        var admin = c.Session.Connection.SsoAdmin;
        var extra = (await admin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = c.Session.InstanceArn, Name = "Extra-" + c.Organization.Prefix, SessionDuration = "PT2H" })).PermissionSet!;
        var bob = await c.Session.Principals.FindUserIdAsync("bob-" + c.Organization.Prefix, CancellationToken.None);
        await admin.CreateAccountAssignmentAsync(new CreateAccountAssignmentRequest
        {
            InstanceArn = c.Session.InstanceArn, PermissionSetArn = extra.PermissionSetArn, PrincipalType = "USER", PrincipalId = bob,
            TargetType = "AWS_ACCOUNT", TargetId = c.Organization.Accounts["spare"],
        });

        var gaps = new Identity.CollectingOutput();
        var tree = await new ConfigurationExporter(c.Session, gaps).ExportAsync(CancellationToken.None);
        var json = ConfigurationTextWriter.ToJson(tree);
        Assert.Contains($"\"/Root/{c.Organization.Prefix}/Workloads\"", json);
        Assert.Equal(json, ConfigurationTextWriter.ToJson(await new ConfigurationExporter(c.Session, gaps).ExportAsync(CancellationToken.None)));
        var exported = c.Files.Json(json, "export.json");

        c.Recorder.Clear();
        var plan = await c.CompareAsync(exported);
        Assert.Empty(plan.Problems);
        Assert.Empty(plan.Drift);
        Assert.Empty(await c.SyncAsync(exported, prune: true));
        Assert.Empty(c.Recorder.Writes);
    }

    [Fact]
    public async Task A_change_made_outside_shows_in_compare_and_sync_reverts_it()
    {
        using var c = await ContextAsync("eu-south-1");
        var example = c.Example();
        await c.SyncAsync(example);
        var p = c.Organization.Prefix;
        var admin = c.Session.Connection.SsoAdmin;
        var readOnly = await c.Session.PermissionSets.FindArnAsync("ReadOnly-" + p, CancellationToken.None);
        await admin.DetachManagedPolicyFromPermissionSetAsync(new DetachManagedPolicyFromPermissionSetRequest
            { InstanceArn = c.Session.InstanceArn, PermissionSetArn = readOnly, ManagedPolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" });
        var devs = await c.Session.Principals.FindGroupIdAsync("Devs-" + p, CancellationToken.None);
        await admin.DeleteAccountAssignmentAsync(new DeleteAccountAssignmentRequest
        {
            InstanceArn = c.Session.InstanceArn, PermissionSetArn = readOnly, PrincipalType = "GROUP", PrincipalId = devs,
            TargetType = "AWS_ACCOUNT", TargetId = c.Organization.Accounts["dev"],
        });

        var drift = (await c.CompareAsync(example)).Drift;
        Assert.Equal(2, drift.Count);
        Assert.Contains(drift, d => d.Kind == ConfigurationItemKind.PermissionSet && d.Property == "ManagedPolicies" && d.Desired == "ReadOnlyAccess" && d.Current == null);
        Assert.Contains(drift, d => d.Kind == ConfigurationItemKind.Assignment && d.Change == DriftChange.Add && d.Desired!.Contains(c.Organization.Accounts["dev"]));

        c.Recorder.Clear();
        var applied = await c.SyncAsync(example);
        Assert.All(applied, d => Assert.Equal(DriftStatus.Applied, d.Status));
        Assert.Equal(new[] { "AttachManagedPolicyToPermissionSet", "CreateAccountAssignment" }, c.Recorder.Writes.OrderBy(w => w));
        Assert.Empty((await c.CompareAsync(example)).Drift);
    }

    [Fact]
    public async Task A_permission_set_deleted_outside_is_created_again_by_the_next_sync()
    {
        using var c = await ContextAsync("eu-central-2");
        var example = c.Example();
        await c.SyncAsync(example);
        var p = c.Organization.Prefix;
        var logs = (await c.Session.PermissionSets.FindArnAsync("Logs-" + p, CancellationToken.None))!;
        await c.Session.Connection.SsoAdmin.DeletePermissionSetAsync(new DeletePermissionSetRequest { InstanceArn = c.Session.InstanceArn, PermissionSetArn = logs });

        var drift = (await c.CompareAsync(example)).Drift;
        Assert.Contains(drift, d => d.Kind == ConfigurationItemKind.PermissionSet && d.Name == "Logs-" + p && d.Change == DriftChange.Add);

        c.Recorder.Clear();
        var applied = await c.SyncAsync(example);
        Assert.All(applied, d => Assert.True(d.Status == DriftStatus.Applied, $"{d}: {d.Message}"));
        Assert.Equal(1, Count(c.Recorder, "CreatePermissionSet"));
        Assert.Empty((await c.CompareAsync(example)).Drift);
    }

    [Fact]
    public async Task Every_part_of_a_permission_set_is_synced_exported_and_left_alone_the_second_time()
    {
        // Boundaries and tags are answered as AWS answers them (moto has neither call).
        var gaps = new PermissionSets.MotoGapsHandler();
        using var session = await _moto.SessionAsync("me-south-1", gaps);
        using var files = new ConfigurationFiles();
        files.Write("policies/s3.json", """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }""");
        var configuration = files.Json("""
            {
              "PermissionSets": [
                { "Name": "Full", "Description": "Every part", "SessionDuration": "PT8H",
                  "RelayState": "https://console.aws.amazon.com/s3/home",
                  "ManagedPolicies": ["ReadOnlyAccess", "AmazonS3ReadOnlyAccess"], "CustomerManagedPolicies": ["/team/DataAccess"],
                  "InlinePolicyPath": "policies/s3.json", "PermissionsBoundary": "PowerUserAccess", "Tags": { "team": "data", "cost": "42" } }
              ]
            }
            """);
        var planner = new ConfigurationPlanner(session, NullOutputWriter.Instance);
        var applier = new ConfigurationApplier(session, NullOutputWriter.Instance);

        var created = await applier.ApplyAsync(await planner.PlanAsync(configuration, CancellationToken.None), false, _ => true, CancellationToken.None);
        var made = Assert.Single(created);
        Assert.True(made.Status == DriftStatus.Applied, made.Message);
        Assert.Equal(1, gaps.CountOf("PutPermissionsBoundaryToPermissionSet"));

        gaps.Clear();
        Assert.Empty((await planner.PlanAsync(configuration, CancellationToken.None)).Drift);
        Assert.Empty(gaps.Writes);

        var exported = ConfigurationTextWriter.ToJson(await new ConfigurationExporter(session, NullOutputWriter.Instance).ExportAsync(CancellationToken.None));
        Assert.Contains("\"PermissionsBoundary\": \"PowerUserAccess\"", exported);
        Assert.Contains("\"cost\": \"42\"", exported);
        var plan = await planner.PlanAsync(files.Json(exported, "export.json"), CancellationToken.None);
        Assert.Empty(plan.Drift);

        // A change of one part is one drift, written as one call.
        var changed = files.Json(File.ReadAllText(Path.Combine(files.Directory, "access.json")).Replace("\"42\"", "\"43\""), "changed.json");
        var drift = Assert.Single((await planner.PlanAsync(changed, CancellationToken.None)).Drift);
        Assert.Equal(("Tags.cost", "42", "43"), (drift.Property, drift.Current, drift.Desired));
        gaps.Clear();
        await applier.ApplyAsync(await planner.PlanAsync(changed, CancellationToken.None), false, _ => true, CancellationToken.None);
        Assert.Equal(new[] { "TagResource" }, gaps.Writes);
    }

    [Fact]
    public async Task An_account_moved_into_a_targeted_OU_gets_access_on_the_next_sync()
    {
        using var c = await ContextAsync("ap-northeast-2");
        var example = c.Example();
        await c.SyncAsync(example);
        var spare = c.Organization.Accounts["spare"];
        await c.Session.Connection.Organizations.MoveAccountAsync(new MoveAccountRequest
            { AccountId = spare, SourceParentId = c.Organization.TopId, DestinationParentId = c.Organization.DevOuId });

        c.Recorder.Clear();
        var applied = await c.SyncAsync(example);

        var added = Assert.Single(applied);
        Assert.Equal(ConfigurationItemKind.Assignment, added.Kind);
        Assert.Equal("Devs-" + c.Organization.Prefix, added.Name);
        Assert.Contains(spare, added.Desired);
        Assert.Equal(DriftStatus.Applied, added.Status);
        Assert.Equal(new[] { "CreateAccountAssignment" }, c.Recorder.Writes);
    }

    [Fact]
    public async Task Prune_removes_only_the_extras_inside_the_files_scope()
    {
        using var c = await ContextAsync("ap-southeast-1");
        var example = c.Example();
        await c.SyncAsync(example);
        var p = c.Organization.Prefix;
        var session = c.Session;
        var admin = session.Connection.SsoAdmin;
        var readOnly = (await session.PermissionSets.FindArnAsync("ReadOnly-" + p, CancellationToken.None))!;
        var devs = (await session.Principals.FindGroupIdAsync("Devs-" + p, CancellationToken.None))!;
        var outsider = (await session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = "Outsider-" + p })).GroupId!;
        var otherSet = (await admin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = "Other-" + p, SessionDuration = "PT1H" })).PermissionSet!.PermissionSetArn!;
        async Task Assign(string set, string group, string account) => await admin.CreateAccountAssignmentAsync(new CreateAccountAssignmentRequest
            { InstanceArn = session.InstanceArn, PermissionSetArn = set, PrincipalType = "GROUP", PrincipalId = group, TargetType = "AWS_ACCOUNT", TargetId = account });
        await Assign(readOnly, devs, c.Organization.Accounts["spare"]);        // in scope: declared group and set, not wanted
        await Assign(readOnly, outsider, c.Organization.Accounts["prod"]);     // out of scope: the group is not declared
        await Assign(otherSet, devs, c.Organization.Accounts["prod"]);         // out of scope: the set is not declared
        var alice = (await session.Principals.FindUserIdAsync("alice-" + p, CancellationToken.None))!;
        await session.Connection.IdentityStore.CreateGroupMembershipAsync(new CreateGroupMembershipRequest
            { IdentityStoreId = session.IdentityStoreId, GroupId = devs, MemberId = new MemberId { UserId = alice } });   // in scope: Devs lists Members

        var drift = (await c.CompareAsync(example)).Drift;
        Assert.Equal(2, drift.Count);
        Assert.All(drift, d => Assert.Equal(DriftChange.Remove, d.Change));

        c.Recorder.Clear();
        var withoutPrune = await c.SyncAsync(example);
        Assert.All(withoutPrune, d => Assert.Equal(DriftStatus.Skipped, d.Status));
        Assert.Empty(c.Recorder.Writes);

        var pruned = await c.SyncAsync(example, prune: true);
        Assert.All(pruned, d => Assert.True(d.Status == DriftStatus.Applied, $"{d}: {d.Message}"));
        Assert.Equal(new[] { "DeleteAccountAssignment", "DeleteGroupMembership" }, c.Recorder.Writes.OrderBy(w => w));
        Assert.Empty((await c.CompareAsync(example)).Drift);
        var outsiderKeys = await IdcAdmin.Core.Assignments.ExistingAssignments.ForPrincipalAsync(session, IdcAdmin.Core.Identity.PrincipalKind.Group, outsider, null, CancellationToken.None);
        Assert.Single(outsiderKeys);
        var devKeys = await IdcAdmin.Core.Assignments.ExistingAssignments.ForPrincipalAsync(session, IdcAdmin.Core.Identity.PrincipalKind.Group, devs, null, CancellationToken.None);
        Assert.Contains(devKeys, k => k.PermissionSetArn == otherSet);
    }

    [Fact]
    public async Task Prune_never_removes_the_management_accounts_last_administrator()
    {
        // The guard counts people: the group's member is the management account's only administrator.
        using var c = await ContextAsync("us-east-2");
        var p = c.Organization.Prefix;
        var management = c.Organization.ManagementAccountId;
        string File(string accounts) => $$"""
            {
              "Users": [ { "UserName": "admin-{{p}}", "GivenName": "Ada", "FamilyName": "Admin", "Email": "admin-{{p}}@example.com" } ],
              "Groups": [ { "Name": "Admins-{{p}}", "Members": [ "admin-{{p}}" ] } ],
              "PermissionSets": [ { "Predefined": "AdministratorAccess" } ],
              "Assignments": [ { "Group": "Admins-{{p}}", "PermissionSet": "AdministratorAccess", "Accounts": [{{accounts}}] } ]
            }
            """;
        await c.SyncAsync(c.Files.Json(File($"\"{management}\"")));
        var withoutManagement = c.Files.Json(File($"\"{p}-prod\""), "later.json");

        c.Recorder.Clear();
        var applied = await c.SyncAsync(withoutManagement, prune: true);

        var kept = Assert.Single(applied, d => d.Change == DriftChange.Remove);
        Assert.Equal(DriftStatus.Skipped, kept.Status);
        Assert.Contains("lock-out guard", kept.Message);
        Assert.Equal(DriftStatus.Applied, Assert.Single(applied, d => d.Change == DriftChange.Add).Status);
        Assert.Equal(new[] { "CreateAccountAssignment" }, c.Recorder.Writes);
    }
}
