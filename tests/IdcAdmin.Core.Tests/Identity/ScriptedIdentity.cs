using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>A session over a ScriptedHandler, for the identity store operations moto does not implement.</summary>
internal static class ScriptedIdentity
{
    public const string StoreId = "d-1234567890";
    public const string UserId = "11111111-2222-3333-4444-555555555555";
    public const string GroupId = "66666666-7777-8888-9999-000000000000";

    public static IdcSession NewSession(ScriptedHandler scripted)
    {
        var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", new AwsTransportOptions
        {
            EndpointUrl = "http://127.0.0.1:1",
            InnerHandler = scripted,
            RateLimiter = RequestRateLimiter.PerSecond(1000, 1000),
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) },
        });
        var session = new IdcSession(connection, new IdcInstance
        {
            InstanceArn = "arn:aws:sso:::instance/ssoins-1234567890abcdef", IdentityStoreId = StoreId, Region = "us-east-1",
            AccessPortalUrl = $"https://{StoreId}.awsapps.com/start",
        });
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(10) };
        return session;
    }

    public static object Alice => new
    {
        IdentityStoreId = StoreId, UserId, UserName = "alice", DisplayName = "Alice Doe",
        Name = new { GivenName = "Alice", FamilyName = "Doe" },
        Emails = new[] { new { Value = "alice@example.com", Type = "work", Primary = true } },
        Title = "Engineer",
    };

    public static ScriptedResponse NotFound() => ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "not found");
}
