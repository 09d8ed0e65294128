using IdcAdmin.Core.Access;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>The listing paths moto cannot show (it does not track which permission sets are provisioned where).</summary>
public sealed class AssignmentQueryScriptedTests
{
    [Fact]
    public async Task Listing_an_account_reads_only_the_permission_sets_provisioned_to_it()
    {
        const string other = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdefabcdef0000";
        var backend = new ScriptedAccessBackend(accounts: 3);
        backend.Handler
            .On("ListPermissionSetsProvisionedToAccount", _ => new { PermissionSets = new[] { ScriptedAccessBackend.PermissionSetArn } })
            .On("ListAccountAssignments", body => new
            {
                AccountAssignments = new[]
                {
                    new { AccountId = body["AccountId"]!.GetValue<string>(), PermissionSetArn = body["PermissionSetArn"]!.GetValue<string>(), PrincipalType = "GROUP", PrincipalId = ScriptedAccessBackend.GroupId },
                },
            })
            .On("DescribeGroup", _ => new { GroupId = ScriptedAccessBackend.GroupId, DisplayName = ScriptedAccessBackend.GroupName, IdentityStoreId = "d-1234567890" })
            .On("ListPermissionSets", _ => new { PermissionSets = new[] { ScriptedAccessBackend.PermissionSetArn, other } });
        using var session = backend.Session();
        var filter = new AssignmentFilter();
        filter.Accounts.Add("acct-002");

        var listed = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session).StreamAsync(filter, CancellationToken.None)) listed.Add(e);

        var entry = Assert.Single(listed);
        Assert.Equal(backend.AccountIds[1], entry.AccountId);
        Assert.Equal("acct-002", entry.AccountName);
        Assert.Equal(ScriptedAccessBackend.GroupName, entry.PrincipalName);
        Assert.Equal(ScriptedAccessBackend.PermissionSetName, entry.PermissionSetName);
        // One pair listed: the provisioned permission set on that account, not every permission set.
        Assert.Equal(1, backend.Handler.CountOf("ListAccountAssignments"));
        Assert.DoesNotContain(backend.Handler.Calls, c => c.Operation == "ListAccountAssignments" && c.Body["PermissionSetArn"]!.GetValue<string>() == other);
    }

    [Fact]
    public async Task A_name_that_cannot_be_read_is_left_empty_with_one_warning_and_the_listing_goes_on()
    {
        var backend = new ScriptedAccessBackend(accounts: 3);
        backend.Handler
            .On("ListPermissionSetsProvisionedToAccount", _ => new { PermissionSets = new[] { ScriptedAccessBackend.PermissionSetArn } })
            .On("ListAccountAssignments", body => new
            {
                AccountAssignments = new[]
                {
                    new { AccountId = body["AccountId"]!.GetValue<string>(), PermissionSetArn = body["PermissionSetArn"]!.GetValue<string>(), PrincipalType = "GROUP", PrincipalId = ScriptedAccessBackend.GroupId },
                },
            })
            .On("DescribeGroup", _ => ScriptedResponse.Error(System.Net.HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform identitystore:DescribeGroup"));
        using var session = backend.Session();
        var output = new Identity.CollectingOutput();
        var filter = new AssignmentFilter();
        filter.Accounts.AddRange(new[] { "acct-001", "acct-002" });

        var listed = new List<AccountAssignmentEntry>();
        await foreach (var e in new AssignmentQuery(session, output).StreamAsync(filter, CancellationToken.None)) listed.Add(e);

        Assert.Equal(2, listed.Count);
        Assert.All(listed, e => Assert.Null(e.PrincipalName));
        Assert.All(listed, e => Assert.Equal(ScriptedAccessBackend.PermissionSetName, e.PermissionSetName));
        var warning = Assert.Single(output.Warnings);
        Assert.Contains("PrincipalName", warning);
        Assert.Contains("AccessDeniedException", warning);
    }
}
