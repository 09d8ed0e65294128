using System.Net.Http;

namespace IdcAdmin.Core.Aws;

/// <summary>Settings one session's transports share.</summary>
public sealed class AwsTransportOptions
{
    /// <summary>An explicit endpoint for every service (a local emulator); otherwise AWS_ENDPOINT_URL* or AWS's own.</summary>
    public string? EndpointUrl { get; set; }
    /// <summary>Endpoints the shared config file's profile sets (endpoint_url, services section).</summary>
    public AwsConfiguredEndpoints? ConfiguredEndpoints { get; set; }
    /// <summary>The handler under the signer; tests put a scripted one here. The transport does not dispose it.</summary>
    public HttpMessageHandler? InnerHandler { get; set; }
    public RequestRateLimiter? RateLimiter { get; set; }
    public AwsRetryOptions Retry { get; set; } = new();
    /// <summary>The retry budget the session's transports share; each transport has its own when not set.</summary>
    public RetryQuota? RetryQuota { get; set; }
    public IAwsCallLog? Log { get; set; }
}
