using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.MotoIdentityFixtures;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Groups against moto: create, find by name and id, list with a filter, idempotent re-runs, refusals.</summary>
[Collection(MotoCollection.Name)]
public sealed class GroupServiceMotoTests
{
    private readonly MotoServer _moto;
    public GroupServiceMotoTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task A_created_group_is_found_by_name_and_by_id_without_a_listing()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var groups = new GroupService(session);
        var created = await NewGroupAsync(session, Unique("Admins"), "Administrators");

        var byName = await groups.GetAsync(created.DisplayName, CancellationToken.None);
        var byId = await groups.GetAsync(created.GroupId, CancellationToken.None);

        Assert.Equal((created.GroupId, "Administrators"), (byName.GroupId, byName.Description));
        Assert.Equal(created.DisplayName, byId.DisplayName);
        Assert.DoesNotContain("ListGroups", recorder.Operations);
    }

    [Fact]
    public async Task Re_creating_a_group_returns_it_when_the_same_and_names_the_description_when_not()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var groups = new GroupService(session);
        var created = await NewGroupAsync(session, Unique("Ops"), "Operators");
        recorder.Clear();

        var output = new CollectingOutput();
        var plan = await groups.PlanCreateAsync(new GroupDefinition { DisplayName = created.DisplayName, Description = "Operators" }, false, CancellationToken.None);
        var again = await groups.CreateAsync(plan, output, CancellationToken.None);
        var e = await Assert.ThrowsAsync<IdentityConflictException>(() =>
            groups.PlanCreateAsync(new GroupDefinition { DisplayName = created.DisplayName, Description = "Someone else" }, false, CancellationToken.None));

        Assert.Equal(created.GroupId, again.GroupId);
        Assert.Single(output.Warnings);
        Assert.Equal("IdcGroupExistsWithDifferentAttributes", e.ErrorId);
        Assert.Equal(new[] { "Description" }, e.DifferingFields);
        Assert.Empty(recorder.Writes);
    }

    [Fact]
    public async Task Bad_group_names_are_refused_before_any_call()
    {
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-west-2", recorder);
        var groups = new GroupService(session);
        recorder.Clear();

        foreach (var (name, errorId) in new[] { ("", "IdcGroupDisplayNameEmpty"), ("Administrator", "IdcReservedName"), (new string('g', 1025), "IdcGroupDisplayNameTooLong") })
            Assert.Equal(errorId, (await Assert.ThrowsAsync<IdentityInputException>(() =>
                groups.PlanCreateAsync(new GroupDefinition { DisplayName = name }, false, CancellationToken.None))).ErrorId);
        Assert.Equal("IdcGroupNotFound", (await Assert.ThrowsAsync<IdentityNotFoundException>(() =>
            groups.PlanUpdateAsync(Unique("nope"), null, "x", false, CancellationToken.None))).ErrorId);
        Assert.Empty(recorder.Writes);
    }

    [Fact]
    public async Task Listing_with_a_filter_streams_the_matching_groups()
    {
        using var session = await _moto.SessionAsync("us-west-2");
        var prefix = Unique("team");
        await NewGroupAsync(session, prefix + "-red");
        await NewGroupAsync(session, prefix + "-blue");

        var names = new List<string>();
        await foreach (var g in new GroupService(session).ListAsync(n => n.StartsWith(prefix), CancellationToken.None)) names.Add(g.DisplayName);

        Assert.Equal(new[] { prefix + "-blue", prefix + "-red" }, names.OrderBy(n => n));
    }
}
