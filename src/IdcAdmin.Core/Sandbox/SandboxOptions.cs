using System;

namespace IdcAdmin.Core.Sandbox;

/// <summary>How an embedded Identity Center sandbox behaves. Every setting has a default that resembles AWS.</summary>
public sealed class SandboxOptions
{
    /// <summary>Makes ids, ARNs and account numbers the same on every run; null picks a random seed.</summary>
    public int? Seed { get; set; }
    /// <summary>The organization to start with; null is <see cref="SandboxOrganizationOutline.Default"/>.</summary>
    public SandboxOrganizationOutline? Organization { get; set; }
    /// <summary>How long an assignment creation/deletion or a provisioning stays IN_PROGRESS (AWS: a second to minutes).</summary>
    public TimeSpan OperationDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Requests per second above which the sandbox answers ThrottlingException, as AWS does; null never throttles.</summary>
    public double? ThrottleRequestsPerSecond { get; set; }
    /// <summary>The most items one page holds, whatever MaxResults asks for; smaller values exercise paging.</summary>
    public int MaxPageSize { get; set; } = 100;
    /// <summary>The region the instance lives in.</summary>
    public string Region { get; set; } = "us-east-1";
    /// <summary>The clock the asynchronous requests and the throttle read; tests may substitute their own.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
}
