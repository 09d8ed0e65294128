using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Guide;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Guide;

/// <summary>
/// The guide end to end against a moto of its own (so it starts truly empty): one call makes an administrator,
/// a second call writes nothing, -WhatIf writes nothing.
/// </summary>
public sealed class AdministratorSetupTests : IClassFixture<MotoServer>
{
    private readonly MotoServer _moto;
    public AdministratorSetupTests(MotoServer moto) => _moto = moto;

    private async Task<(IdcSession Session, RecordingHandler Recorder)> ConnectWithOrganizationAsync()
    {
        var recorder = new RecordingHandler();
        var session = await _moto.SessionAsync("us-east-1", recorder);
        try { await session.Connection.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        recorder.Clear();
        return (session, recorder);
    }

    private static AdministratorSetupRequest Request(string user, string? group = null) => new()
    {
        UserName = user, Email = $"{user}@example.com", GivenName = "Ada", FamilyName = "Admin", GroupName = group,
    };

    [Fact]
    public async Task One_call_makes_an_administrator_with_AdministratorAccess_on_the_management_account_and_a_second_call_writes_nothing()
    {
        var (session, recorder) = await ConnectWithOrganizationAsync();
        using var _ = session;
        var user = "admin-" + Guid.NewGuid().ToString("N")[..6];
        var setup = new AdministratorSetup(session, NullOutputWriter.Instance, (_, _) => true);

        var first = await setup.RunAsync(Request(user, "Admins-" + user), CancellationToken.None);

        var management = (await session.Connection.Organizations.DescribeOrganizationAsync(new DescribeOrganizationRequest())).Organization!.MasterAccountId;
        var assignment = Assert.Single(first.Assignments);
        Assert.Equal(management, assignment.AccountId);
        Assert.Equal("SUCCEEDED", assignment.Status);
        Assert.Equal("GROUP", assignment.PrincipalType);
        Assert.Contains(recorder.Writes, w => w == "CreateUser");
        Assert.Contains(recorder.Writes, w => w == "CreateAccountAssignment");
        Assert.Equal(first.Changes, recorder.Writes.Count);
        var policies = await session.Connection.SsoAdmin.ListManagedPoliciesInPermissionSetAsync(new ListManagedPoliciesInPermissionSetRequest
            { InstanceArn = session.InstanceArn, PermissionSetArn = first.PermissionSetArn });
        Assert.Contains(policies.AttachedManagedPolicies!, p => p.Arn == AdministratorSetup.AdministratorAccessArn);
        var ps = await session.Connection.SsoAdmin.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = session.InstanceArn, PermissionSetArn = first.PermissionSetArn });
        Assert.Equal("PT1H", ps.PermissionSet!.SessionDuration);
        Assert.Equal(session.Instance.AccessPortalUrl, first.AccessPortalUrl);
        Assert.Contains(first.ManualSteps, m => m.Step.Contains("invitation"));
        Assert.Contains(first.ManualSteps, m => m.Step.Contains("MFA"));

        recorder.Clear();
        var second = await setup.RunAsync(Request(user, "Admins-" + user), CancellationToken.None);

        Assert.Empty(recorder.Writes);
        Assert.Equal(0, second.Changes);
        Assert.All(second.Steps, s => Assert.Equal(SetupAction.Reused, s.Action));
        Assert.Equal("EXISTING", Assert.Single(second.Assignments).Status);
        Assert.Equal(first.UserId, second.UserId);
        Assert.Equal(first.PermissionSetArn, second.PermissionSetArn);
    }

    [Fact]
    public async Task WhatIf_describes_every_step_and_sends_no_write_call()
    {
        var (session, recorder) = await ConnectWithOrganizationAsync();
        using var _ = session;
        var asked = new List<string>();
        var setup = new AdministratorSetup(session, NullOutputWriter.Instance, (target, action) => { asked.Add($"{action}: {target}"); return false; });
        var user = "whatif-" + Guid.NewGuid().ToString("N")[..6];

        var result = await setup.RunAsync(Request(user, "Admins-" + user), CancellationToken.None);

        Assert.Empty(recorder.Writes);
        Assert.Equal(0, result.Changes);
        Assert.Contains(asked, a => a.StartsWith("Create Identity Center user") && a.EndsWith(user));
        Assert.Contains(asked, a => a.StartsWith("Create Identity Center group"));
        Assert.Contains(asked, a => a.StartsWith("Add user to group"));
        Assert.Contains(asked, a => a.StartsWith("Assign AWS account access"));
        Assert.Equal("SKIPPED", Assert.Single(result.Assignments).Status);
    }

    [Theory]
    [InlineData("not-an-email", "Email")]
    [InlineData("ok@example.com", "AccountIds")]
    public async Task Bad_input_is_refused_before_any_write(string email, string parameter)
    {
        var (session, recorder) = await ConnectWithOrganizationAsync();
        using var _ = session;
        var request = Request("bad-" + Guid.NewGuid().ToString("N")[..6]);
        request.Email = email;
        if (parameter == "AccountIds") request.AccountIds.Add("12345");
        var setup = new AdministratorSetup(session, NullOutputWriter.Instance, (_, _) => true);

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => setup.RunAsync(request, CancellationToken.None));

        Assert.Equal(parameter, e.ParamName);
        Assert.Empty(recorder.Operations);
    }
}
