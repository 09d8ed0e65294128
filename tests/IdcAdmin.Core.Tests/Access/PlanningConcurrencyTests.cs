using System.Net;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>
/// A grant's planning reads that do not depend on one another are in flight together: the organization walk, the
/// principal's lookup and its assignment listing, the permission set's description; and the walk lists a unit's
/// accounts while it lists its OUs. Shown by holding one call until the others arrived, never by timing.
/// </summary>
public sealed class PlanningConcurrencyTests
{
    private static AssignmentRequestSet Batch(ScriptedAccessBackend backend, IEnumerable<string> accounts)
    {
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, ScriptedAccessBackend.GroupName) }, new[] { ScriptedAccessBackend.PermissionSetName }, accounts);
        return requests;
    }

    [Fact]
    public async Task The_organization_walk_is_in_flight_while_the_principal_its_assignments_and_the_permission_set_are_read()
    {
        var backend = new ScriptedAccessBackend(accounts: 30);
        Rendezvous? rendezvous = null;
        using var session = backend.Session(inner => rendezvous = new Rendezvous(inner, Rendezvous.ByOperation,
            "ListAccountsForParent", "GetGroupId", "DescribePermissionSet", "ListAccountAssignmentsForPrincipal"));

        var plan = await AssignmentPlanner.PlanAsync(session, Batch(backend, backend.AccountIds), AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);

        Assert.True(rendezvous!.Met);
        Assert.False(plan.HasErrors);
        Assert.Equal(30, plan.ToSend.Count);
        // The listing started early is the one the plan uses: the principal's assignments are read once, whole.
        Assert.Equal(1, backend.Handler.CountOf("ListAccountAssignmentsForPrincipal"));
        Assert.Null(backend.Handler.Calls.Single(c => c.Operation == "ListAccountAssignmentsForPrincipal").Body["Filter"]);
    }

    [Fact]
    public async Task An_existing_assignment_found_by_the_early_listing_is_not_sent_again()
    {
        var backend = new ScriptedAccessBackend(accounts: 5);
        var assigned = backend.AccountIds[2];
        backend.Handler.On("ListAccountAssignmentsForPrincipal", _ => new
        {
            AccountAssignments = new[] { new { AccountId = assigned, PermissionSetArn = ScriptedAccessBackend.PermissionSetArn, PrincipalType = "GROUP", PrincipalId = ScriptedAccessBackend.GroupId } },
        });
        using var session = backend.Session();

        var plan = await AssignmentPlanner.PlanAsync(session, Batch(backend, backend.AccountIds), AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);

        Assert.Equal(4, plan.ToSend.Count);
        Assert.DoesNotContain(plan.ToSend, p => p.Key.AccountId == assigned);
        Assert.Equal(AssignmentStatus.AlreadyAssigned, Assert.Single(plan.Unchanged).Status);
        Assert.Equal(1, backend.Handler.CountOf("ListAccountAssignmentsForPrincipal"));
    }

    [Fact]
    public async Task A_batch_on_one_account_reads_the_principals_assignments_filtered_to_it_after_resolving_it()
    {
        var backend = new ScriptedAccessBackend(accounts: 5);
        using var session = backend.Session();

        var plan = await AssignmentPlanner.PlanAsync(session, Batch(backend, new[] { backend.AccountIds[1] }), AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);

        Assert.Single(plan.ToSend);
        var listing = Assert.Single(backend.Handler.Calls, c => c.Operation == "ListAccountAssignmentsForPrincipal");
        Assert.Equal(backend.AccountIds[1], listing.Body["Filter"]!["AccountId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_that_cannot_be_resolved_reports_every_miss_in_order_and_sends_nothing()
    {
        var backend = new ScriptedAccessBackend(accounts: 3);
        backend.Handler.On("GetGroupId", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "No such group"));
        using var session = backend.Session();
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, "Nobody") }, new[] { ScriptedAccessBackend.PermissionSetName }, new[] { backend.AccountIds[0], "999999999999" });

        var plan = await AssignmentPlanner.PlanAsync(session, requests, AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);

        Assert.Equal(new[] { ResolutionErrorKind.Group, ResolutionErrorKind.Account }, plan.Errors.Select(e => e.Kind));
        Assert.Empty(plan.ToSend);
        Assert.Equal(0, backend.Handler.CountOf("ListAccountAssignmentsForPrincipal"));
    }

    [Fact]
    public async Task A_revokes_lock_out_guard_reads_the_management_account_while_the_assignments_are_listed_and_only_once()
    {
        var backend = new ScriptedAccessBackend(accounts: 12);
        backend.Handler
            .On("DescribeOrganization", _ => new { Organization = new { Id = "o-1", MasterAccountId = "999999999999" } })
            .On("ListAccountAssignmentsForPrincipal", _ => new
            {
                AccountAssignments = backend.AccountIds.Select(a => new { AccountId = a, PermissionSetArn = ScriptedAccessBackend.PermissionSetArn, PrincipalType = "GROUP", PrincipalId = ScriptedAccessBackend.GroupId }).ToArray(),
            });
        Rendezvous? rendezvous = null;
        using var session = backend.Session(inner => rendezvous = new Rendezvous(inner, Rendezvous.ByOperation, "ListAccountAssignmentsForPrincipal", "DescribeOrganization"));

        var plan = await AssignmentPlanner.PlanAsync(session, Batch(backend, backend.AccountIds), AssignmentOperation.Delete, false, NullOutputWriter.Instance, CancellationToken.None);

        Assert.True(rendezvous!.Met);
        Assert.Equal(12, plan.ToSend.Count);
        Assert.Empty(plan.LockOutRefused);
        Assert.Equal(1, backend.Handler.CountOf("DescribeOrganization"));
    }

    [Fact]
    public async Task The_organization_walk_lists_a_units_accounts_and_its_sibling_subtrees_at_once_and_keeps_depth_first_order()
    {
        // Root r-1 holds OUs a (holding c) and b; each unit holds one account.
        var children = new Dictionary<string, string[]> { ["r-1"] = new[] { "ou-a", "ou-b" }, ["ou-a"] = new[] { "ou-c" }, ["ou-b"] = Array.Empty<string>(), ["ou-c"] = Array.Empty<string>() };
        var accountOf = new Dictionary<string, string> { ["r-1"] = "111111111111", ["ou-a"] = "222222222222", ["ou-b"] = "333333333333", ["ou-c"] = "444444444444" };
        string Parent(JsonObject b) => b["ParentId"]!.GetValue<string>();
        var backend = new ScriptedHandler()
            .On("ListRoots", _ => new { Roots = new[] { new { Id = "r-1", Name = "Root" } } })
            .On("ListOrganizationalUnitsForParent", b => new { OrganizationalUnits = children[Parent(b)].Select(id => new { Id = id, Name = id[3..].ToUpperInvariant() }).ToArray() })
            .On("ListAccountsForParent", b => new { Accounts = new[] { new { Id = accountOf[Parent(b)], Name = "acct-" + Parent(b), Status = "ACTIVE" } } });
        // The root's accounts are held until the root's OUs, and account listings of both OU subtrees, were asked for.
        var rendezvous = new Rendezvous(backend, (op, b) => op + " " + b["ParentId"]?.GetValue<string>(),
            "ListAccountsForParent r-1", "ListOrganizationalUnitsForParent r-1", "ListAccountsForParent ou-b", "ListAccountsForParent ou-c");
        using var connection = ScriptedConnection.Connect(rendezvous);
        var directory = new OrganizationDirectory(connection.Organizations);

        var snapshot = await directory.SnapshotAsync(refresh: false, CancellationToken.None);

        Assert.True(rendezvous.Met);
        Assert.Equal(new[] { "/Root", "/Root/A", "/Root/A/C", "/Root/B" }, snapshot.Units.Select(u => u.Path));
        Assert.Equal(new[] { "111111111111", "222222222222", "444444444444", "333333333333" }, snapshot.Accounts.Select(a => a.AccountId));
        Assert.Equal("/Root/A/C", snapshot.Find("444444444444")!.OrganizationalUnitPath);
        Assert.Equal(4, backend.CountOf("ListAccountsForParent"));
        Assert.Equal(4, backend.CountOf("ListOrganizationalUnitsForParent"));
    }
}
