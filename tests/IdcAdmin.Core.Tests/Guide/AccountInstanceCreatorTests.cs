using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Guide;

/// <summary>CreateInstance is not in moto: the account-instance path is proven against a scripted sso-admin.</summary>
public sealed class AccountInstanceCreatorTests
{
    private const string Arn = "arn:aws:sso:::instance/ssoins-1111222233334444";
    private static readonly PollOptions FastPolling = new() { Interval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(2), Timeout = TimeSpan.FromSeconds(5) };

    private static AwsConnection Connect(ScriptedHandler scripted) => new(MotoServer.TestCredentials, "eu-west-1", new AwsTransportOptions
    {
        EndpointUrl = "http://127.0.0.1:1",
        InnerHandler = scripted,
        RateLimiter = RequestRateLimiter.PerSecond(1000, 1000),
        Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 },
    });

    [Fact]
    public async Task Creates_the_instance_waits_until_active_and_connects_to_it()
    {
        var polls = 0;
        var scripted = new ScriptedHandler()
            .On("CreateInstance", _ => new { InstanceArn = Arn })
            .On("DescribeInstance", _ => new { InstanceArn = Arn, Status = ++polls < 3 ? "CREATE_IN_PROGRESS" : "ACTIVE", IdentityStoreId = "d-1234567890" })
            .On("ListInstances", _ => new { Instances = new[] { new { InstanceArn = Arn, IdentityStoreId = "d-1234567890", OwnerAccountId = "111122223333", Status = "ACTIVE" } } });
        using var connection = Connect(scripted);

        using var session = await AccountInstanceCreator.CreateAsync(connection, "standalone", FastPolling, CancellationToken.None);

        Assert.Equal(Arn, session.InstanceArn);
        Assert.Equal("d-1234567890", session.IdentityStoreId);
        Assert.Equal(3, scripted.CountOf("DescribeInstance"));
        var create = scripted.Calls.Single(c => c.Operation == "CreateInstance").Body;
        Assert.Equal("standalone", (string?)create["Name"]);
        Assert.True(Guid.TryParse((string?)create["ClientToken"], out _), "an idempotency token makes a retried create safe");
    }

    [Fact]
    public async Task A_refused_create_in_a_management_account_says_to_use_the_console()
    {
        var scripted = new ScriptedHandler().On("CreateInstance", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ValidationException",
            "Instance creation is not allowed in the organization management account"));
        using var connection = Connect(scripted);

        var e = await Assert.ThrowsAsync<IdcConnectException>(() => AccountInstanceCreator.CreateAsync(connection, null, FastPolling, CancellationToken.None));

        Assert.Equal(IdcConnectError.NotEnabled, e.Error);
        Assert.Contains("management account", e.Message);
        Assert.Contains("IAM Identity Center console", e.Message);
        Assert.Equal(0, scripted.CountOf("DescribeInstance"));
    }

    [Fact]
    public async Task A_failed_creation_reports_AWS_reason()
    {
        var scripted = new ScriptedHandler()
            .On("CreateInstance", _ => new { InstanceArn = Arn })
            .On("DescribeInstance", _ => new { InstanceArn = Arn, Status = "CREATE_FAILED", StatusReason = "KMS key not usable" });
        using var connection = Connect(scripted);

        var e = await Assert.ThrowsAsync<IdcConnectException>(() => AccountInstanceCreator.CreateAsync(connection, null, FastPolling, CancellationToken.None));

        Assert.Contains("KMS key not usable", e.Message);
    }
}
