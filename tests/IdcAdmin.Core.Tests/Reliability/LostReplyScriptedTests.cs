using System.Text.RegularExpressions;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Reliability;

/// <summary>
/// The writes moto does not implement, against a scripted backend that applies each request, with the first reply
/// lost; and the list of lost-reply cases checked against every write the engine's source sends and the docs.
/// </summary>
public sealed class LostReplyScriptedTests
{
    private const string InstanceArn = "arn:aws:sso:::instance/ssoins-1111222233334444";
    private const string SetArn = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaabbbbccccdddd";

    public static readonly string[] ScriptedOperations = { "UpdateUser", "UpdateGroup", "ProvisionPermissionSet", "CreateInstance" };

    private static IdcSession SessionOver(HttpMessageHandler handler)
    {
        var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", ScriptedConnection.Options(handler, new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }));
        return new IdcSession(connection, new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = ScriptedIdentity.StoreId, Region = "us-east-1" })
        {
            Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(5) },
        };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_user_update_whose_reply_is_lost_is_sent_again_and_ends_as_asked(bool serverError)
    {
        var title = "Engineer";
        var scripted = new ScriptedHandler()
            .On("GetUserId", _ => new { IdentityStoreId = ScriptedIdentity.StoreId, ScriptedIdentity.UserId })
            .On("DescribeUser", _ => new { IdentityStoreId = ScriptedIdentity.StoreId, ScriptedIdentity.UserId, UserName = "alice", Title = title })
            .On("UpdateUser", body => { title = (string)body["Operations"]![0]!["AttributeValue"]!; return new { }; });
        var faults = Lose(scripted, "UpdateUser", serverError);
        using var session = SessionOver(faults);
        var users = new UserService(session);

        var updated = await users.UpdateAsync(await users.PlanUpdateAsync("alice", new UserDefinition { Title = "Architect" }, Array.Empty<string>(), CancellationToken.None), CancellationToken.None);

        Assert.Equal("Architect", updated.Title);
        Assert.Equal(1, faults.AppliedThenLost);
        Assert.Equal(2, scripted.CountOf("UpdateUser")); // setting an attribute twice leaves it as set once
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_group_update_whose_reply_is_lost_is_sent_again_and_ends_as_asked(bool serverError)
    {
        var description = "old";
        var scripted = new ScriptedHandler()
            .On("GetGroupId", _ => new { IdentityStoreId = ScriptedIdentity.StoreId, ScriptedIdentity.GroupId })
            .On("DescribeGroup", _ => new { IdentityStoreId = ScriptedIdentity.StoreId, ScriptedIdentity.GroupId, DisplayName = "Admins", Description = description })
            .On("UpdateGroup", body => { description = (string)body["Operations"]![0]!["AttributeValue"]!; return new { }; });
        var faults = Lose(scripted, "UpdateGroup", serverError);
        using var session = SessionOver(faults);
        var groups = new GroupService(session);

        var updated = await groups.UpdateAsync(await groups.PlanUpdateAsync("Admins", null, "new", false, CancellationToken.None), CancellationToken.None);

        Assert.Equal("new", updated.Description);
        Assert.Equal(1, faults.AppliedThenLost);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_provisioning_whose_reply_is_lost_is_requested_again_and_succeeds(bool serverError)
    {
        var scripted = new ScriptedHandler().On("ProvisionPermissionSet", body => new
        {
            PermissionSetProvisioningStatus = new { Status = "SUCCEEDED", RequestId = Guid.NewGuid().ToString(), AccountId = (string?)body["TargetId"], PermissionSetArn = SetArn },
        });
        var faults = Lose(scripted, "ProvisionPermissionSet", serverError);
        using var session = SessionOver(faults);

        var results = await new PermissionSetProvisioner(session, NullOutputWriter.Instance).ProvisionAsync("Data", SetArn, new[] { "111111111111" }, CancellationToken.None);

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal(1, faults.AppliedThenLost);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_instance_create_whose_reply_is_lost_is_repeated_with_its_token_and_makes_one_instance(bool serverError)
    {
        var instances = new Dictionary<string, string>();
        var scripted = new ScriptedHandler()
            .On("CreateInstance", body =>
            {
                // AWS's idempotency: the same client token gives the same instance.
                var token = (string)body["ClientToken"]!;
                lock (instances) if (!instances.ContainsKey(token)) instances[token] = $"arn:aws:sso:::instance/ssoins-{instances.Count + 1:D16}";
                return new { InstanceArn = instances[token] };
            })
            .On("DescribeInstance", body => new { InstanceArn = (string)body["InstanceArn"]!, Status = "ACTIVE", IdentityStoreId = "d-1234567890" })
            .On("ListInstances", _ => new { Instances = instances.Values.Select(a => new { InstanceArn = a, IdentityStoreId = "d-1234567890", Status = "ACTIVE" }).ToArray() });
        var faults = Lose(scripted, "CreateInstance", serverError);
        using var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", ScriptedConnection.Options(faults, new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }));

        using var session = await AccountInstanceCreator.CreateAsync(connection, "standalone", new PollOptions { Interval = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);

        Assert.Single(instances);
        Assert.Equal(2, scripted.CountOf("CreateInstance"));
        Assert.Equal(1, faults.AppliedThenLost);
    }

    private static FaultInjectingHandler Lose(HttpMessageHandler backend, string operation, bool serverError)
    {
        var faults = new FaultInjectingHandler(backend);
        (serverError ? faults.ServerErrorAfterApply : faults.DropReplyAfterApply).Add(operation);
        return faults;
    }

    /// <summary>The write operations the engine's source sends: client calls whose operation changes state.</summary>
    private static SortedSet<string> WritesInSource()
    {
        var operations = Conformance.ExposedOperations.All().Select(o => o.Name).Where(RecordingHandler.IsWrite).ToHashSet();
        var sent = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "src", "IdcAdmin.Core"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".g.cs", StringComparison.Ordinal) || file.Contains(".Once.")) continue;
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\.(\w+)Async\("))
                if (operations.Contains(m.Groups[1].Value)) sent.Add(m.Groups[1].Value);
        }
        return sent;
    }

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IdcAdmin.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
        }
    }

    [Fact]
    public void Every_write_the_engine_sends_has_a_lost_reply_test_and_a_line_in_the_reliability_notes()
    {
        var sent = WritesInSource();
        var tested = new SortedSet<string>(LostReplyMotoTests.MotoOperations.Concat(ScriptedOperations), StringComparer.Ordinal);
        var documented = new SortedSet<string>(Regex.Matches(File.ReadAllText(Path.Combine(RepoRoot, "docs", "reliability.md")), @"^\| `(\w+)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value), StringComparer.Ordinal);

        Assert.True(sent.Count >= 20, $"only {sent.Count} writes found in the source: {string.Join(", ", sent)}");
        Assert.Equal(sent, tested);
        Assert.Equal(sent, documented);
    }
}
