using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// Everything one sandbox holds: its instance, identity store, permission sets, assignments, asynchronous requests
/// and organization. Handlers read and change it only while holding <see cref="Gate"/>, so it is thread-safe.
/// </summary>
public sealed class SandboxState
{
    public SandboxState(SandboxOptions options, int seed)
    {
        Options = options;
        Ids = new SandboxIds(seed);
        Paging = new SandboxPaging(options.MaxPageSize, Ids.Hex(8));
        InstanceId = "ssoins-" + Ids.Hex(16);
        InstanceArn = "arn:aws:sso:::instance/" + InstanceId;
        IdentityStoreId = "d-" + Ids.Hex(10);
        InstanceCreated = Now;
        if (options.ThrottleRequestsPerSecond is { } rate) Throttle = new SandboxThrottle(rate, Now);
    }

    public object Gate { get; } = new();
    public SandboxOptions Options { get; }
    public SandboxIds Ids { get; }
    public SandboxPaging Paging { get; }
    public SandboxThrottle? Throttle { get; }
    public DateTimeOffset Now => Options.Clock();

    public string InstanceId { get; }
    public string InstanceArn { get; }
    public string IdentityStoreId { get; }
    public DateTimeOffset InstanceCreated { get; }

    // Identity store. Users are kept in their wire form, so UpdateUser's attribute paths apply to them directly.
    public Ordered<JsonObject> Users { get; } = new();
    public Ordered<SandboxGroup> Groups { get; } = new();
    public Ordered<SandboxMembership> Memberships { get; } = new();

    // sso-admin.
    public Ordered<SandboxPermissionSet> PermissionSets { get; } = new();
    public List<SandboxAssignment> Assignments { get; } = new();
    public Ordered<SandboxAsyncRequest> Requests { get; } = new();

    // Organizations.
    public SandboxOrganization? Organization { get; set; }
    public Ordered<SandboxAccount> Accounts { get; } = new();
    public Ordered<SandboxUnit> Units { get; } = new();
    public Ordered<SandboxAccountCreation> AccountCreations { get; } = new();

    /// <summary>Completes every asynchronous request whose time has come, oldest first.</summary>
    public void Settle()
    {
        var now = Now;
        foreach (var r in Requests.Items) r.SettleIfDue(now);
        foreach (var c in AccountCreations.Items) c.SettleIfDue(now, this);
    }

    /// <summary>A member account of the organization that is not closed: the only place assignments can go.</summary>
    public bool IsActiveMember(string accountId) =>
        Organization != null && Accounts.TryGet(accountId, out var a) && a.Status == "ACTIVE";
}
