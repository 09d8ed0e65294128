using IdcAdmin.Core.Access;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.MotoIdentityFixtures;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Deleting users and groups against moto: memberships go first, assignments are named or revoked.</summary>
[Collection(MotoCollection.Name)]
public sealed class PrincipalRemovalMotoTests
{
    private readonly MotoServer _moto;
    public PrincipalRemovalMotoTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task Removing_a_user_deletes_its_memberships_then_the_user()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var user = await NewUserAsync(session);
        var group = await NewGroupAsync(session);
        var memberships = new MembershipService(session);
        await memberships.AddAsync(await memberships.PlanAsync(group.GroupId, user.UserId, CancellationToken.None), CancellationToken.None);
        var users = new UserService(session);
        recorder.Clear();

        var plan = await users.PlanRemoveAsync(user.UserName, CancellationToken.None);
        Assert.Empty(recorder.Writes);
        await PrincipalRemoval.RemoveAsync(session, plan, removeAssignments: false, new CollectingOutput(), CancellationToken.None);

        Assert.Equal(new[] { "DeleteGroupMembership", "DeleteUser" }, recorder.Writes);
        Assert.Null(await users.FindAsync(user.UserId, CancellationToken.None));
        Assert.Null(await users.FindAsync(user.UserName, CancellationToken.None));
        var left = await session.Connection.IdentityStore.ListGroupMembershipsAsync(new ListGroupMembershipsRequest { IdentityStoreId = session.IdentityStoreId, GroupId = group.GroupId });
        Assert.Empty(left.GroupMemberships!);
    }

    [Fact]
    public async Task Removing_a_group_deletes_its_memberships_and_keeps_the_users()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var group = await NewGroupAsync(session);
        var a = await NewUserAsync(session);
        var b = await NewUserAsync(session);
        var memberships = new MembershipService(session);
        foreach (var u in new[] { a, b })
            await memberships.AddAsync(await memberships.PlanAsync(group.GroupId, u.UserId, CancellationToken.None), CancellationToken.None);
        var groups = new GroupService(session);

        var plan = await groups.PlanRemoveAsync(group.DisplayName, CancellationToken.None);
        await PrincipalRemoval.RemoveAsync(session, plan, false, new CollectingOutput(), CancellationToken.None);

        Assert.Equal(2, plan.MembershipIds.Count);
        Assert.Null(await groups.FindAsync(group.GroupId, CancellationToken.None));
        var of = await session.Connection.IdentityStore.ListGroupMembershipsForMemberAsync(new ListGroupMembershipsForMemberRequest { IdentityStoreId = session.IdentityStoreId, MemberId = new MemberId { UserId = a.UserId } });
        Assert.Empty(of.GroupMemberships!);
        Assert.NotNull(await new UserService(session).FindAsync(b.UserId, CancellationToken.None));
    }

    [Fact]
    public async Task Assignments_of_a_removed_user_are_named_in_a_warning_and_left()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var user = await NewUserAsync(session);
        var (permissionSetName, key) = await AssignAsync(session, user.UserId);
        var output = new CollectingOutput();

        var plan = await new UserService(session).PlanRemoveAsync(user.UserId, CancellationToken.None);
        await PrincipalRemoval.RemoveAsync(session, plan, removeAssignments: false, output, CancellationToken.None);

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal(key, assignment.Key);
        var warning = Assert.Single(output.Warnings);
        Assert.Contains($"{permissionSetName} in account {key.AccountId}", warning);
        Assert.Contains("-RemoveAssignments", warning);
        Assert.Single(await AssignmentsOfAsync(session, user.UserId));
    }

    [Fact]
    public async Task With_RemoveAssignments_the_assignments_are_revoked_before_the_user_is_deleted()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var user = await NewUserAsync(session);
        await AssignAsync(session, user.UserId);
        var output = new CollectingOutput();
        recorder.Clear();

        var plan = await new UserService(session).PlanRemoveAsync(user.UserName, CancellationToken.None);
        await PrincipalRemoval.RemoveAsync(session, plan, removeAssignments: true, output, CancellationToken.None);

        Assert.Equal(new[] { "DeleteAccountAssignment", "DeleteUser" }, recorder.Writes);
        Assert.Empty(output.Warnings);
        Assert.Empty(await AssignmentsOfAsync(session, user.UserId));
    }

    private static async Task<(string Name, AssignmentKey Key)> AssignAsync(Session.IdcSession session, string userId)
    {
        var name = Unique("PS");
        var ps = await session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = name, SessionDuration = "PT1H" });
        var key = new AssignmentKey("111122223333", ps.PermissionSet!.PermissionSetArn!, PrincipalKind.User, userId);
        await AccountAssignmentCalls.WaitAsync(session, await AccountAssignmentCalls.StartCreateAsync(session, key, CancellationToken.None), false, CancellationToken.None);
        return (name, key);
    }

    private static async Task<List<AccountAssignmentForPrincipal>> AssignmentsOfAsync(Session.IdcSession session, string userId) =>
        (await session.Connection.SsoAdmin.ListAccountAssignmentsForPrincipalAsync(new ListAccountAssignmentsForPrincipalRequest
            { InstanceArn = session.InstanceArn, PrincipalId = userId, PrincipalType = "USER" })).AccountAssignments!;
}
