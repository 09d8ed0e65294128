using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Endpoints a profile configures (endpoint_url, services section) and the AWS CLI's order among them.</summary>
public sealed class ConfiguredEndpointTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    private static AwsConfiguredEndpoints Config(bool ignore = false, string? profile = "http://profile:1", string? ssoAdmin = "http://section:2") =>
        new(ignore, profile, ssoAdmin == null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["sso_admin"] = ssoAdmin });

    [Fact]
    public void The_services_section_wins_over_the_profiles_endpoint_url()
    {
        Assert.Equal(new Uri("http://section:2/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "us-east-1", null, Env(), Config()));
        Assert.Equal(new Uri("http://profile:1/"), AwsEndpointResolver.Resolve(AwsService.IdentityStore, "us-east-1", null, Env(), Config()));
    }

    [Fact]
    public void The_variables_win_over_the_config_file()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://global:3"));
        Assert.Equal(new Uri("http://global:3/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "us-east-1", null, env, Config()));
    }

    [Fact]
    public void Ignoring_configured_endpoints_drops_variables_and_config_but_not_an_explicit_endpoint()
    {
        var env = Env(("AWS_ENDPOINT_URL_SSO_ADMIN", "http://service:4"), ("AWS_ENDPOINT_URL", "http://global:3"));
        Assert.Equal(new Uri("https://sso.eu-west-1.amazonaws.com/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "eu-west-1", null, env, Config(ignore: true)));
        Assert.Equal(new Uri("http://explicit:5/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "eu-west-1", "http://explicit:5", env, Config(ignore: true)));
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_turns_on_ignoring()
    {
        Assert.True(AwsConfiguredEndpoints.For(null, Env(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")), null).Ignore);
        Assert.False(AwsConfiguredEndpoints.For(null, Env(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false")), null).Ignore);
        Assert.False(AwsConfiguredEndpoints.For(null, Env(), null).Ignore);
    }

    [Theory]
    [InlineData("sso-admin", "sso_admin")]
    [InlineData("identitystore", "identitystore")]
    [InlineData("organizations", "organizations")]
    [InlineData("sts", "sts")]
    public void Each_service_has_its_config_file_key(string id, string key) =>
        Assert.Equal(key, new[] { AwsService.SsoAdmin, AwsService.IdentityStore, AwsService.Organizations, AwsService.Sts }.Single(s => s.Id == id).ConfigKey);

    [Fact]
    public void A_services_section_is_read_with_its_nested_settings_only_for_its_name()
    {
        var lines = """
            [profile x]
            services = local
            [services other]
            sso_admin =
              endpoint_url = http://other:1
            [services local]
            # a comment
            sso_admin =
              endpoint_url = http://local:2
              other_setting = 1
            identitystore =
              endpoint_url = http://local:3
            organizations = not-nested
            [profile y]
            """.Split('\n');

        var endpoints = AwsConfiguredEndpoints.ReadServicesSection(lines, "local");

        Assert.Equal("http://local:2", endpoints["sso_admin"]);
        Assert.Equal("http://local:3", endpoints["identitystore"]);
        Assert.False(endpoints.ContainsKey("organizations"));
        Assert.Equal(2, endpoints.Count);
    }
}
