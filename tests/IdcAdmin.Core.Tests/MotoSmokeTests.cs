using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests;

/// <summary>The real signed HTTP path against moto: discovery, one call per service, typed not-found errors.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoSmokeTests
{
    private readonly MotoServer _moto;
    public MotoSmokeTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task Connect_discovers_the_instance_and_its_identity_store()
    {
        using var session = await _moto.SessionAsync("eu-west-1");
        Assert.StartsWith("arn:aws:sso:::instance/", session.InstanceArn);
        Assert.False(string.IsNullOrEmpty(session.IdentityStoreId));
        Assert.Equal($"https://{session.IdentityStoreId}.awsapps.com/start", session.Instance.AccessPortalUrl);
        Assert.Equal("eu-west-1", session.Instance.Region);
    }

    [Fact]
    public async Task Each_service_round_trips_typed_results()
    {
        using var session = await _moto.SessionAsync();
        var c = session.Connection;
        var name = "smoke-" + Guid.NewGuid().ToString("N")[..8];

        var user = await c.IdentityStore.CreateUserAsync(new CreateUserRequest
        {
            IdentityStoreId = session.IdentityStoreId, UserName = name, DisplayName = "Smoke Test",
            Name = new Name { GivenName = "Smoke", FamilyName = "Test" },
        });
        var described = await c.IdentityStore.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = session.IdentityStoreId, UserId = user.UserId });
        Assert.Equal(name, described.UserName);
        Assert.Equal("Smoke", described.Name!.GivenName);

        var ps = await c.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = name, SessionDuration = "PT2H" });
        Assert.Equal(name, ps.PermissionSet!.Name);
        Assert.Equal("PT2H", ps.PermissionSet.SessionDuration);
        Assert.NotNull(ps.PermissionSet.CreatedDate);

        try { await c.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); } catch (AwsServiceException) { /* already exists */ }
        var org = await c.Organizations.DescribeOrganizationAsync(new DescribeOrganizationRequest());
        Assert.StartsWith("o-", org.Organization!.Id);
    }

    [Fact]
    public async Task Unknown_id_gives_the_typed_not_found_error_with_AWS_message()
    {
        using var session = await _moto.SessionAsync();
        var e = await Assert.ThrowsAsync<AwsNotFoundException>(() => session.Connection.IdentityStore.DescribeUserAsync(
            new DescribeUserRequest { IdentityStoreId = session.IdentityStoreId, UserId = Guid.NewGuid().ToString() }));
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(e.AwsMessage));
        Assert.Contains(e.AwsMessage, e.Message);
    }

    [Fact]
    public async Task An_operation_moto_lacks_fails_at_once_with_the_typed_unexpected_response_error()
    {
        var recording = new RecordingHandler();
        using var session = await _moto.SessionAsync("us-east-1", recording);
        recording.Clear();
        var e = await Assert.ThrowsAsync<AwsUnexpectedResponseException>(() => session.Connection.IdentityStore.UpdateUserAsync(new UpdateUserRequest
        {
            IdentityStoreId = session.IdentityStoreId, UserId = Guid.NewGuid().ToString(),
            Operations = new() { new AttributeOperation { AttributePath = "displayName", AttributeValue = "x" } },
        }));
        Assert.Equal(new[] { "UpdateUser" }, recording.Operations);
        Assert.Equal("text/html", e.ContentType);
        Assert.Contains("may not implement UpdateUser", e.Message);
    }
}
