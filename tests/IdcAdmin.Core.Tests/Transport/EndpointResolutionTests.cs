using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Which URL each service is called at and which region it is signed for.</summary>
public sealed class EndpointResolutionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void An_explicit_endpoint_wins_over_both_variables()
    {
        var env = Env(("AWS_ENDPOINT_URL_SSO_ADMIN", "http://service:1"), ("AWS_ENDPOINT_URL", "http://global:2"));
        Assert.Equal(new Uri("http://explicit:3/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "us-east-1", "http://explicit:3", env));
    }

    [Fact]
    public void The_service_variable_wins_over_the_global_one()
    {
        var env = Env(("AWS_ENDPOINT_URL_IDENTITYSTORE", "http://service:1"), ("AWS_ENDPOINT_URL", "http://global:2"));
        Assert.Equal(new Uri("http://service:1/"), AwsEndpointResolver.Resolve(AwsService.IdentityStore, "us-east-1", null, env));
        Assert.Equal(new Uri("http://global:2/"), AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "us-east-1", null, env));
        Assert.Equal(new Uri("http://global:2/"), AwsEndpointResolver.Resolve(AwsService.Organizations, "us-east-1", "  ", env));
    }

    [Theory]
    [InlineData("sso-admin", "eu-west-1", "https://sso.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("identitystore", "ap-southeast-2", "https://identitystore.ap-southeast-2.amazonaws.com/", "ap-southeast-2")]
    [InlineData("organizations", "eu-west-1", "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("sso-admin", "cn-north-1", "https://sso.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("organizations", "cn-north-1", "https://organizations.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("identitystore", "us-gov-east-1", "https://identitystore.us-gov-east-1.amazonaws.com/", "us-gov-east-1")]
    [InlineData("organizations", "us-gov-east-1", "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("organizations", "us-iso-west-1", "https://organizations.us-iso-east-1.c2s.ic.gov/", "us-iso-east-1")]
    [InlineData("sso-admin", "us-isob-east-1", "https://sso.us-isob-east-1.sc2s.sgov.gov/", "us-isob-east-1")]
    public void AWS_own_endpoints_by_partition(string serviceId, string region, string url, string signingRegion)
    {
        var service = ExposedServices.Single(s => s.Id == serviceId);
        Assert.Equal(new Uri(url), AwsEndpointResolver.Resolve(service, region, null, Env()));
        Assert.Equal(signingRegion, AwsEndpointResolver.SigningRegion(service, region));
    }

    private static readonly AwsService[] ExposedServices = { AwsService.SsoAdmin, AwsService.IdentityStore, AwsService.Organizations };

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    [InlineData("/relative/path")]
    public void An_invalid_endpoint_is_a_clear_configuration_error(string url)
    {
        var e = Assert.Throws<AwsConfigurationException>(() => AwsEndpointResolver.Resolve(AwsService.SsoAdmin, "us-east-1", url, Env()));
        Assert.Contains(url, e.Message);
        Assert.Contains("sso-admin", e.Message);
    }

    [Fact]
    public void An_invalid_variable_names_the_value_too()
    {
        var e = Assert.Throws<AwsConfigurationException>(() =>
            AwsEndpointResolver.Resolve(AwsService.Organizations, "us-east-1", null, Env(("AWS_ENDPOINT_URL_ORGANIZATIONS", "localhost:5000"))));
        Assert.Contains("localhost:5000", e.Message);
    }

    [Fact]
    public async Task Organizations_is_signed_for_us_east_1_whatever_the_session_region()
    {
        string? authorization = null;
        var backend = new ScriptedHandler().On("DescribeOrganization", _ => new { });
        var capture = new HeaderCapturingHandler(backend, r => authorization = r.Headers.GetValues("Authorization").First());
        using var connection = ScriptedConnection.Connect(capture, region: "eu-central-1");
        await connection.Organizations.DescribeOrganizationAsync(new Organizations.Model.DescribeOrganizationRequest());
        Assert.Contains("/us-east-1/organizations/aws4_request", authorization);
    }
}
