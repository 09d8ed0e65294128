using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Bench;

/// <summary>Engine sessions for the benchmarks: through the shaper at AWS's 20 requests/s, or straight to moto for seeding.</summary>
public static class ShapedSession
{
    public const double RateLimit = 20;
    public static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret");

    /// <summary>What the module does by default: the session's shared limiter at 20 requests/s, standard retries.</summary>
    public static Task<IdcSession> ShapedAsync(string url, ServiceShaper shaper) => ConnectAsync(url, shaper, RateLimit);

    /// <summary>Unshaped and fast, for building the organization.</summary>
    public static Task<IdcSession> DirectAsync(string url, HttpMessageHandler inner) => ConnectAsync(url, inner, 2000);

    private static async Task<IdcSession> ConnectAsync(string url, HttpMessageHandler inner, double rate)
    {
        var connection = new AwsConnection(Credentials, "us-east-1", new AwsTransportOptions
        {
            EndpointUrl = url,
            InnerHandler = inner,
            RateLimiter = RequestRateLimiter.PerSecond(rate),
            Retry = new AwsRetryOptions(),
        });
        return await IdcConnector.ConnectAsync(connection, null, CancellationToken.None);
    }
}
