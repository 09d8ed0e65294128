using System.Net.Http;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Session;

/// <summary>What Connect-IdcInstance was told: everything optional, resolved like the AWS CLI.</summary>
public sealed class AwsConnectionSettings
{
    public string? ProfileName { get; set; }
    /// <summary>A credentials file other than the default (AWS.Tools' -ProfileLocation).</summary>
    public string? ProfileLocation { get; set; }
    public string? Region { get; set; }
    public string? EndpointUrl { get; set; }
    /// <summary>Credentials given directly (tests, or an already resolved AWSCredentials object).</summary>
    public AWSCredentials? Credentials { get; set; }
    /// <summary>Credentials given as an object of any AWSSDK.Core copy (AWS.Tools' -Credential), read by its shape.</summary>
    public object? ForeignCredentials { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string? SessionToken { get; set; }
    /// <summary>
    /// Lets an SSO profile sign in when it has no valid token (-Login): told the verification URL and the user code.
    /// </summary>
    public System.Action<string, string>? SsoLogin { get; set; }
    public HttpMessageHandler? InnerHandler { get; set; }
    /// <summary>Who the credentials are, when the backend already says (the sandbox): no sts:GetCallerIdentity call.</summary>
    public CallerIdentity? KnownCaller { get; set; }
    /// <summary>Identity Center's request budget per account, which -RequestsPerSecond defaults to.</summary>
    public const double DefaultRequestsPerSecond = RequestRateLimiter.DefaultRequestsPerSecond;
    public double RequestsPerSecond { get; set; } = DefaultRequestsPerSecond;
    public RequestRateLimiter? RateLimiter { get; set; }
    public AwsRetryOptions? Retry { get; set; }
    public IAwsCallLog? Log { get; set; }
}
