using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Credentials and region resolved as the AWS CLI does, from temporary config files and variables.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialResolutionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idc-aws-config-").FullName;
    private readonly EnvironmentScope _env = new();

    public CredentialResolutionTests()
    {
        // The regions are in the credentials file too: AWSSDK.Core reads AWS_CONFIG_FILE's path once per process,
        // so a config file named by a later test would not be read.
        File.WriteAllText(Path.Combine(_folder, "config"), """
            [default]
            region = ap-northeast-1

            [profile idc-test]
            region = eu-central-1
            """);
        WriteCredentials(defaultRegion: "ap-northeast-1");
        _env.Set("AWS_CONFIG_FILE", Path.Combine(_folder, "config"))
            .Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_folder, "credentials"))
            .Set("AWS_PROFILE", null).Set("AWS_DEFAULT_PROFILE", null)
            .Set("AWS_REGION", null).Set("AWS_DEFAULT_REGION", null)
            .Set("AWS_ACCESS_KEY_ID", null).Set("AWS_SECRET_ACCESS_KEY", null).Set("AWS_SESSION_TOKEN", null)
            .Set("AWS_EC2_METADATA_DISABLED", "true");
    }

    private void WriteCredentials(string? defaultRegion) =>
        File.WriteAllText(Path.Combine(_folder, "credentials"), $"""
            [default]
            aws_access_key_id = AKIDDEFAULTPROFILE
            aws_secret_access_key = default-secret
            {(defaultRegion == null ? "" : "region = " + defaultRegion)}

            [idc-test]
            aws_access_key_id = AKIDIDCTESTPROFILE
            aws_secret_access_key = idc-test-secret
            region = eu-central-1

            [no-region]
            aws_access_key_id = AKIDNOREGION
            aws_secret_access_key = no-region-secret
            """);

    public void Dispose()
    {
        _env.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_static_keys_profile_is_resolved_by_name()
    {
        var credentials = AwsCredentialResolver.ResolveCredentials("idc-test").GetCredentials();
        Assert.Equal("AKIDIDCTESTPROFILE", credentials.AccessKey);
        Assert.Equal("idc-test-secret", credentials.SecretKey);
    }

    [Fact]
    public void Without_a_profile_name_environment_keys_come_first()
    {
        _env.Set("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT").Set("AWS_SECRET_ACCESS_KEY", "env-secret");
        Assert.Equal("AKIDFROMENVIRONMENT", AwsCredentialResolver.ResolveCredentials(null).GetCredentials().AccessKey);
    }

    [Fact]
    public void Without_a_profile_name_or_keys_the_default_profile_is_used()
    {
        Assert.Equal("AKIDDEFAULTPROFILE", AwsCredentialResolver.ResolveCredentials(null).GetCredentials().AccessKey);
    }

    [Fact]
    public void An_unknown_profile_is_a_configuration_error_naming_it()
    {
        var e = Assert.Throws<AwsConfigurationException>(() => AwsCredentialResolver.ResolveCredentials("no-such-profile-7f3a"));
        Assert.Contains("'no-such-profile-7f3a'", e.Message);
    }

    [Fact]
    public void An_explicit_region_wins()
    {
        _env.Set("AWS_REGION", "us-west-2");
        Assert.Equal("sa-east-1", AwsCredentialResolver.ResolveRegion(" sa-east-1 ", "idc-test"));
    }

    [Fact]
    public void The_named_profile_gives_its_region()
    {
        Assert.Equal("eu-central-1", AwsCredentialResolver.ResolveRegion(null, "idc-test"));
    }

    [Fact]
    public void AWS_REGION_is_used_when_no_region_is_given()
    {
        _env.Set("AWS_REGION", "us-west-2");
        Assert.Equal("us-west-2", AwsCredentialResolver.ResolveRegion(null, null));
        Assert.Equal("us-west-2", AwsCredentialResolver.ResolveRegion(null, "no-region"));
    }

    [Fact]
    public void A_changed_AWS_REGION_is_seen_by_the_next_connection()
    {
        _env.Set("AWS_REGION", "us-west-2");
        Assert.Equal("us-west-2", AwsCredentialResolver.ResolveRegion(null, null));
        _env.Set("AWS_REGION", "eu-north-1");
        Assert.Equal("eu-north-1", AwsCredentialResolver.ResolveRegion(null, null));
    }

    [Fact]
    public void AWS_PROFILE_chooses_the_profile_when_no_name_is_given()
    {
        _env.Set("AWS_PROFILE", "idc-test");
        Assert.Equal("AKIDIDCTESTPROFILE", AwsCredentialResolver.ResolveCredentials(null).GetCredentials().AccessKey);
        Assert.Equal("eu-central-1", AwsCredentialResolver.ResolveRegion(null, null));
    }

    [Fact]
    public void A_missing_AWS_PROFILE_profile_is_named_in_the_error()
    {
        _env.Set("AWS_PROFILE", "gone-profile-19c2");
        Assert.Contains("'gone-profile-19c2'", Assert.Throws<AwsConfigurationException>(() => AwsCredentialResolver.ResolveCredentials(null)).Message);
    }

    [Fact]
    public void The_default_profile_region_is_the_last_resort()
    {
        Assert.Equal("ap-northeast-1", AwsCredentialResolver.ResolveRegion(null, null));
    }

    [Fact]
    public void No_region_anywhere_gives_a_clear_message()
    {
        WriteCredentials(defaultRegion: null);
        var e = Assert.Throws<AwsConfigurationException>(() => AwsCredentialResolver.ResolveRegion(null, null));
        Assert.Contains("No AWS region", e.Message);
        Assert.Contains("-Region", e.Message);
        Assert.Contains("AWS_REGION", e.Message);
    }

    [Fact]
    public void A_named_profile_without_a_region_does_not_borrow_the_default_profiles()
    {
        var e = Assert.Throws<AwsConfigurationException>(() => AwsCredentialResolver.ResolveRegion(null, "no-region"));
        Assert.Contains("You must specify a region", e.Message);
        Assert.Contains("'no-region'", e.Message);
        Assert.Contains("AWS_REGION", e.Message);
    }

    [Fact]
    public void AWS_REGION_overrides_the_profiles_region_as_in_the_AWS_CLI()
    {
        _env.Set("AWS_REGION", "us-west-2");
        Assert.Equal("us-west-2", AwsCredentialResolver.ResolveRegion(null, "idc-test"));
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_used_after_AWS_REGION()
    {
        _env.Set("AWS_DEFAULT_REGION", "ca-central-1");
        Assert.Equal("ca-central-1", AwsCredentialResolver.ResolveRegion(null, "no-region"));
        _env.Set("AWS_REGION", "us-west-2");
        Assert.Equal("us-west-2", AwsCredentialResolver.ResolveRegion(null, "no-region"));
    }

    [Theory]
    [InlineData("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc")]
    [InlineData("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/credentials")]
    public void A_region_only_default_profile_leaves_the_credentials_to_the_container(string variable, string value)
    {
        File.WriteAllText(Path.Combine(_folder, "credentials"), "[other]\naws_access_key_id = A\naws_secret_access_key = B\n");
        _env.Set(variable, value);

        var resolved = AwsCredentialResolver.Resolve(null);

        Assert.IsType<GenericContainerCredentials>(resolved.Credentials);
        Assert.Equal("container credentials", resolved.Source);
    }

    [Fact]
    public void A_named_profile_without_credentials_leaves_them_to_the_container()
    {
        _env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/credentials");
        File.AppendAllText(Path.Combine(_folder, "credentials"), "\n[region-only]\nregion = eu-west-3\n");

        var resolved = AwsCredentialResolver.Resolve("region-only");

        Assert.IsType<GenericContainerCredentials>(resolved.Credentials);
        Assert.Equal("region-only", resolved.ProfileName);
    }

    [Fact]
    public void A_profile_without_credentials_and_no_role_says_so()
    {
        File.AppendAllText(Path.Combine(_folder, "credentials"), "\n[region-only]\nregion = eu-west-3\n");
        var e = Assert.Throws<AwsConfigurationException>(() => AwsCredentialResolver.Resolve("region-only"));
        Assert.Contains("'region-only' has no credentials", e.Message);
    }

    [Fact]
    public void ProfileLocation_names_the_credentials_file_to_read()
    {
        var elsewhere = Path.Combine(_folder, "elsewhere");
        File.WriteAllText(elsewhere, "[there]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = s\nregion = eu-south-1\n");

        Assert.Equal("AKIDELSEWHERE", AwsCredentialResolver.ResolveCredentials("there", elsewhere).GetCredentials().AccessKey);
        Assert.Equal("eu-south-1", AwsCredentialResolver.ResolveRegion(null, "there", elsewhere));
    }

    [Fact]
    public void A_missing_ProfileLocation_file_is_named_in_the_error() =>
        Assert.Contains("nowhere-4d1", Assert.Throws<AwsConfigurationException>(
            () => AwsCredentialResolver.Resolve("x", Path.Combine(_folder, "nowhere-4d1"))).Message);

    [Fact]
    public void The_source_says_which_profile_and_kind()
    {
        Assert.Equal("profile 'idc-test' (static keys)", AwsCredentialResolver.Resolve("idc-test").Source);
        _env.Set("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT").Set("AWS_SECRET_ACCESS_KEY", "env-secret");
        Assert.StartsWith("environment variables", AwsCredentialResolver.Resolve(null).Source);
    }

    [Fact]
    public void A_connection_created_from_settings_uses_the_profile_and_its_region()
    {
        using var connection = Session.AwsConnection.Create(new Session.AwsConnectionSettings { ProfileName = "idc-test", EndpointUrl = ScriptedConnection.Endpoint });
        Assert.Equal("eu-central-1", connection.Region);
    }
}
