using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>Connections and transports whose HTTP goes to an in-memory handler, through the real signer, limiter and retry.</summary>
public static class ScriptedConnection
{
    public const string Endpoint = "http://127.0.0.1:1";

    public static AwsTransportOptions Options(HttpMessageHandler inner, AwsRetryOptions? retry = null, RequestRateLimiter? limiter = null, IAwsCallLog? log = null) => new()
    {
        EndpointUrl = Endpoint,
        InnerHandler = inner,
        RateLimiter = limiter ?? RequestRateLimiter.PerSecond(100_000, 100_000),
        Retry = retry ?? FastRetry(),
        Log = log,
    };

    /// <summary>Retries with backoff in milliseconds so tests stay fast; <paramref name="maxAttempts"/> for every kind of failure.</summary>
    public static AwsRetryOptions FastRetry(int maxAttempts = 10) => new()
    {
        MaxAttempts = maxAttempts,
        ThrottleMaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
    };

    public static AwsConnection Connect(HttpMessageHandler inner, AwsRetryOptions? retry = null, RequestRateLimiter? limiter = null,
        IAwsCallLog? log = null, AWSCredentials? credentials = null, string region = "us-east-1") =>
        new(credentials ?? MotoServer.TestCredentials, region, Options(inner, retry, limiter, log));

    public static AwsJsonTransport Transport(AwsService service, HttpMessageHandler inner, AwsRetryOptions? retry = null,
        RequestRateLimiter? limiter = null, IAwsCallLog? log = null, AWSCredentials? credentials = null) =>
        new(service, credentials ?? MotoServer.TestCredentials, "us-east-1", Options(inner, retry, limiter, log));
}
