using System;

namespace IdcAdmin.Core.Sandbox;

// Groups and memberships as the sandbox's identity store keeps them (users are kept in wire form, see SandboxState).

public sealed class SandboxGroup
{
    public string GroupId { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SandboxMembership
{
    public string MembershipId { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
