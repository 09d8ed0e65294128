using System.Collections.Concurrent;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>The organization directory and the access engine against moto, over an organization of 52 accounts.</summary>
[Collection(MotoCollection.Name)]
public sealed class AccessEngineMotoTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<TestOrganization>>> Organizations = new();
    private readonly MotoServer _moto;

    public AccessEngineMotoTests(MotoServer moto) => _moto = moto;

    private Task<TestOrganization> OrganizationAsync() => Organizations.GetOrAdd(_moto.EndpointUrl, _ => new Lazy<Task<TestOrganization>>(async () =>
    {
        using var s = await _moto.SessionAsync();
        return await TestOrganization.CreateAsync(s);
    })).Value;

    private static async Task<(AssignmentPlan Plan, List<AccountAssignmentResult> Results)> ApplyAsync(IdcSession session, AssignmentRequestSet requests,
        AssignmentOperation operation, bool force = false, IOutputWriter? output = null)
    {
        output ??= NullOutputWriter.Instance;
        var plan = await AssignmentPlanner.PlanAsync(session, requests, operation, force, output, CancellationToken.None);
        var results = new List<AccountAssignmentResult>();
        if (!plan.HasErrors)
            await foreach (var r in new AssignmentDispatcher(session, output).SendAsync(plan.ToSend, operation, CancellationToken.None)) results.Add(r);
        return (plan, results);
    }

    private static AssignmentRequestSet Requests(PrincipalRef principal, string permissionSet, IEnumerable<string> accounts)
    {
        var set = new AssignmentRequestSet();
        set.Add(new[] { principal }, new[] { permissionSet }, accounts);
        return set;
    }

    [Fact]
    public async Task Accounts_list_with_their_OU_paths_and_recursion_reaches_nested_OUs()
    {
        var org = await OrganizationAsync();
        using var session = await _moto.SessionAsync();
        var directory = OrganizationDirectory.For(session);

        var top = await directory.ResolveUnitAsync(org.TopPath, CancellationToken.None);
        Assert.Equal(org.TopId, top.OrganizationalUnitId);
        var prodByPath = await directory.ResolveUnitAsync(org.TopPath + "/prod", CancellationToken.None);
        var prodById = await directory.ResolveUnitAsync(org.ProdId, CancellationToken.None);
        Assert.Equal(org.TopPath + "/Prod", prodById.Path);
        Assert.Equal(prodById.OrganizationalUnitId, prodByPath.OrganizationalUnitId);

        var direct = new List<AwsAccount>();
        await foreach (var a in directory.AccountsAsync(top, recurse: false, CancellationToken.None)) direct.Add(a);
        Assert.Empty(direct);

        var all = new List<AwsAccount>();
        await foreach (var a in directory.AccountsAsync(top, recurse: true, CancellationToken.None)) all.Add(a);
        Assert.Equal(52, all.Count);
        Assert.All(all, a => Assert.Equal(org.Accounts[a.AccountId].Path, a.OrganizationalUnitPath));
        Assert.Equal(12, all.Count(a => a.OrganizationalUnitPath == org.TopPath + "/Prod/Web"));

        var units = new List<OrganizationalUnitEntry>();
        await foreach (var u in directory.UnitsAsync(top, recurse: true, CancellationToken.None)) units.Add(u);
        Assert.Equal(new[] { "/Prod", "/Prod/Web", "/Dev" }.Select(p => org.TopPath + p).OrderBy(p => p), units.Select(u => u.Path).OrderBy(p => p));

        var web = await directory.DescribeAccountAsync(org.AccountIdsUnder(org.TopPath + "/Prod/Web").First(), CancellationToken.None);
        Assert.Equal(org.TopPath + "/Prod/Web", web!.OrganizationalUnitPath);
        await Assert.ThrowsAsync<OrganizationalUnitNotFoundException>(() => directory.ResolveUnitAsync(org.TopPath + "/Nope", CancellationToken.None));
    }

    [Fact]
    public async Task Granting_a_group_on_52_accounts_succeeds_and_granting_again_sends_no_create_call()
    {
        var org = await OrganizationAsync();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        var group = await TestIdentity.GroupAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var accounts = org.Accounts.Keys.ToList();

        recorder.Clear();
        var (plan, results) = await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.Group, group.Name), ps.Name, accounts), AssignmentOperation.Create);
        Assert.Equal(52, results.Count);
        Assert.All(results, r => Assert.Equal(AssignmentStatus.Succeeded, r.Status));
        Assert.All(results, r => Assert.Equal(org.Accounts[r.AccountId].Name, r.AccountName));
        Assert.Equal(52, recorder.Operations.Count(o => o == "CreateAccountAssignment"));

        recorder.Clear();
        var again = await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.Group, group.Id), ps.Arn, accounts), AssignmentOperation.Create);
        Assert.Empty(again.Plan.ToSend);
        Assert.Equal(52, again.Plan.Unchanged.Count);
        Assert.All(again.Plan.Unchanged, r => Assert.Equal(AssignmentStatus.AlreadyAssigned, r.Status));
        Assert.Empty(recorder.Writes);
        // One listing per principal, not one per account.
        Assert.Equal(1, recorder.Operations.Count(o => o == "ListAccountAssignmentsForPrincipal"));
        Assert.DoesNotContain("ListAccountAssignments", recorder.Operations);
    }

    [Fact]
    public async Task Listing_resolves_principal_permission_set_and_account_names()
    {
        var org = await OrganizationAsync();
        using var session = await _moto.SessionAsync();
        var user = await TestIdentity.UserAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var accounts = org.AccountIdsUnder(org.TopPath + "/Dev").Take(3).ToList();
        await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.User, user.Name), ps.Name, accounts), AssignmentOperation.Create);

        var filter = new AssignmentFilter();
        filter.Principals.Add(new PrincipalRef(PrincipalKind.User, user.Id));
        var listed = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session).StreamAsync(filter, CancellationToken.None)) listed.Add(e);
        Assert.Equal(accounts.OrderBy(a => a), listed.Select(e => e.AccountId).OrderBy(a => a));
        Assert.All(listed, e =>
        {
            Assert.Equal(user.Name, e.PrincipalName);
            Assert.Equal(ps.Name, e.PermissionSetName);
            Assert.Equal(org.Accounts[e.AccountId].Name, e.AccountName);
            Assert.Equal(user.Id, e.UserId);
            Assert.Null(e.GroupId);
        });

        var byPair = new AssignmentFilter();
        byPair.Accounts.Add(org.Accounts[accounts[0]].Name);
        byPair.PermissionSets.Add(ps.Name);
        var pair = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session).StreamAsync(byPair, CancellationToken.None)) pair.Add(e);
        Assert.Equal(user.Name, Assert.Single(pair).PrincipalName);
    }

    [Fact]
    public async Task A_users_access_through_groups_is_listed_and_tested_only_when_asked()
    {
        var org = await OrganizationAsync();
        using var session = await _moto.SessionAsync();
        var user = await TestIdentity.UserAsync(session);
        var group = await TestIdentity.GroupAsync(session);
        await TestIdentity.AddMemberAsync(session, group.Id, user.Id);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var account = org.AccountIdsUnder(org.TopPath + "/Prod").First();
        await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.Group, group.Name), ps.Name, new[] { account }), AssignmentOperation.Create);

        var filter = new AssignmentFilter();
        filter.Principals.Add(new PrincipalRef(PrincipalKind.User, user.Name));
        filter.PermissionSets.Add(ps.Name);
        filter.Accounts.Add(account);
        Assert.False(await AccessCheck.TestAsync(session, filter, CancellationToken.None));
        var direct = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session).StreamAsync(filter, CancellationToken.None)) direct.Add(e);
        Assert.Empty(direct);

        filter.IncludeGroups = true;
        Assert.True(await AccessCheck.TestAsync(session, filter, CancellationToken.None));
        var reached = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session).StreamAsync(filter, CancellationToken.None)) reached.Add(e);
        var row = Assert.Single(reached);
        Assert.Equal(group.Name, row.PrincipalName);
        Assert.Equal(user.Name, row.MemberUserName);
        Assert.Equal(group.Id, row.GroupId);
    }

    [Fact]
    public async Task Revoking_removes_the_assignment_and_revoking_again_sends_no_delete_call()
    {
        var org = await OrganizationAsync();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        var group = await TestIdentity.GroupAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var accounts = org.AccountIdsUnder(org.TopPath + "/Prod/Web").ToList();
        var principal = new PrincipalRef(PrincipalKind.Group, group.Name);
        await ApplyAsync(session, Requests(principal, ps.Name, accounts), AssignmentOperation.Create);

        recorder.Clear();
        var (_, revoked) = await ApplyAsync(session, Requests(principal, ps.Name, accounts), AssignmentOperation.Delete);
        Assert.Equal(12, revoked.Count(r => r.Status == AssignmentStatus.Succeeded));
        Assert.Equal(12, recorder.Operations.Count(o => o == "DeleteAccountAssignment"));
        var check = new AssignmentFilter();
        check.Principals.Add(principal);
        check.PermissionSets.Add(ps.Name);
        check.Accounts.Add(accounts[0]);
        Assert.False(await AccessCheck.TestAsync(session, check, CancellationToken.None));

        recorder.Clear();
        var again = await ApplyAsync(session, Requests(principal, ps.Name, accounts), AssignmentOperation.Delete);
        Assert.Equal(12, again.Plan.Unchanged.Count(r => r.Status == AssignmentStatus.NotAssigned));
        Assert.Empty(recorder.Writes);
    }

    [Theory]
    [InlineData("principal")]
    [InlineData("permissionSet")]
    [InlineData("account")]
    public async Task An_unknown_name_is_a_specific_error_and_nothing_is_written(string unknown)
    {
        var org = await OrganizationAsync();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        var group = await TestIdentity.GroupAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var accounts = org.Accounts.Keys.Take(5).ToList();
        var principal = new PrincipalRef(PrincipalKind.Group, unknown == "principal" ? "no-such-group-" + Guid.NewGuid().ToString("N")[..6] : group.Name);
        var permissionSet = unknown == "permissionSet" ? "no-such-ps" : ps.Name;
        if (unknown == "account") accounts.Add("no-such-account");

        recorder.Clear();
        var (plan, results) = await ApplyAsync(session, Requests(principal, permissionSet, accounts), AssignmentOperation.Create);
        var error = Assert.Single(plan.Errors);
        Assert.Equal(unknown switch { "principal" => "IdcGroupNotFound", "permissionSet" => "IdcPermissionSetNotFound", _ => "IdcAccountNotFound" }, error.ErrorId);
        Assert.Empty(results);
        Assert.Empty(recorder.Writes);
    }

    [Fact]
    public async Task A_suspended_account_is_skipped_with_a_warning()
    {
        using var session = await _moto.SessionAsync();
        var small = await TestOrganization.CreateAsync(session, prod: 3, web: 0, dev: 0);
        var closed = small.Accounts.Keys.First();
        await session.Connection.Organizations.CloseAccountAsync(new CloseAccountRequest { AccountId = closed });
        var group = await TestIdentity.GroupAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);
        var output = new RecordingOutput();

        var (plan, results) = await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.Group, group.Name), ps.Name, small.Accounts.Keys), AssignmentOperation.Create, output: output);
        Assert.Equal(closed, Assert.Single(plan.SkippedAccounts).AccountId);
        Assert.Contains(output.Warnings, w => w.Contains(closed) && w.Contains("SUSPENDED"));
        Assert.Equal(2, results.Count(r => r.Status == AssignmentStatus.Succeeded));
        Assert.DoesNotContain(results, r => r.AccountId == closed);
    }

    [Fact]
    public async Task Revoking_the_last_administrator_assignment_of_the_management_account_is_refused_unless_allowed()
    {
        await OrganizationAsync();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        var management = (await OrganizationDirectory.For(session).ManagementAccountIdAsync(CancellationToken.None))!;
        var admins = await TestIdentity.GroupAsync(session);
        // The guard counts users: the group gives its member administrator access.
        await TestIdentity.AddMemberAsync(session, admins.Id, (await TestIdentity.UserAsync(session)).Id);
        var admin = await TestIdentity.PermissionSetAsync(session, AdministratorAccessGuard.AdministratorAccessPolicyArn);
        var principal = new PrincipalRef(PrincipalKind.Group, admins.Name);
        await ApplyAsync(session, Requests(principal, admin.Name, new[] { management }), AssignmentOperation.Create);

        recorder.Clear();
        var refused = await ApplyAsync(session, Requests(principal, admin.Name, new[] { management }), AssignmentOperation.Delete);
        Assert.Single(refused.Plan.LockOutRefused);
        Assert.Empty(refused.Plan.ToSend);
        Assert.Empty(recorder.Writes);

        // With a second administrator in place the first may go.
        var other = await TestIdentity.UserAsync(session);
        await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.User, other.Name), admin.Name, new[] { management }), AssignmentOperation.Create);
        var allowed = await AssignmentPlanner.PlanAsync(session, Requests(principal, admin.Name, new[] { management }), AssignmentOperation.Delete, false, NullOutputWriter.Instance, CancellationToken.None);
        Assert.Empty(allowed.LockOutRefused);
        Assert.Single(allowed.ToSend);

        var forced = await ApplyAsync(session, Requests(new PrincipalRef(PrincipalKind.User, other.Name), admin.Name, new[] { management }), AssignmentOperation.Delete);
        Assert.Equal(AssignmentStatus.Succeeded, Assert.Single(forced.Results).Status);
        var last = await ApplyAsync(session, Requests(principal, admin.Name, new[] { management }), AssignmentOperation.Delete, force: true);
        Assert.Equal(AssignmentStatus.Succeeded, Assert.Single(last.Results).Status);
    }

    [Fact]
    public async Task Planning_alone_as_under_WhatIf_sends_no_write_call()
    {
        var org = await OrganizationAsync();
        var recorder = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recorder);
        var group = await TestIdentity.GroupAsync(session);
        var ps = await TestIdentity.PermissionSetAsync(session);

        recorder.Clear();
        var plan = await AssignmentPlanner.PlanAsync(session, Requests(new PrincipalRef(PrincipalKind.Group, group.Name), ps.Name, org.Accounts.Keys),
            AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);
        Assert.Equal(52, plan.ToSend.Count);
        Assert.NotEmpty(recorder.Operations);
        Assert.Empty(recorder.Writes);
    }
}
