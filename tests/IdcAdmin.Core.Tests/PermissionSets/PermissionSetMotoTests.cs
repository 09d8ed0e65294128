using IdcAdmin.Core.Access;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

/// <summary>
/// Create, read, update and delete against moto through the signed HTTP path. moto lacks the boundary and tag calls;
/// <see cref="MotoGapsHandler"/> answers those from memory and forwards the rest.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PermissionSetMotoTests
{
    private const string Region = "eu-west-1";
    private const string ReadOnlyInline = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""";
    private readonly MotoServer _moto;

    public PermissionSetMotoTests(MotoServer moto) => _moto = moto;

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static PermissionSetSpec CreateSpec(string name) => PermissionSetValidator.Validate(new PermissionSetDefinition
    {
        Name = name,
        Description = "Reads the data lake",
        SessionDuration = TimeSpan.FromHours(4),
        RelayState = "https://console.aws.amazon.com/s3/home",
        ManagedPolicies = new[] { "ReadOnlyAccess", "SecurityAudit" },
        CustomerManagedPolicies = new[] { "/team/DataLakeRead" },
        InlinePolicy = ReadOnlyInline,
        Tags = new Dictionary<string, string> { ["Owner"] = "data" },
    }, forCreate: true);

    [Fact]
    public async Task An_invalid_definition_fails_before_any_call()
    {
        var recording = new RecordingHandler();
        using var session = await _moto.SessionAsync(Region, recording);
        recording.Clear();
        var name = UniqueName("bad");

        Assert.Throws<PermissionSetValidationException>(() => PermissionSetValidator.Validate(new PermissionSetDefinition
            { Name = name, ManagedPolicies = new[] { "ReadOnlyAcess" }, SessionDuration = TimeSpan.FromHours(24) }, forCreate: true));

        Assert.Empty(recording.Operations);
        Assert.Null(await session.PermissionSets.FindArnAsync(name, CancellationToken.None));
        Assert.Empty(recording.Writes);
    }

    [Fact]
    public async Task A_created_set_reads_back_with_every_policy_kind()
    {
        var gaps = new MotoGapsHandler();
        using var session = await _moto.SessionAsync(Region, gaps);
        var name = UniqueName("full");

        var created = await new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(CreateSpec(name), CancellationToken.None);
        var read = await new PermissionSetReader(session).ReadAsync(created.PermissionSetArn, PermissionSetDetail.All, CancellationToken.None);

        Assert.Equal(name, read.Name);
        Assert.Equal("Reads the data lake", read.Description);
        Assert.Equal("PT4H", read.SessionDuration);
        Assert.Equal("https://console.aws.amazon.com/s3/home", read.RelayState);
        Assert.Equal(new[] { "ReadOnlyAccess", "SecurityAudit" }, read.ManagedPolicies!.Select(p => p.Name).OrderBy(n => n));
        Assert.Equal(new CustomerManagedPolicyName("DataLakeRead", "/team/"), Assert.Single(read.CustomerManagedPolicies!));
        Assert.True(InlinePolicyDocument.AreEquivalent(ReadOnlyInline, read.InlinePolicy));
        Assert.Null(read.PermissionsBoundary);
        Assert.Equal("data", read.Tags!["Owner"]);
        Assert.Equal(created.PermissionSetArn, await session.PermissionSets.FindArnAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task Creating_the_same_definition_again_is_up_to_date_and_a_different_one_names_the_differences()
    {
        var gaps = new MotoGapsHandler();
        using var session = await _moto.SessionAsync(Region, gaps);
        var name = UniqueName("rerun");
        await new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(CreateSpec(name), CancellationToken.None);
        gaps.Clear();

        var same = await new PermissionSetPlanner(session).PlanCreateAsync(CreateSpec(name), CancellationToken.None);
        Assert.True(same.IsUpToDate);
        Assert.Empty(gaps.Writes);

        var different = PermissionSetValidator.Validate(new PermissionSetDefinition { Name = name, ManagedPolicies = new[] { "ReadOnlyAccess" } }, forCreate: true);
        var plan = await new PermissionSetPlanner(session).PlanCreateAsync(different, CancellationToken.None);
        Assert.True(plan.Exists);
        Assert.False(plan.IsUpToDate);
        Assert.Contains(plan.Changes, c => c.Description == "detach AWS managed policy SecurityAudit");
        Assert.Contains(plan.Changes, c => c.Description == "detach customer managed policy /team/DataLakeRead");
        Assert.Contains(plan.Changes, c => c.Kind == PermissionSetChangeKind.DeleteInlinePolicy);
        Assert.Contains(plan.Changes, c => c.Kind == PermissionSetChangeKind.UpdateAttributes);
        Assert.Contains(plan.Changes, c => c.Kind == PermissionSetChangeKind.Untag);
        Assert.Empty(gaps.Writes);
    }

    [Fact]
    public async Task A_refused_attach_deletes_the_half_made_set_and_names_the_step()
    {
        var gaps = new MotoGapsHandler { Refuse = "AttachCustomerManagedPolicyReferenceToPermissionSet", RefusalMessage = "Policy path is not allowed" };
        using var session = await _moto.SessionAsync(Region, gaps);
        var name = UniqueName("rollback");

        var e = await Assert.ThrowsAsync<PermissionSetWriteException>(() =>
            new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(CreateSpec(name), CancellationToken.None));

        Assert.Equal("attach customer managed policy /team/DataLakeRead", e.FailedStep);
        Assert.Contains("Policy path is not allowed", e.Message);
        Assert.Contains("was deleted", e.Message);
        Assert.Equal(1, gaps.CountOf("DeletePermissionSet"));
        using var fresh = await _moto.SessionAsync(Region);
        Assert.Null(await fresh.PermissionSets.FindArnAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task An_update_attaches_and_detaches_only_the_differences()
    {
        var gaps = new MotoGapsHandler();
        using var session = await _moto.SessionAsync(Region, gaps);
        var name = UniqueName("update");
        var created = await new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(CreateSpec(name), CancellationToken.None);
        gaps.Clear();

        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition
        {
            ManagedPolicies = new[] { "ReadOnlyAccess", "PowerUserAccess" },
            CustomerManagedPolicies = new[] { "/team/DataLakeRead", "Extra" },
            RemoveInlinePolicy = true,
            SessionDuration = TimeSpan.FromHours(8),
        }, forCreate: false);
        var plan = await new PermissionSetPlanner(session).PlanUpdateAsync(created.PermissionSetArn, spec, CancellationToken.None);
        Assert.Empty(gaps.Writes); // planning is what -WhatIf does: reads only
        await new PermissionSetWriter(session, NullOutputWriter.Instance).ApplyAsync(plan.Current!, plan.Changes, spec, CancellationToken.None);

        Assert.Equal(new[]
        {
            "UpdatePermissionSet", "DetachManagedPolicyFromPermissionSet", "AttachManagedPolicyToPermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet", "DeleteInlinePolicyFromPermissionSet",
        }, gaps.Writes);
        var read = await new PermissionSetReader(session).ReadAsync(created.PermissionSetArn, PermissionSetDetail.Policies, CancellationToken.None);
        Assert.Equal(new[] { "PowerUserAccess", "ReadOnlyAccess" }, read.ManagedPolicies!.Select(p => p.Name).OrderBy(n => n));
        Assert.Equal(2, read.CustomerManagedPolicies!.Count);
        Assert.Null(read.InlinePolicy);
        Assert.Equal("PT8H", read.SessionDuration);
        Assert.Equal("Reads the data lake", read.Description);

        var again = await new PermissionSetPlanner(session).PlanUpdateAsync(created.PermissionSetArn, spec, CancellationToken.None);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task Listing_streams_only_the_matching_names()
    {
        var gaps = new MotoGapsHandler();
        using var session = await _moto.SessionAsync(Region, gaps);
        var prefix = "lst" + Guid.NewGuid().ToString("N")[..6];
        var writer = new PermissionSetWriter(session, NullOutputWriter.Instance);
        for (var i = 0; i < 3; i++)
            await writer.CreateAsync(PermissionSetValidator.Validate(new PermissionSetDefinition { Name = $"{prefix}-{i}" }, true), CancellationToken.None);

        var found = new List<IdcPermissionSet>();
        await foreach (var set in new PermissionSetReader(session).ListAsync(n => n.StartsWith(prefix), PermissionSetDetail.None, CancellationToken.None))
            found.Add(set);

        Assert.Equal(new[] { $"{prefix}-0", $"{prefix}-1", $"{prefix}-2" }, found.Select(s => s.Name).OrderBy(n => n));
        Assert.All(found, s => Assert.Null(s.ManagedPolicies));
    }

    [Fact]
    public async Task A_set_still_assigned_is_found_where_and_removed_after_its_assignments()
    {
        var gaps = new MotoGapsHandler();
        using var session = await _moto.SessionAsync(Region, gaps);
        var name = UniqueName("remove");
        var set = await new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(
            PermissionSetValidator.Validate(new PermissionSetDefinition { Name = name, ManagedPolicies = new[] { "ReadOnlyAccess" } }, true), CancellationToken.None);
        // moto provisions to its own account and lists that account as provisioned only after ProvisionPermissionSet.
        var provisioned = await session.Connection.SsoAdmin.ProvisionPermissionSetAsync(new ProvisionPermissionSetRequest
            { InstanceArn = session.InstanceArn, PermissionSetArn = set.PermissionSetArn, TargetType = "ALL_PROVISIONED_ACCOUNTS" });
        var account = provisioned.PermissionSetProvisioningStatus!.AccountId!;
        var key = new AssignmentKey(account, set.PermissionSetArn, PrincipalKind.Group, Guid.NewGuid().ToString());
        await AccountAssignmentCalls.StartCreateAsync(session, key, CancellationToken.None);

        var assignments = new PermissionSetAssignments(session, NullOutputWriter.Instance);
        var found = await assignments.FindAsync(set.PermissionSetArn, CancellationToken.None);
        Assert.Equal(key, Assert.Single(found));
        var where = await assignments.DescribeAsync(found, CancellationToken.None);
        Assert.Contains($"in account {account}", Assert.Single(where));

        await assignments.RevokeAllAsync(found, name, CancellationToken.None);
        await new PermissionSetWriter(session, NullOutputWriter.Instance).DeleteAsync(set.PermissionSetArn, CancellationToken.None);

        var left = await session.Connection.SsoAdmin.ListAccountAssignmentsAsync(new ListAccountAssignmentsRequest
            { InstanceArn = session.InstanceArn, AccountId = account, PermissionSetArn = set.PermissionSetArn });
        Assert.Empty(left.AccountAssignments ?? new List<AccountAssignment>());
        Assert.Equal(1, gaps.CountOf("DeleteAccountAssignment"));
        await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            new PermissionSetReader(session).ReadAsync(set.PermissionSetArn, PermissionSetDetail.None, CancellationToken.None));
        Assert.Null(await session.PermissionSets.FindArnAsync(name, CancellationToken.None));
    }
}
