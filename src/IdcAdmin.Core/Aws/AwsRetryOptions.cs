using System;

namespace IdcAdmin.Core.Aws;

/// <summary>How hard the transport tries: exponential backoff with jitter between attempts.</summary>
public sealed class AwsRetryOptions
{
    /// <summary>Total attempts including the first.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Delay before the first retry; doubles each time, jittered.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Time allowed for one HTTP attempt before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
