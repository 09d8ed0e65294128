using System.Net;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.ScriptedIdentity;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>
/// UpdateUser and UpdateGroup (absent from moto) through a scripted identity store: the operations on the wire,
/// nothing sent when nothing differs, and -Force turning a differing create into an update.
/// </summary>
public sealed class UpdateScriptedTests
{
    private static ScriptedHandler StoreWithAlice() => new ScriptedHandler()
        .On("GetUserId", _ => new { IdentityStoreId = StoreId, UserId })
        .On("DescribeUser", _ => Alice)
        .On("UpdateUser", _ => new { });

    [Fact]
    public async Task Set_sends_one_UpdateUser_with_an_operation_per_changed_attribute()
    {
        var scripted = StoreWithAlice();
        using var session = NewSession(scripted);
        var users = new UserService(session);

        var plan = await users.PlanUpdateAsync("alice", new UserDefinition { GivenName = "Alicia", Title = "Engineer", Email = "alicia@example.com", NickName = "Ali" }, new[] { "Locale" }, CancellationToken.None);
        Assert.Equal(0, scripted.CountOf("UpdateUser"));
        await users.UpdateAsync(plan, CancellationToken.None);

        var call = Assert.Single(scripted.Calls, c => c.Operation == "UpdateUser").Body;
        Assert.Equal(UserId, (string?)call["UserId"]);
        var ops = call["Operations"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(new[] { "name.givenName", "emails", "nickName" }, ops.Select(o => (string?)o["AttributePath"]));
        Assert.Equal("Alicia", (string?)ops[0]["AttributeValue"]);
        Assert.Equal("alicia@example.com", (string?)ops[1]["AttributeValue"]![0]!["Value"]);
        Assert.Equal("work", (string?)ops[1]["AttributeValue"]![0]!["Type"]);
    }

    [Fact]
    public async Task Set_with_values_already_stored_sends_no_update()
    {
        var scripted = StoreWithAlice();
        using var session = NewSession(scripted);
        var users = new UserService(session);

        var plan = await users.PlanUpdateAsync(UserId, new UserDefinition { GivenName = "Alice", Title = "Engineer", DisplayName = "" }, Array.Empty<string>(), CancellationToken.None);
        var result = await users.UpdateAsync(plan, CancellationToken.None);

        Assert.False(plan.Writes);
        Assert.Equal("alice", result.UserName);
        Assert.Equal(0, scripted.CountOf("UpdateUser"));
    }

    [Fact]
    public async Task Force_turns_a_differing_create_into_an_update_of_only_the_differing_fields()
    {
        var scripted = StoreWithAlice();
        using var session = NewSession(scripted);
        var users = new UserService(session);
        var definition = new UserDefinition { UserName = "alice", GivenName = "Alice", FamilyName = "Doe", Email = "alice@example.com", Title = "Manager" };

        var plan = await users.PlanCreateAsync(definition, force: true, CancellationToken.None);
        await users.CreateAsync(plan, new CollectingOutput(), CancellationToken.None);

        Assert.Equal(CreateOutcome.UpdateExisting, plan.Outcome);
        Assert.Equal(new[] { "Title" }, plan.Differences);
        Assert.Equal(0, scripted.CountOf("CreateUser"));
        var ops = Assert.Single(scripted.Calls, c => c.Operation == "UpdateUser").Body["Operations"]!.AsArray();
        Assert.Equal("title", (string?)Assert.Single(ops)!["AttributePath"]);
    }

    [Fact]
    public async Task Set_group_renames_and_changes_the_description_in_one_UpdateGroup()
    {
        var scripted = new ScriptedHandler()
            .On("GetGroupId", _ => new { IdentityStoreId = StoreId, GroupId })
            .On("DescribeGroup", _ => new { IdentityStoreId = StoreId, GroupId, DisplayName = "Admins", Description = "old" })
            .On("UpdateGroup", _ => new { });
        using var session = NewSession(scripted);
        var groups = new GroupService(session);

        var plan = await groups.PlanUpdateAsync("Admins", "PlatformAdmins", "new", clearDescription: false, CancellationToken.None);
        await groups.UpdateAsync(plan, CancellationToken.None);
        var unchanged = await groups.PlanUpdateAsync("Admins", "Admins", "old", false, CancellationToken.None);

        var ops = Assert.Single(scripted.Calls, c => c.Operation == "UpdateGroup").Body["Operations"]!.AsArray();
        Assert.Equal(new[] { "displayName", "description" }, ops.Select(o => (string?)o!["AttributePath"]));
        Assert.Equal(new[] { "PlatformAdmins", "new" }, ops.Select(o => (string?)o!["AttributeValue"]));
        Assert.False(unchanged.Writes);
    }

    [Fact]
    public async Task Renaming_a_user_to_a_user_name_another_user_has_is_refused_before_UpdateUser()
    {
        const string BobId = "22222222-3333-4444-5555-666666666666";
        var scripted = new ScriptedHandler()
            .On("GetUserId", body => new { IdentityStoreId = StoreId, UserId = (string?)body["AlternateIdentifier"]!["UniqueAttribute"]!["AttributeValue"] == "bob" ? BobId : UserId })
            .On("DescribeUser", _ => Alice)
            .On("UpdateUser", _ => new { });
        using var session = NewSession(scripted);
        var users = new UserService(session);

        var refused = await Assert.ThrowsAsync<IdentityNameInUseException>(() =>
            users.PlanUpdateAsync("alice", new UserDefinition { UserName = "bob" }, Array.Empty<string>(), CancellationToken.None));

        Assert.Equal("IdcUserNameInUse", refused.ErrorId);
        Assert.Equal(BobId, refused.OtherId);
        Assert.Equal(0, scripted.CountOf("UpdateUser"));
    }

    [Fact]
    public async Task Renaming_a_group_to_a_name_another_group_has_is_refused_before_UpdateGroup()
    {
        const string DevelopersId = "11111111-2222-3333-4444-555555555555";
        var scripted = new ScriptedHandler()
            .On("GetGroupId", body => new { IdentityStoreId = StoreId, GroupId = (string?)body["AlternateIdentifier"]!["UniqueAttribute"]!["AttributeValue"] == "Developers" ? DevelopersId : GroupId })
            .On("DescribeGroup", body => (string?)body["GroupId"] == DevelopersId
                ? new { IdentityStoreId = StoreId, GroupId = DevelopersId, DisplayName = "Developers", Description = (string?)null }
                : new { IdentityStoreId = StoreId, GroupId, DisplayName = "Admins", Description = (string?)"old" })
            .On("UpdateGroup", _ => new { });
        using var session = NewSession(scripted);
        var groups = new GroupService(session);

        var refused = await Assert.ThrowsAsync<IdentityNameInUseException>(() => groups.PlanUpdateAsync("Admins", "Developers", null, false, CancellationToken.None));
        // The store finds display names regardless of case: a case-only rename finds the group itself, which is no clash.
        var caseOnly = await groups.PlanUpdateAsync("Admins", "ADMINS", null, false, CancellationToken.None);

        Assert.Equal("IdcGroupNameInUse", refused.ErrorId);
        Assert.Equal(DevelopersId, refused.OtherId);
        Assert.True(caseOnly.Writes);
        Assert.Equal(0, scripted.CountOf("UpdateGroup"));
    }

    [Fact]
    public async Task Clearing_the_group_description_sends_the_path_without_a_value()
    {
        var scripted = new ScriptedHandler()
            .On("DescribeGroup", _ => new { IdentityStoreId = StoreId, GroupId, DisplayName = "Admins", Description = "old" })
            .On("UpdateGroup", _ => new { });
        using var session = NewSession(scripted);
        var groups = new GroupService(session);

        await groups.UpdateAsync(await groups.PlanUpdateAsync(GroupId, null, null, clearDescription: true, CancellationToken.None), CancellationToken.None);

        var op = Assert.Single(Assert.Single(scripted.Calls, c => c.Operation == "UpdateGroup").Body["Operations"]!.AsArray())!.AsObject();
        Assert.Equal("description", (string?)op["AttributePath"]);
        Assert.False(op.ContainsKey("AttributeValue"));
    }

    [Fact]
    public async Task A_membership_added_concurrently_is_treated_as_already_there()
    {
        var listed = 0;
        var scripted = new ScriptedHandler()
            .On("GetGroupId", _ => new { IdentityStoreId = StoreId, GroupId })
            .On("DescribeGroup", _ => new { IdentityStoreId = StoreId, GroupId, DisplayName = "Admins" })
            .On("GetUserId", _ => new { IdentityStoreId = StoreId, UserId })
            .On("DescribeUser", _ => Alice)
            .On("ListGroupMembershipsForMember", _ => Interlocked.Increment(ref listed) == 1
                ? new { GroupMemberships = Array.Empty<object>() }
                : new { GroupMemberships = new object[] { new { IdentityStoreId = StoreId, MembershipId = "m-1", GroupId, MemberId = new { UserId } } } })
            .On("CreateGroupMembership", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ConflictException", "exists", "UNIQUENESS_CONSTRAINT_VIOLATION"));
        using var session = NewSession(scripted);
        var memberships = new MembershipService(session);

        var member = await memberships.AddAsync(await memberships.PlanAsync("Admins", "alice", CancellationToken.None), CancellationToken.None);

        Assert.Equal("m-1", member.MembershipId);
        Assert.Equal(1, scripted.CountOf("CreateGroupMembership"));
    }

    [Fact]
    public async Task A_failed_revocation_keeps_the_user_so_nothing_is_left_half_removed()
    {
        var scripted = StoreWithAlice()
            .On("ListGroupMembershipsForMember", _ => new { GroupMemberships = Array.Empty<object>() })
            .On("ListAccountAssignmentsForPrincipal", _ => new
            {
                AccountAssignments = new[] { new { AccountId = "111122223333", PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", PrincipalId = UserId, PrincipalType = "USER" } },
            })
            .On("DescribePermissionSet", _ => new { PermissionSet = new { Name = "AdministratorAccess" } })
            .On("DeleteAccountAssignment", _ => new { AccountAssignmentDeletionStatus = new { Status = "IN_PROGRESS", RequestId = "r-1" } })
            .On("DescribeAccountAssignmentDeletionStatus", _ => new { AccountAssignmentDeletionStatus = new { Status = "FAILED", RequestId = "r-1", FailureReason = "Access denied" } })
            .On("DeleteUser", _ => new { })
            .On("DescribeOrganization", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "AWSOrganizationsNotInUseException", "Not in an organization"));
        using var session = NewSession(scripted);

        var plan = await new UserService(session).PlanRemoveAsync("alice", CancellationToken.None);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => PrincipalRemoval.RemoveAsync(session, plan, removeAssignments: true, new CollectingOutput(), CancellationToken.None));

        Assert.Contains("AdministratorAccess in account 111122223333: Access denied", e.Message);
        Assert.Equal(0, scripted.CountOf("DeleteUser"));
    }

    [Fact]
    public async Task Assignments_a_user_has_through_groups_are_not_its_own_and_are_left_alone()
    {
        var scripted = StoreWithAlice()
            .On("ListGroupMembershipsForMember", _ => new { GroupMemberships = Array.Empty<object>() })
            .On("ListAccountAssignmentsForPrincipal", _ => new
            {
                AccountAssignments = new[] { new { AccountId = "111122223333", PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", PrincipalId = GroupId, PrincipalType = "GROUP" } },
            });
        using var session = NewSession(scripted);

        var plan = await new UserService(session).PlanRemoveAsync("alice", CancellationToken.None);

        Assert.Empty(plan.Assignments);
    }
}
