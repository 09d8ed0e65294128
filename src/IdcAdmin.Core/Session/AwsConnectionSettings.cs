using System.Net.Http;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Session;

/// <summary>What Connect-IdcInstance was told: everything optional, resolved like the AWS CLI.</summary>
public sealed class AwsConnectionSettings
{
    public string? ProfileName { get; set; }
    public string? Region { get; set; }
    public string? EndpointUrl { get; set; }
    /// <summary>Credentials given directly (tests, or an already resolved AWSCredentials object).</summary>
    public AWSCredentials? Credentials { get; set; }
    public HttpMessageHandler? InnerHandler { get; set; }
    public double RequestsPerSecond { get; set; } = RequestRateLimiter.DefaultRequestsPerSecond;
    public RequestRateLimiter? RateLimiter { get; set; }
    public AwsRetryOptions? Retry { get; set; }
    public IAwsCallLog? Log { get; set; }
}
