using IdcAdmin.Core.Access;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Access;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Reliability;

/// <summary>
/// The lock-out guard on every path that can take the management account's last administrator away: refused with
/// no write, allowed with the explicit switch, allowed when another administrator remains. The administrator is
/// user "alice", member of a group assigned an AdministratorAccess set (or, for the inline path, a set whose inline
/// policy allows * on *) on the management account.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LockoutGuardMotoTests
{
    private const string Region = "ca-central-1";
    // moto lists every set ever provisioned in an instance, whatever the account: the cases with another
    // administrator (whose set is provisioned) get an instance of their own, so they cannot rescue a refusal.
    private const string RegionWithAnotherAdministrator = "eu-north-1";
    private const string AdminInline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private readonly MotoServer _moto;

    public LockoutGuardMotoTests(MotoServer moto) => _moto = moto;

    public enum Mode { Refused, AllowedWithSwitch, AllowedWithAnotherAdministrator }

    public static readonly string[] Paths =
    {
        "RevokeGroupAssignment", "RevokeUserAssignment", "RemoveGroupWithAssignments", "RemoveUser", "RemoveLastMemberOfAdminGroup",
        "DetachAdministratorAccess", "ReplaceInlineAdminPolicy", "DeletePermissionSet",
    };

    public static IEnumerable<object[]> Cases() => from p in Paths from m in Enum.GetValues<Mode>() select new object[] { p, m };

    private sealed record Setup(IdcSession Session, RecordingHandler Recorder, string Management, string SetName, string SetArn,
        string GroupId, string GroupName, string UserId, string UserName);

    private async Task<Setup> SetUpAsync(bool inlineAdmin, bool directUser, string region)
    {
        var recorder = new RecordingHandler();
        var session = await _moto.SessionAsync(region, recorder);
        try { await session.Connection.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        var management = (await OrganizationDirectory.For(session).ManagementAccountIdAsync(CancellationToken.None))!;
        var (setName, setArn) = await TestIdentity.PermissionSetAsync(session, inlineAdmin ? null : AdministratorAccessGuard.AdministratorAccessPolicyArn);
        if (inlineAdmin)
            await session.Connection.SsoAdmin.PutInlinePolicyToPermissionSetAsync(new() { InstanceArn = session.InstanceArn, PermissionSetArn = setArn, InlinePolicy = AdminInline });
        var (groupName, groupId) = await TestIdentity.GroupAsync(session);
        var (userName, userId) = await TestIdentity.UserAsync(session);
        await TestIdentity.AddMemberAsync(session, groupId, userId);
        await AccountAssignmentCalls.StartCreateAsync(session, new AssignmentKey(management, setArn, PrincipalKind.Group, groupId), CancellationToken.None);
        if (directUser)
            await AccountAssignmentCalls.StartCreateAsync(session, new AssignmentKey(management, setArn, PrincipalKind.User, userId), CancellationToken.None);
        return new Setup(session, recorder, management, setName, setArn, groupId, groupName, userId, userName);
    }

    /// <summary>
    /// Another user holding another administrator set on the management account. AWS provisions a set to the account
    /// as part of assigning it; moto does not, so the test provisions it as AWS would have.
    /// </summary>
    private static async Task AnotherAdministratorAsync(Setup s)
    {
        var (_, bob) = await TestIdentity.UserAsync(s.Session);
        var (_, other) = await TestIdentity.PermissionSetAsync(s.Session, AdministratorAccessGuard.AdministratorAccessPolicyArn);
        await AccountAssignmentCalls.StartCreateAsync(s.Session, new AssignmentKey(s.Management, other, PrincipalKind.User, bob), CancellationToken.None);
        await s.Session.Connection.SsoAdmin.ProvisionPermissionSetAsync(new() { InstanceArn = s.Session.InstanceArn, PermissionSetArn = other, TargetType = "AWS_ACCOUNT", TargetId = s.Management });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_change_that_would_leave_no_administrator_is_refused_before_any_write_unless_allowed_or_another_remains(string path, Mode mode)
    {
        var s = await SetUpAsync(inlineAdmin: path == "ReplaceInlineAdminPolicy", directUser: path == "RevokeUserAssignment",
            mode == Mode.AllowedWithAnotherAdministrator ? RegionWithAnotherAdministrator : Region);
        using var _ = s.Session;
        if (mode == Mode.AllowedWithAnotherAdministrator) await AnotherAdministratorAsync(s);
        var allow = mode == Mode.AllowedWithSwitch;
        var ct = CancellationToken.None;
        s.Recorder.Clear();

        Func<Task> act = path switch
        {
            "RevokeGroupAssignment" => () => RevokeAsync(s, new PrincipalRef(PrincipalKind.Group, s.GroupName), allow),
            "RevokeUserAssignment" => async () =>
            {
                // alice holds the set directly and through the group: revoking both takes her access away.
                await RevokeAsync(s, new PrincipalRef(PrincipalKind.User, s.UserName), allow, also: new PrincipalRef(PrincipalKind.Group, s.GroupName));
            },
            "RemoveGroupWithAssignments" => async () =>
                await PrincipalRemoval.RemoveAsync(s.Session, await new GroupService(s.Session).PlanRemoveAsync(s.GroupName, ct), true, NullOutputWriter.Instance, ct, allow),
            "RemoveUser" => async () =>
                await PrincipalRemoval.RemoveAsync(s.Session, await new UserService(s.Session).PlanRemoveAsync(s.UserName, ct), false, NullOutputWriter.Instance, ct, allow),
            "RemoveLastMemberOfAdminGroup" => async () =>
            {
                var memberships = new MembershipService(s.Session);
                await memberships.RemoveAsync(await memberships.PlanAsync(s.GroupId, s.UserId, ct), ct, allow);
            },
            "DetachAdministratorAccess" => () => UpdateAsync(s, new PermissionSetDefinition { ManagedPolicies = new[] { "ReadOnlyAccess" } }, allow),
            "ReplaceInlineAdminPolicy" => () => UpdateAsync(s, new PermissionSetDefinition
                { InlinePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}""" }, allow),
            "DeletePermissionSet" => async () =>
            {
                var keys = await new PermissionSetAssignments(s.Session, NullOutputWriter.Instance).FindAsync(s.SetArn, ct);
                await PermissionSetWriter.EnsureDeletableAsync(s.Session, s.SetArn, s.SetName, keys, allow, ct);
                await new PermissionSetAssignments(s.Session, NullOutputWriter.Instance).RevokeAllAsync(keys, s.SetName, ct);
                await new PermissionSetWriter(s.Session, NullOutputWriter.Instance).DeleteAsync(s.SetArn, ct);
            },
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };

        if (mode == Mode.Refused)
        {
            var e = await Assert.ThrowsAsync<AdministratorLockoutException>(act);
            Assert.Equal("IdcLockoutGuard", AdministratorLockoutException.ErrorId);
            Assert.Equal(s.Management, e.ManagementAccountId);
            Assert.Contains(s.UserId, e.AdministratorsToday);
            Assert.Empty(s.Recorder.Writes);
        }
        else
        {
            await act();
            Assert.NotEmpty(s.Recorder.Writes);
        }
    }

    private static async Task RevokeAsync(Setup s, PrincipalRef principal, bool allow, PrincipalRef? also = null)
    {
        var requests = new AssignmentRequestSet();
        requests.Add(also == null ? new[] { principal } : new[] { principal, also }, new[] { s.SetName }, new[] { s.Management });
        var plan = await AssignmentPlanner.PlanAsync(s.Session, requests, AssignmentOperation.Delete, allow, NullOutputWriter.Instance, CancellationToken.None);
        if (plan.LockOutRefused.Count > 0)
            throw new AdministratorLockoutException("revoke", s.Management, new[] { s.UserId });
        await foreach (var _ in new AssignmentDispatcher(s.Session, NullOutputWriter.Instance).SendAsync(plan.ToSend, AssignmentOperation.Delete, CancellationToken.None)) { }
    }

    private static async Task UpdateAsync(Setup s, PermissionSetDefinition definition, bool allow)
    {
        var spec = PermissionSetValidator.Validate(definition, forCreate: false);
        var plan = await new PermissionSetPlanner(s.Session).PlanUpdateAsync(s.SetArn, spec, CancellationToken.None);
        await new PermissionSetWriter(s.Session, NullOutputWriter.Instance).ApplyAsync(plan.Current!, plan.Changes, spec, CancellationToken.None, allow);
    }
}
