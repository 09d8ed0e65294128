using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.ScriptedIdentity;

namespace IdcAdmin.Core.Tests.Reliability;

/// <summary>One lock-out check reads each set's policies and each group's members once, however often it meets them.</summary>
public sealed class LockoutGuardReadsOnceTests
{
    private const string Management = "111111111111";
    private const string SetA = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-aaaaaaaaaaaaaaaa";
    private const string SetB = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-bbbbbbbbbbbbbbbb";

    /// <summary>Both sets grant AdministratorAccess on the management account, each through the same group holding alice.</summary>
    private static ScriptedHandler Organization(params string[] provisioned) => new ScriptedHandler()
        .On("DescribeOrganization", _ => new { Organization = new { Id = "o-1", MasterAccountId = Management } })
        .On("ListManagedPoliciesInPermissionSet", _ => new
            { AttachedManagedPolicies = new[] { new { Name = "AdministratorAccess", Arn = AdministratorAccessGuard.AdministratorAccessPolicyArn } } })
        .On("ListPermissionSetsProvisionedToAccount", _ => new { PermissionSets = provisioned })
        .On("ListAccountAssignments", body => new
        {
            AccountAssignments = new[] { new { AccountId = Management, PermissionSetArn = body["PermissionSetArn"]!.GetValue<string>(), PrincipalType = "GROUP", PrincipalId = GroupId } },
        })
        .On("ListGroupMemberships", _ => new { GroupMemberships = new[] { new { IdentityStoreId = StoreId, MembershipId = "m-1", GroupId, MemberId = new { UserId } } } });

    [Fact]
    public async Task A_group_holding_two_administrator_sets_is_listed_once()
    {
        var scripted = Organization(SetA, SetB);
        using var session = NewSession(scripted);
        var change = new AdministratorChange();
        change.RevokedAssignments.Add(new AssignmentKey(Management, SetA, PrincipalKind.Group, GroupId));

        var verdict = await AdministratorAccessGuard.CheckAsync(session, change, CancellationToken.None);

        Assert.Equal([UserId], verdict.Before);
        Assert.Equal([UserId], verdict.After); // alice keeps SetB through the group
        Assert.Equal(2, scripted.CountOf("ListAccountAssignments"));
        Assert.Equal(1, scripted.CountOf("ListGroupMemberships"));
    }

    [Fact]
    public async Task A_refused_revoke_does_not_read_its_sets_policies_again()
    {
        var scripted = Organization(SetA);
        using var session = NewSession(scripted);
        var revoke = new AssignmentKey(Management, SetA, PrincipalKind.Group, GroupId);

        var refused = await AdministratorAccessGuard.LockingOutAsync(session, [revoke], CancellationToken.None);

        Assert.Equal([revoke], refused);
        Assert.Equal(1, scripted.CountOf("ListManagedPoliciesInPermissionSet"));
    }
}
