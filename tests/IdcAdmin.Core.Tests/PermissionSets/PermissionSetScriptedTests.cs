using System.Net;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

/// <summary>
/// What moto cannot show, against a scripted Identity Center: permissions boundaries, tags, provisioning that takes
/// time or fails with a reason, and which accounts hold an outdated version.
/// </summary>
public sealed class PermissionSetScriptedTests
{
    private const string InstanceArn = "arn:aws:sso:::instance/ssoins-1111222233334444";
    private const string SetArn = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaabbbbccccdddd";

    private static IdcSession SessionOver(ScriptedHandler scripted)
    {
        var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", new AwsTransportOptions
        {
            EndpointUrl = "http://127.0.0.1:1",
            InnerHandler = scripted,
            RateLimiter = RequestRateLimiter.PerSecond(1000, 1000),
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) },
        });
        return new IdcSession(connection, new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" })
        {
            Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(5) },
        };
    }

    private static ScriptedHandler DescribedSet(ScriptedHandler scripted) => scripted
        .On("DescribePermissionSet", _ => new { PermissionSet = new { Name = "Data", PermissionSetArn = SetArn, SessionDuration = "PT2H", CreatedDate = 1700000000 } });

    [Fact]
    public async Task Reads_a_customer_managed_boundary_and_tags()
    {
        var scripted = DescribedSet(new ScriptedHandler())
            .On("GetPermissionsBoundaryForPermissionSet", _ => new { PermissionsBoundary = new { CustomerManagedPolicyReference = new { Name = "Limit", Path = "/guard/" } } })
            .On("ListTagsForResource", _ => new { Tags = new[] { new { Key = "Owner", Value = "data" } } });
        using var session = SessionOver(scripted);

        var set = await new PermissionSetReader(session).ReadAsync(SetArn, PermissionSetDetail.PermissionsBoundary | PermissionSetDetail.Tags, CancellationToken.None);

        Assert.Equal(new CustomerManagedPolicyName("Limit", "/guard/"), set.PermissionsBoundary!.CustomerManagedPolicy);
        Assert.Equal("data", set.Tags!["Owner"]);
        Assert.Equal("PT2H", set.SessionDuration);
        Assert.Null(set.ManagedPolicies);
    }

    [Fact]
    public async Task A_set_without_boundary_reads_as_none()
    {
        var scripted = DescribedSet(new ScriptedHandler())
            .On("GetPermissionsBoundaryForPermissionSet", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "No boundary"));
        using var session = SessionOver(scripted);
        var set = await new PermissionSetReader(session).ReadAsync(SetArn, PermissionSetDetail.PermissionsBoundary, CancellationToken.None);
        Assert.Null(set.PermissionsBoundary);
    }

    [Fact]
    public async Task An_update_replaces_the_boundary_and_makes_tags_equal()
    {
        var scripted = DescribedSet(new ScriptedHandler())
            .On("GetPermissionsBoundaryForPermissionSet", _ => new { PermissionsBoundary = new { ManagedPolicyArn = "arn:aws:iam::aws:policy/PowerUserAccess" } })
            .On("ListTagsForResource", _ => new { Tags = new[] { new { Key = "Owner", Value = "data" }, new { Key = "Old", Value = "x" } } })
            .On("PutPermissionsBoundaryToPermissionSet", _ => new { })
            .On("TagResource", _ => new { })
            .On("UntagResource", _ => new { });
        using var session = SessionOver(scripted);
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition
        {
            CustomerManagedPermissionsBoundary = "/guard/Limit",
            Tags = new Dictionary<string, string> { ["Owner"] = "platform" },
        }, forCreate: false);

        var plan = await new PermissionSetPlanner(session).PlanUpdateAsync(SetArn, spec, CancellationToken.None);
        await new PermissionSetWriter(session, NullOutputWriter.Instance).ApplyAsync(plan.Current!, plan.Changes, spec, CancellationToken.None);

        var put = scripted.Calls.Single(c => c.Operation == "PutPermissionsBoundaryToPermissionSet").Body;
        Assert.Equal("Limit", (string?)put["PermissionsBoundary"]!["CustomerManagedPolicyReference"]!["Name"]);
        Assert.Equal("/guard/", (string?)put["PermissionsBoundary"]!["CustomerManagedPolicyReference"]!["Path"]);
        Assert.Null(put["PermissionsBoundary"]!["ManagedPolicyArn"]);
        Assert.Equal("Old", (string?)scripted.Calls.Single(c => c.Operation == "UntagResource").Body["TagKeys"]![0]);
        var tagged = scripted.Calls.Single(c => c.Operation == "TagResource").Body["Tags"]!.AsArray();
        Assert.Equal("platform", (string?)Assert.Single(tagged)!["Value"]);
        Assert.Equal(0, scripted.CountOf("ListManagedPoliciesInPermissionSet")); // policies were not given, so not read
    }

    [Fact]
    public async Task A_new_set_sends_its_boundary_and_tags()
    {
        var scripted = new ScriptedHandler()
            .On("CreatePermissionSet", _ => new { PermissionSet = new { Name = "Bounded", PermissionSetArn = SetArn, SessionDuration = "PT1H" } })
            .On("PutPermissionsBoundaryToPermissionSet", _ => new { });
        using var session = SessionOver(scripted);
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition
            { Name = "Bounded", PermissionsBoundary = "PowerUserAccess", Tags = new Dictionary<string, string> { ["Team"] = "ops" } }, forCreate: true);

        var set = await new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(spec, CancellationToken.None);

        var create = scripted.Calls.Single(c => c.Operation == "CreatePermissionSet").Body;
        Assert.Equal("PT1H", (string?)create["SessionDuration"]);
        Assert.Equal("ops", (string?)create["Tags"]![0]!["Value"]);
        Assert.Equal("arn:aws:iam::aws:policy/PowerUserAccess",
            (string?)scripted.Calls.Single(c => c.Operation == "PutPermissionsBoundaryToPermissionSet").Body["PermissionsBoundary"]!["ManagedPolicyArn"]);
        Assert.Equal("PowerUserAccess", set.PermissionsBoundary!.ManagedPolicy!.Name);
    }

    [Fact]
    public async Task A_refused_boundary_rolls_back_the_create()
    {
        var scripted = new ScriptedHandler()
            .On("CreatePermissionSet", _ => new { PermissionSet = new { Name = "Bounded", PermissionSetArn = SetArn, SessionDuration = "PT1H" } })
            .On("PutPermissionsBoundaryToPermissionSet", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "Not allowed"))
            .On("DeletePermissionSet", _ => new { });
        using var session = SessionOver(scripted);
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { Name = "Bounded", PermissionsBoundary = "PowerUserAccess" }, forCreate: true);

        var e = await Assert.ThrowsAsync<PermissionSetWriteException>(() => new PermissionSetWriter(session, NullOutputWriter.Instance).CreateAsync(spec, CancellationToken.None));

        Assert.StartsWith("set the permissions boundary", e.FailedStep);
        Assert.IsType<AwsAccessDeniedException>(e.InnerException);
        Assert.Equal(SetArn, (string?)scripted.Calls.Single(c => c.Operation == "DeletePermissionSet").Body["PermissionSetArn"]);
    }

    [Fact]
    public async Task Provisioning_waits_per_account_and_reports_a_failure_with_its_reason()
    {
        var polls = 0;
        var scripted = new ScriptedHandler()
            .On("ProvisionPermissionSet", body => new
            {
                PermissionSetProvisioningStatus = new { Status = "IN_PROGRESS", RequestId = "req-" + (string?)body["TargetId"], AccountId = (string?)body["TargetId"], PermissionSetArn = SetArn },
            })
            .On("DescribePermissionSetProvisioningStatus", body =>
            {
                var id = (string)body["ProvisionPermissionSetRequestId"]!;
                var account = id["req-".Length..];
                if (Interlocked.Increment(ref polls) < 3)
                    return new { PermissionSetProvisioningStatus = new { Status = "IN_PROGRESS", RequestId = id, AccountId = account, PermissionSetArn = SetArn, FailureReason = (string?)null } };
                return account == "222222222222"
                    ? new { PermissionSetProvisioningStatus = new { Status = "FAILED", RequestId = id, AccountId = account, PermissionSetArn = SetArn, FailureReason = (string?)"Received a 404 status error: Policy DataLakeRead does not exist in account 222222222222" } }
                    : new { PermissionSetProvisioningStatus = new { Status = "SUCCEEDED", RequestId = id, AccountId = account, PermissionSetArn = SetArn, FailureReason = (string?)null } };
            });
        using var session = SessionOver(scripted);
        var progress = new RecordingOutput();

        var results = await new PermissionSetProvisioner(session, progress).ProvisionAsync("Data", SetArn, new[] { "111111111111", "222222222222" }, CancellationToken.None);

        Assert.Equal(new[] { "111111111111", "222222222222" }, results.Select(r => r.AccountId));
        Assert.True(results[0].Succeeded);
        Assert.True(results[1].Failed);
        Assert.Contains("DataLakeRead does not exist", results[1].FailureReason);
        Assert.All(scripted.Calls.Where(c => c.Operation == "ProvisionPermissionSet"), c => Assert.Equal("AWS_ACCOUNT", (string?)c.Body["TargetType"]));
        Assert.Contains(progress.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Outdated_accounts_are_listed_per_set_and_per_account()
    {
        var scripted = DescribedSet(new ScriptedHandler())
            .On("ListAccountsForProvisionedPermissionSet", body => new
            {
                AccountIds = (string?)body["ProvisioningStatus"] == "LATEST_PERMISSION_SET_NOT_PROVISIONED" ? new[] { "222222222222" } : new[] { "111111111111", "222222222222" },
            })
            .On("ListPermissionSetsProvisionedToAccount", body => new
            {
                PermissionSets = (string?)body["ProvisioningStatus"] == "LATEST_PERMISSION_SET_NOT_PROVISIONED" ? new[] { SetArn } : Array.Empty<string>(),
            });
        using var session = SessionOver(scripted);
        var report = new PermissionSetProvisioningReport(session);

        var outdated = await Collect(report.ForPermissionSetAsync(SetArn, includeCurrent: false, CancellationToken.None));
        var all = await Collect(report.ForPermissionSetAsync(SetArn, includeCurrent: true, CancellationToken.None));
        var byAccount = await Collect(report.ForAccountAsync("222222222222", includeCurrent: false, CancellationToken.None));

        var entry = Assert.Single(outdated);
        Assert.Equal(("Data", "222222222222", true), (entry.Name, entry.AccountId, entry.IsOutdated));
        Assert.Equal(new[] { ("222222222222", true), ("111111111111", false) }, all.Select(a => (a.AccountId, a.IsOutdated)));
        Assert.Equal(SetArn, Assert.Single(byAccount).PermissionSetArn);

        var read = await new PermissionSetReader(session).ReadAsync(SetArn, PermissionSetDetail.Provisioning, CancellationToken.None);
        Assert.Equal(new[] { "222222222222" }, read.OutdatedAccounts);
        Assert.Equal(2, read.ProvisionedAccounts!.Count);
    }

    [Fact]
    public async Task Failed_provisioning_requests_are_described_with_their_reason()
    {
        var scripted = DescribedSet(new ScriptedHandler())
            .On("ListPermissionSetProvisioningStatus", _ => new { PermissionSetsProvisioningStatus = new[] { new { RequestId = "r-1", Status = "FAILED" } } })
            .On("DescribePermissionSetProvisioningStatus", _ => new
            {
                PermissionSetProvisioningStatus = new { Status = "FAILED", RequestId = "r-1", AccountId = "333333333333", PermissionSetArn = SetArn, FailureReason = "Customer managed policy missing" },
            });
        using var session = SessionOver(scripted);

        var failed = await Collect(new PermissionSetProvisioningReport(session).RequestsAsync(ProvisioningRequestStatus.Failed, CancellationToken.None));

        var result = Assert.Single(failed);
        Assert.Equal(("Data", "333333333333", "Customer managed policy missing"), (result.Name, result.AccountId, result.FailureReason));
        Assert.Equal("FAILED", (string?)scripted.Calls.Single(c => c.Operation == "ListPermissionSetProvisioningStatus").Body["Filter"]!["Status"]);
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    private sealed class RecordingOutput : IOutputWriter
    {
        public List<ProgressReport> Progress { get; } = new();
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteDebug(string message) { }
        public void WriteProgress(ProgressReport progress) { lock (Progress) Progress.Add(progress); }
    }
}
