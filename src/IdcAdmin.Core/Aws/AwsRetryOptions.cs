using System;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// How hard the transport tries, after the AWS SDKs' standard and adaptive retry modes: connection failures, timeouts
/// and 5xx get at most <see cref="MaxAttempts"/> attempts, throttling gets <see cref="ThrottleMaxAttempts"/>, with
/// exponential backoff and full jitter between attempts.
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>Total attempts, the first included, when attempts fail on the connection, time out or answer 5xx.</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Total attempts when AWS answers throttling: the session's request rate slows down meanwhile, so they pass in time.</summary>
    public int ThrottleMaxAttempts { get; set; } = 10;
    /// <summary>Upper bound of the first retry's random delay; doubles each retry up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Time allowed to open a connection (name resolution included) before the attempt fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Time allowed for one attempt's response before it is abandoned.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
