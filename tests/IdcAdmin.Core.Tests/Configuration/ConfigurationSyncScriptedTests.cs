using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Tests.Access;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>
/// Sync where moto differs from AWS: assignment requests that stay IN_PROGRESS and sometimes FAIL, and permission
/// sets that AWS has provisioned to accounts (moto never provisions), scripted as AWS documents them.
/// </summary>
public sealed class ConfigurationSyncScriptedTests
{
    private static async Task<IReadOnlyList<ConfigurationDrift>> SyncAsync(Core.Session.IdcSession session, IdcConfiguration configuration)
    {
        var plan = await new ConfigurationPlanner(session, NullOutputWriter.Instance).PlanAsync(configuration, CancellationToken.None);
        Assert.Empty(plan.Problems);
        return await new ConfigurationApplier(session, NullOutputWriter.Instance).ApplyAsync(plan, prune: false, _ => true, CancellationToken.None);
    }

    [Fact]
    public async Task Assignments_are_sent_through_the_dispatcher_within_its_bound_and_a_failed_account_fails_only_its_item()
    {
        var backend = new ScriptedAccessBackend(accounts: 30) { HoldUntilOutstanding = 10 };
        backend.FailingAccounts.Add(backend.AccountIds[7]);
        using var files = new ConfigurationFiles();
        var configuration = files.Json($$"""
            { "Assignments": [ { "Group": "{{ScriptedAccessBackend.GroupName}}", "PermissionSet": "{{ScriptedAccessBackend.PermissionSetName}}", "Accounts": ["acct-*"] } ] }
            """);
        using var session = backend.Session();

        var results = await SyncAsync(session, configuration);

        Assert.Equal(30, results.Count);
        Assert.Equal(30, backend.Handler.CountOf("CreateAccountAssignment"));
        Assert.Equal(IdcAdmin.Core.Access.AssignmentDispatcher.DefaultMaxInFlight, backend.MaxOutstanding);
        var failed = Assert.Single(results, r => r.Status == DriftStatus.Failed);
        Assert.Contains(backend.AccountIds[7], failed.Desired);
        Assert.Contains("Not supported account", failed.Message);
        Assert.Equal(29, results.Count(r => r.Status == DriftStatus.Applied));
    }

    [Fact]
    public async Task A_changed_permission_set_is_re_provisioned_to_the_accounts_AWS_provisioned_it_to_after_the_change()
    {
        const string arn = ScriptedAccessBackend.PermissionSetArn;
        var provisioned = new[] { "111111111111", "222222222222" };
        var handler = new ScriptedHandler()
            .On("ListPermissionSets", _ => new { PermissionSets = new[] { arn } })
            .On("DescribePermissionSet", _ => new { PermissionSet = new { Name = "ReadOnly", PermissionSetArn = arn, SessionDuration = "PT1H" } })
            .On("ListManagedPoliciesInPermissionSet", _ => new { AttachedManagedPolicies = Array.Empty<object>() })
            .On("ListCustomerManagedPolicyReferencesInPermissionSet", _ => new { CustomerManagedPolicyReferences = Array.Empty<object>() })
            .On("GetInlinePolicyForPermissionSet", _ => new { InlinePolicy = "" })
            .On("AttachManagedPolicyToPermissionSet", _ => new { })
            .On("ListAccountsForProvisionedPermissionSet", _ => new { AccountIds = provisioned })
            .On("ProvisionPermissionSet", body => new { PermissionSetProvisioningStatus = new { Status = "IN_PROGRESS", RequestId = "req-" + body["TargetId"], AccountId = (string?)body["TargetId"], PermissionSetArn = arn } })
            .On("DescribePermissionSetProvisioningStatus", body => new { PermissionSetProvisioningStatus = new { Status = "SUCCEEDED", RequestId = (string?)body["ProvisionPermissionSetRequestId"], PermissionSetArn = arn } });
        using var scripted = new Core.Session.IdcSession(new Core.Session.AwsConnection(MotoServer.TestCredentials, "us-east-1", new Core.Aws.AwsTransportOptions
        {
            EndpointUrl = "http://127.0.0.1:1", InnerHandler = handler, RateLimiter = Core.Aws.RequestRateLimiter.PerSecond(1000, 1000),
        }), new Core.Session.IdcInstance { InstanceArn = ScriptedAccessBackend.InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" })
        {
            Polling = new Core.Aws.PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(30) },
        };
        using var files = new ConfigurationFiles();
        var configuration = files.Json("""{ "PermissionSets": [ { "Name": "ReadOnly", "ManagedPolicies": ["ReadOnlyAccess"] } ] }""");

        var results = await SyncAsync(scripted, configuration);

        var attach = Assert.Single(results);
        Assert.Equal(DriftStatus.Applied, attach.Status);
        var writes = handler.Calls.Select(c => c.Operation).Where(RecordingHandler.IsWrite).ToList();
        Assert.Equal(new[] { "AttachManagedPolicyToPermissionSet", "ProvisionPermissionSet", "ProvisionPermissionSet" }, writes);
        Assert.Equal(provisioned, handler.Calls.Where(c => c.Operation == "ProvisionPermissionSet").Select(c => (string)c.Body["TargetId"]!).OrderBy(a => a));
    }
}
