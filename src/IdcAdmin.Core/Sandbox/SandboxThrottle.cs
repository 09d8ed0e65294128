using System;

namespace IdcAdmin.Core.Sandbox;

/// <summary>A token bucket over the sandbox clock: above the configured rate a request is refused with ThrottlingException.</summary>
public sealed class SandboxThrottle
{
    private readonly double _rate;
    private double _tokens;
    private DateTimeOffset _last;

    public SandboxThrottle(double requestsPerSecond, DateTimeOffset now)
    {
        if (requestsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The throttle rate must be positive.");
        _rate = requestsPerSecond;
        _tokens = Math.Max(1, requestsPerSecond);
        _last = now;
    }

    public long Refused { get; private set; }

    /// <summary>Takes a token or throws; callers hold the sandbox lock.</summary>
    public void Take(DateTimeOffset now)
    {
        var elapsed = Math.Max(0, (now - _last).TotalSeconds);
        _last = now;
        _tokens = Math.Min(Math.Max(1, _rate), _tokens + elapsed * _rate);
        if (_tokens >= 1) { _tokens -= 1; return; }
        Refused++;
        throw new SandboxError("ThrottlingException", "Rate exceeded");
    }
}
