using IdcAdmin.Core.Access;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Bench;

/// <summary>
/// aws-sso-util's assignment listing, as the baseline: for each permission set, list the accounts it is provisioned
/// to; for each (account, set) pair, list its assignments; one call at a time. Names are looked up per id and cached
/// (DescribePermissionSet, DescribeUser, DescribeGroup, one account listing), and, to give the same rows as the
/// effective-access view, each assigned group's members are listed once.
/// </summary>
public sealed class SsoUtilBaseline
{
    private readonly IdcSession _session;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    public SsoUtilBaseline(IdcSession session) => _session = session;

    public async Task<(int Rows, string How)> CountAsync(EffectiveAccessFilter filter)
    {
        var sso = _session.Connection.SsoAdmin;
        var accountNames = new Dictionary<string, string>();
        await foreach (var a in _session.Connection.Organizations.PaginateListAccounts(new ListAccountsRequest()))
            accountNames[a.Id!] = a.Name ?? "";
        var rows = 0;
        await foreach (var set in sso.PaginateListPermissionSets(new ListPermissionSetsRequest { InstanceArn = _session.InstanceArn, MaxResults = 100 }))
        {
            var setName = await NameAsync(set, async () => (await sso.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = _session.InstanceArn, PermissionSetArn = set })).PermissionSet!.Name!);
            if (filter.PermissionSets.Count > 0 && !filter.PermissionSets.Contains(setName)) continue;
            await foreach (var account in sso.PaginateListAccountsForProvisionedPermissionSet(new ListAccountsForProvisionedPermissionSetRequest { InstanceArn = _session.InstanceArn, PermissionSetArn = set, MaxResults = 100 }))
            {
                if (filter.Accounts.Count > 0 && !filter.Accounts.Contains(account) && !filter.Accounts.Contains(accountNames.GetValueOrDefault(account, ""))) continue;
                await foreach (var a in sso.PaginateListAccountAssignments(new ListAccountAssignmentsRequest { InstanceArn = _session.InstanceArn, AccountId = account, PermissionSetArn = set, MaxResults = 100 }))
                {
                    if (a.PrincipalType == "USER")
                    {
                        if (await UserMatchesAsync(a.PrincipalId!, filter)) rows++;
                        continue;
                    }
                    await NameAsync(a.PrincipalId!, async () => (await _session.Connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = _session.IdentityStoreId, GroupId = a.PrincipalId })).DisplayName!);
                    foreach (var member in await MembersAsync(a.PrincipalId!))
                        if (await UserMatchesAsync(member, filter)) rows++;
                }
            }
        }
        return (rows, "aws-sso-util's algorithm");
    }

    private async Task<bool> UserMatchesAsync(string userId, EffectiveAccessFilter filter)
    {
        var name = await NameAsync(userId, async () => (await _session.Connection.IdentityStore.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = _session.IdentityStoreId, UserId = userId })).UserName!);
        return filter.Users.Count == 0 || filter.Users.Contains(name);
    }

    private async Task<List<string>> MembersAsync(string groupId)
    {
        if (_members.TryGetValue(groupId, out var known)) return known;
        var users = new List<string>();
        await foreach (var m in _session.Connection.IdentityStore.PaginateListGroupMemberships(new ListGroupMembershipsRequest { IdentityStoreId = _session.IdentityStoreId, GroupId = groupId, MaxResults = 100 }))
            if (m.MemberId?.UserId != null) users.Add(m.MemberId.UserId);
        return _members[groupId] = users;
    }

    private async Task<string> NameAsync(string id, Func<Task<string>> describe)
    {
        if (_names.TryGetValue(id, out var name)) return name;
        return _names[id] = await describe();
    }
}
