using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Credentials given on the command line: keys, or an AWSCredentials object of another AWSSDK.Core copy.</summary>
public sealed class ExplicitCredentialsTests
{
    /// <summary>Shaped like AWSCredentials of another AWSSDK.Core: GetCredentials() returns an object with the keys.</summary>
    private sealed class OtherSdkCredentials
    {
        public int Calls;
        public OtherImmutable GetCredentials() { Calls++; return new OtherImmutable { AccessKey = "AKIDOTHER" + Calls, SecretKey = "other-secret", Token = "other-token" }; }
    }

    private sealed class OtherImmutable
    {
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? Token { get; set; }
    }

    [Fact]
    public void A_foreign_credentials_object_is_read_by_its_shape_on_every_request()
    {
        var other = new OtherSdkCredentials();
        var credentials = ForeignAwsCredentials.From(other);

        var first = credentials.GetCredentials();
        var second = credentials.GetCredentials();

        Assert.Equal("other-secret", first.SecretKey);
        Assert.Equal("other-token", first.Token);
        Assert.NotEqual(first.AccessKey, second.AccessKey); // asked again: refreshing credentials stay fresh
    }

    [Fact]
    public void Immutable_credentials_with_keys_as_properties_are_taken_too() =>
        Assert.Equal("AKIDPLAIN", ForeignAwsCredentials.From(new OtherImmutable { AccessKey = "AKIDPLAIN", SecretKey = "s" }).GetCredentials().AccessKey);

    [Fact]
    public void Our_own_AWSCredentials_are_used_as_they_are()
    {
        var own = new BasicAWSCredentials("AKIDOWN", "s");
        Assert.Same(own, ForeignAwsCredentials.From(own));
    }

    [Fact]
    public void Something_that_is_not_credentials_is_refused_by_name() =>
        Assert.Contains("System.Uri", Assert.Throws<ArgumentException>(() => ForeignAwsCredentials.From(new Uri("http://x"))).Message);

    [Fact]
    public void Credentials_without_a_secret_are_refused_at_once() =>
        Assert.Throws<AwsConfigurationException>(() => ForeignAwsCredentials.From(new OtherImmutable { AccessKey = "AKIDPLAIN" }));

    [Fact]
    public void Access_key_secret_key_and_session_token_sign_with_a_session()
    {
        using var connection = AwsConnection.Create(new AwsConnectionSettings
        {
            AccessKey = "AKIDKEYS", SecretKey = "keys-secret", SessionToken = "keys-token", Region = "eu-west-1", EndpointUrl = ScriptedConnection.Endpoint,
        });
        var keys = connection.Credentials.GetCredentials();
        Assert.Equal(("AKIDKEYS", "keys-secret", "keys-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        Assert.Equal("-AccessKey and -SecretKey", connection.CredentialSource);
    }

    [Theory]
    [InlineData("AKID", null, null)]
    [InlineData(null, "secret", null)]
    [InlineData(null, null, "token")]
    public void Incomplete_keys_are_refused_before_any_call(string? accessKey, string? secretKey, string? token) =>
        Assert.Throws<AwsConfigurationException>(() => AwsConnection.Create(new AwsConnectionSettings
        {
            AccessKey = accessKey, SecretKey = secretKey, SessionToken = token, Region = "eu-west-1", EndpointUrl = ScriptedConnection.Endpoint,
        }));
}
