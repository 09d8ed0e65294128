using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.MotoIdentityFixtures;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Memberships against moto: add once, list both ways, remove, refuse unknown principals.</summary>
[Collection(MotoCollection.Name)]
public sealed class MembershipMotoTests
{
    private readonly MotoServer _moto;
    public MembershipMotoTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task Adding_a_member_twice_creates_one_membership()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var user = await NewUserAsync(session);
        var group = await NewGroupAsync(session);
        var memberships = new MembershipService(session);
        recorder.Clear();

        var first = await memberships.AddAsync(await memberships.PlanAsync(group.DisplayName, user.UserName, CancellationToken.None), CancellationToken.None);
        var secondPlan = await memberships.PlanAsync(group.GroupId, user.UserId, CancellationToken.None);
        var second = await memberships.AddAsync(secondPlan, CancellationToken.None);

        Assert.True(secondPlan.Exists);
        Assert.Equal(first.MembershipId, second.MembershipId);
        Assert.Equal(new[] { "CreateGroupMembership" }, recorder.Writes);
        var members = new List<IdcGroupMember>();
        await foreach (var m in memberships.ListMembersAsync(group.DisplayName, CancellationToken.None)) members.Add(m);
        var member = Assert.Single(members);
        Assert.Equal((user.UserName, user.UserId, "Test User", user.Email), (member.UserName, member.UserId, member.UserDisplayName, member.Email));
        Assert.Equal((group.DisplayName, group.GroupId), (member.GroupName, member.GroupId));
    }

    [Fact]
    public async Task A_users_groups_are_listed_in_the_reverse_view()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var user = await NewUserAsync(session);
        var red = await NewGroupAsync(session);
        var blue = await NewGroupAsync(session);
        var memberships = new MembershipService(session);
        foreach (var g in new[] { red, blue })
            await memberships.AddAsync(await memberships.PlanAsync(g.GroupId, user.UserName, CancellationToken.None), CancellationToken.None);

        var groups = new List<string>();
        await foreach (var m in memberships.ListGroupsOfAsync(user.UserName, CancellationToken.None)) groups.Add(m.GroupName);

        Assert.Equal(new[] { red.DisplayName, blue.DisplayName }.OrderBy(n => n), groups.OrderBy(n => n));
    }

    [Fact]
    public async Task Removing_a_member_deletes_the_membership_and_removing_again_sends_nothing()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var user = await NewUserAsync(session);
        var group = await NewGroupAsync(session);
        var memberships = new MembershipService(session);
        await memberships.AddAsync(await memberships.PlanAsync(group.GroupId, user.UserId, CancellationToken.None), CancellationToken.None);
        recorder.Clear();

        await memberships.RemoveAsync(await memberships.PlanAsync(group.DisplayName, user.UserName, CancellationToken.None), CancellationToken.None);
        var again = await memberships.PlanAsync(group.DisplayName, user.UserName, CancellationToken.None);
        await memberships.RemoveAsync(again, CancellationToken.None);

        Assert.False(again.Exists);
        Assert.Equal(new[] { "DeleteGroupMembership" }, recorder.Writes);
    }

    [Fact]
    public async Task An_unknown_group_or_user_is_refused_with_nothing_written()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var user = await NewUserAsync(session);
        var group = await NewGroupAsync(session);
        var memberships = new MembershipService(session);
        recorder.Clear();

        Assert.Equal("IdcGroupNotFound", (await Assert.ThrowsAsync<IdentityNotFoundException>(() => memberships.PlanAsync(Unique("NoGroup"), user.UserName, CancellationToken.None))).ErrorId);
        Assert.Equal("IdcUserNotFound", (await Assert.ThrowsAsync<IdentityNotFoundException>(() => memberships.PlanAsync(group.DisplayName, Unique("nobody"), CancellationToken.None))).ErrorId);
        Assert.Empty(recorder.Writes);
    }
}
