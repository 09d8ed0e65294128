using IdcAdmin.Core.Access;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>The effective-access view's answers and the calls each planned path makes, over a scripted organization.</summary>
public sealed class EffectiveAccessScriptedTests
{
    /// <summary>6 accounts, 3 sets, 3 groups; 7 provisioned (account, set) pairs.</summary>
    private static ScriptedOrganizationBackend Organization(int users)
    {
        var org = new ScriptedOrganizationBackend(accounts: 6, permissionSets: 3, users: users, groups: 3);
        org.AssignGroup(0, 0, 0, 1, 2, 3);
        org.AssignGroup(1, 1, 2, 3);
        org.AssignUser(0, 2, 5);
        org.AssignUser(1, 0, 0);
        org.AddMember(0, 0);
        org.AddMember(0, 1);
        org.AddMember(1, 1);
        org.AddMember(2, 0); // a group with no assignments
        return org;
    }

    private static async Task<(List<EffectiveAccessEntry> Rows, EffectiveAccessQuery Query)> RunAsync(ScriptedOrganizationBackend org, Action<EffectiveAccessFilter>? narrow = null)
    {
        using var session = org.Session();
        var filter = new EffectiveAccessFilter();
        narrow?.Invoke(filter);
        var query = new EffectiveAccessQuery(session);
        var rows = new List<EffectiveAccessEntry>();
        await foreach (var r in query.StreamAsync(filter, CancellationToken.None)) rows.Add(r);
        return (rows, query);
    }

    private static List<(string, string, string, string?)> Keys(IEnumerable<EffectiveAccessEntry> rows) =>
        rows.Select(r => (r.UserId, r.AccountId, r.PermissionSetArn, r.GroupId)).OrderBy(k => k.ToString()).ToList();

    [Fact]
    public async Task Whole_organization_with_many_users_reads_per_permission_set_one_listing_per_provisioned_pair()
    {
        var org = Organization(users: 40);
        var (rows, query) = await RunAsync(org);
        Assert.Equal(EffectiveAccessPath.PermissionSet, query.ChosenPath);
        Assert.Equal(Keys(org.Expected().Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.Equal(3, org.Calls("ListAccountsForProvisionedPermissionSet"));
        Assert.Equal(7, org.Calls("ListAccountAssignments"));
        Assert.Equal(0, org.Calls("ListAccountAssignmentsForPrincipal"));
        // Each assigned group's members are listed once; names come from the directory listing, not per id.
        Assert.Equal(2, org.Calls("ListGroupMemberships"));
        Assert.Equal(0, org.Calls("DescribeUser") + org.Calls("DescribeGroup"));
        Assert.Equal(3, org.Calls("DescribePermissionSet"));
    }

    [Fact]
    public async Task Whole_organization_with_fewer_principals_than_provisioned_pairs_reads_per_principal()
    {
        var org = Organization(users: 2); // 2 users + 3 groups = 5 principals < 7 pairs
        var (rows, query) = await RunAsync(org);
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(Keys(org.Expected().Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.Equal(5, org.Calls("ListAccountAssignmentsForPrincipal"));
        Assert.Equal(0, org.Calls("ListAccountAssignments"));
    }

    [Fact]
    public async Task With_principals_no_more_than_the_probe_calls_the_provisioning_listing_is_skipped()
    {
        var org = new ScriptedOrganizationBackend(accounts: 6, permissionSets: 4, users: 1, groups: 1);
        org.AssignGroup(0, 0, 0, 1);
        org.AddMember(0, 0);
        var (rows, query) = await RunAsync(org);
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(0, org.Calls("ListAccountsForProvisionedPermissionSet") + org.Calls("ListPermissionSetsProvisionedToAccount"));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Who_can_reach_one_account_reads_the_sets_provisioned_to_it()
    {
        var org = Organization(users: 40);
        var account = org.Accounts[2];
        var (rows, query) = await RunAsync(org, f => f.Accounts.Add(account));
        Assert.Equal(EffectiveAccessPath.Account, query.ChosenPath);
        Assert.Equal(1, org.Calls("ListPermissionSetsProvisionedToAccount"));
        Assert.Equal(2, org.Calls("ListAccountAssignments"));
        Assert.Equal(Keys(org.Expected().Where(e => e.Account == account).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.All(rows, r => Assert.Equal(ScriptedOrganizationBackend.AccountName(account), r.AccountName));
    }

    [Fact]
    public async Task Who_holds_one_permission_set_anywhere_reads_the_accounts_it_is_provisioned_to()
    {
        var org = Organization(users: 40);
        var set = org.PermissionSets[0];
        var (rows, query) = await RunAsync(org, f => f.PermissionSets.Add(ScriptedOrganizationBackend.SetName(set)));
        Assert.Equal(EffectiveAccessPath.PermissionSet, query.ChosenPath);
        Assert.Equal(1, org.Calls("ListAccountsForProvisionedPermissionSet"));
        Assert.Equal(4, org.Calls("ListAccountAssignments"));
        Assert.Equal(Keys(org.Expected().Where(e => e.Set == set).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
    }

    [Fact]
    public async Task One_user_reads_their_own_and_their_groups_assignments_and_names_the_group()
    {
        var org = Organization(users: 40);
        var user = org.Users[1];
        var (rows, query) = await RunAsync(org, f => f.Users.Add(ScriptedOrganizationBackend.UserName(user)));
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(3, org.Calls("ListAccountAssignmentsForPrincipal")); // the user and groups 0 and 1
        Assert.Equal(0, org.Calls("ListUsers"));
        Assert.Equal(0, org.Calls("ListGroupMemberships")); // the user's own membership listing said which groups
        Assert.Equal(1, org.Calls("ListGroupMembershipsForMember"));
        Assert.Equal(Keys(org.Expected().Where(e => e.User == user).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.Contains(rows, r => r.GroupName == ScriptedOrganizationBackend.GroupName(org.Groups[1]) && r.UserName == ScriptedOrganizationBackend.UserName(user));
        Assert.Contains(rows, r => r.Direct && r.AccountId == org.Accounts[0]);
    }

    [Fact]
    public async Task One_group_reads_its_own_assignments_and_members_and_nothing_of_the_directory()
    {
        var org = Organization(users: 40);
        var group = org.Groups[0];
        var (rows, query) = await RunAsync(org, f => f.Groups.Add(ScriptedOrganizationBackend.GroupName(group)));
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(1, org.Calls("ListAccountAssignmentsForPrincipal"));
        Assert.Equal(1, org.Calls("ListGroupMemberships"));
        Assert.Equal(0, org.Calls("ListUsers") + org.Calls("ListGroups") + org.Calls("ListAccountsForProvisionedPermissionSet") + org.Calls("ListPermissionSetsProvisionedToAccount"));
        Assert.Equal(Keys(org.Expected().Where(e => e.Group == group).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(ScriptedOrganizationBackend.GroupName(group), r.GroupName));
    }

    [Fact]
    public async Task A_user_and_a_group_together_answer_only_what_the_user_reaches_through_that_group()
    {
        var org = Organization(users: 40);
        var (user, group) = (org.Users[1], org.Groups[1]);
        var (rows, _) = await RunAsync(org, f =>
        {
            f.Users.Add(ScriptedOrganizationBackend.UserName(user));
            f.Groups.Add(ScriptedOrganizationBackend.GroupName(group));
        });
        Assert.Equal(Keys(org.Expected().Where(e => e.User == user && e.Group == group).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.NotEmpty(rows);
    }

    [Fact]
    public async Task A_forced_principal_path_answers_without_provisioning_listings()
    {
        var org = Organization(users: 40);
        var (rows, query) = await RunAsync(org, f => f.Path = EffectiveAccessPath.Principal);
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(0, org.Calls("ListAccountsForProvisionedPermissionSet") + org.Calls("ListPermissionSetsProvisionedToAccount"));
        Assert.Equal(Keys(org.Expected().Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
    }

    [Theory]
    [InlineData(10, 100, EffectiveAccessPath.PermissionSet)]
    [InlineData(100, 10, EffectiveAccessPath.Account)]
    [InlineData(10, 1, EffectiveAccessPath.Account)]
    public void The_provisioning_probe_starts_from_the_smaller_side(int sets, int accounts, EffectiveAccessPath expected) =>
        Assert.Equal(expected, EffectiveAccessPlanner.ProvisioningSide(accounts, sets));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Provisioning_listings_that_show_no_pair_are_not_trusted_and_every_view_reads_per_principal(bool oneAccount)
    {
        var org = Organization(users: 40);
        org.ProvisionsOnAssignment = false; // assignments exist, the provisioning listings are empty
        var account = org.Accounts[2];
        var (rows, query) = await RunAsync(org, f => { if (oneAccount) f.Accounts.Add(account); });
        Assert.Equal(0, query.ProvisionedPairs);
        Assert.Equal(EffectiveAccessPath.Principal, query.ChosenPath);
        Assert.Equal(oneAccount ? 1 : 3, org.Calls("ListPermissionSetsProvisionedToAccount") + org.Calls("ListAccountsForProvisionedPermissionSet"));
        Assert.Equal(0, org.Calls("ListAccountAssignments"));
        Assert.Equal(43, org.Calls("ListAccountAssignmentsForPrincipal")); // 40 users and 3 groups
        Assert.Equal(Keys(org.Expected().Where(e => !oneAccount || e.Account == account).Select(e => new EffectiveAccessEntry { UserId = e.User, AccountId = e.Account, PermissionSetArn = e.Set, GroupId = e.Group })), Keys(rows));
        Assert.NotEmpty(rows);
    }

    [Theory]
    [InlineData(300, 550, EffectiveAccessPath.PermissionSet)]
    [InlineData(600, 550, EffectiveAccessPath.Principal)]
    [InlineData(0, 550, EffectiveAccessPath.Principal)]
    public void After_the_probe_the_fewer_listings_win(int pairs, int principals, EffectiveAccessPath expected) =>
        Assert.Equal(expected, EffectiveAccessPlanner.Choose(EffectiveAccessPath.PermissionSet, pairs, principals));
}
