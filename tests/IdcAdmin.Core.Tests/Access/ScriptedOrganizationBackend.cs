using System.Text.Json.Nodes;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>
/// An in-memory organization with users, groups, memberships, permission sets and assignments, whose provisioning
/// listings answer as AWS does (a set is provisioned to every account where it is assigned), for counting the calls
/// each effective-access path makes.
/// </summary>
public sealed class ScriptedOrganizationBackend
{
    private const string InstanceArn = "arn:aws:sso:::instance/ssoins-1234567890abcdef";

    public ScriptedOrganizationBackend(int accounts, int permissionSets, int users, int groups)
    {
        Accounts = Enumerable.Range(1, accounts).Select(i => (100000000000L + i).ToString()).ToList();
        PermissionSets = Enumerable.Range(0, permissionSets).Select(i => $"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-{i:0000000000000000}").ToList();
        Users = Enumerable.Range(0, users).Select(i => $"aaaaaaaa-0000-0000-0000-{i:000000000000}").ToList();
        Groups = Enumerable.Range(0, groups).Select(i => $"bbbbbbbb-0000-0000-0000-{i:000000000000}").ToList();
        Handler = new ScriptedHandler()
            .On("ListRoots", _ => new { Roots = new[] { new { Id = "r-ab12", Name = "Root", Arn = "arn:aws:organizations::1:root/o-1/r-ab12" } } })
            .On("ListOrganizationalUnitsForParent", _ => new { OrganizationalUnits = Array.Empty<object>() })
            .On("ListAccountsForParent", _ => new { Accounts = Accounts.Select(id => new { Id = id, Name = AccountName(id), Status = "ACTIVE" }).ToArray() })
            .On("ListUsers", _ => new { Users = Users.Select(u => new { UserId = u, UserName = UserName(u), IdentityStoreId = "d-1234567890" }).ToArray() })
            .On("ListGroups", _ => new { Groups = Groups.Select(g => new { GroupId = g, DisplayName = GroupName(g), IdentityStoreId = "d-1234567890" }).ToArray() })
            .On("GetUserId", b => new { UserId = Users.First(u => UserName(u) == b["AlternateIdentifier"]!["UniqueAttribute"]!["AttributeValue"]!.GetValue<string>()), IdentityStoreId = "d-1234567890" })
            .On("GetGroupId", b => new { GroupId = Groups.First(g => GroupName(g) == b["AlternateIdentifier"]!["UniqueAttribute"]!["AttributeValue"]!.GetValue<string>()), IdentityStoreId = "d-1234567890" })
            .On("DescribeUser", b => new { UserId = Text(b, "UserId"), UserName = UserName(Text(b, "UserId")), IdentityStoreId = "d-1234567890" })
            .On("DescribeGroup", b => new { GroupId = Text(b, "GroupId"), DisplayName = GroupName(Text(b, "GroupId")), IdentityStoreId = "d-1234567890" })
            .On("ListGroupMemberships", b => new { GroupMemberships = Members.Where(m => m.Group == Text(b, "GroupId"))
                .Select(m => new { GroupId = m.Group, MemberId = new { UserId = m.User }, IdentityStoreId = "d-1234567890" }).ToArray() })
            .On("ListGroupMembershipsForMember", b => new { GroupMemberships = Members.Where(m => m.User == b["MemberId"]!["UserId"]!.GetValue<string>())
                .Select(m => new { GroupId = m.Group, MemberId = new { UserId = m.User }, IdentityStoreId = "d-1234567890" }).ToArray() })
            .On("ListPermissionSets", _ => new { PermissionSets })
            .On("DescribePermissionSet", b => new { PermissionSet = new { Name = SetName(Text(b, "PermissionSetArn")), PermissionSetArn = Text(b, "PermissionSetArn") } })
            .On("ListAccountsForProvisionedPermissionSet", b => new { AccountIds = Provisioned().Where(a => a.Set == Text(b, "PermissionSetArn")).Select(a => a.Account).Distinct().ToArray() })
            .On("ListPermissionSetsProvisionedToAccount", b => new { PermissionSets = Provisioned().Where(a => a.Account == Text(b, "AccountId")).Select(a => a.Set).Distinct().ToArray() })
            .On("ListAccountAssignments", b => new { AccountAssignments = Assignments.Where(a => a.Account == Text(b, "AccountId") && a.Set == Text(b, "PermissionSetArn"))
                .Select(a => new { AccountId = a.Account, PermissionSetArn = a.Set, PrincipalType = a.Kind, PrincipalId = a.Principal }).ToArray() })
            .On("ListAccountAssignmentsForPrincipal", b => new { AccountAssignments = Assignments
                .Where(a => a.Principal == Text(b, "PrincipalId") && (b["Filter"]?["AccountId"] == null || a.Account == b["Filter"]!["AccountId"]!.GetValue<string>()))
                .Select(a => new { AccountId = a.Account, PermissionSetArn = a.Set, PrincipalType = a.Kind, PrincipalId = a.Principal }).ToArray() });
    }

    public ScriptedHandler Handler { get; }
    public List<string> Accounts { get; }
    public List<string> PermissionSets { get; }
    public List<string> Users { get; }
    public List<string> Groups { get; }
    public List<(string Group, string User)> Members { get; } = new();
    public List<(string Account, string Set, string Kind, string Principal)> Assignments { get; } = new();

    public static string UserName(string id) => "user-" + id[^3..];
    public static string GroupName(string id) => "group-" + id[^3..];
    public static string AccountName(string id) => "acct-" + id[^3..];
    public static string SetName(string arn) => "Set" + arn[^2..];

    /// <summary>False for a backend that does not provision a set when it is assigned (as moto): the provisioning listings stay empty.</summary>
    public bool ProvisionsOnAssignment { get; set; } = true;

    private IEnumerable<(string Account, string Set, string Kind, string Principal)> Provisioned() =>
        ProvisionsOnAssignment ? Assignments : Enumerable.Empty<(string, string, string, string)>();

    public void AssignGroup(int group, int set, params int[] accounts) { foreach (var a in accounts) Assignments.Add((Accounts[a], PermissionSets[set], "GROUP", Groups[group])); }
    public void AssignUser(int user, int set, params int[] accounts) { foreach (var a in accounts) Assignments.Add((Accounts[a], PermissionSets[set], "USER", Users[user])); }
    public void AddMember(int group, int user) => Members.Add((Groups[group], Users[user]));

    /// <summary>What the view must show: each direct assignment once, each group assignment once per member.</summary>
    public IEnumerable<(string User, string Account, string Set, string? Group)> Expected() =>
        Assignments.SelectMany(a => a.Kind == "USER"
            ? new[] { (a.Principal, a.Account, a.Set, (string?)null) }
            : Members.Where(m => m.Group == a.Principal).Select(m => (m.User, a.Account, a.Set, (string?)a.Principal)));

    public int Calls(string operation) => Handler.CountOf(operation);

    public IdcSession Session() => new(ScriptedConnection.Connect(Handler), new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" });

    private static string Text(JsonObject body, string name) => body[name]!.GetValue<string>();
}
