using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using IdcAdmin.Core.SsoAdmin.Model;

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

/// <summary>Items in the order they were created, found by id.</summary>
public sealed class Ordered<T>
{
    private readonly List<T> _items = new();
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<T> Items => _items;
    public int Count => _items.Count;
    public void Add(string id, T item) { _byId.Add(id, item); _items.Add(item); }
    public bool TryGet(string? id, out T item) { item = default!; return id != null && _byId.TryGetValue(id, out item!); }
    public bool Remove(string id) { if (!_byId.TryGetValue(id, out var item)) return false; _byId.Remove(id); _items.Remove(item); return true; }
    public void RemoveWhere(Func<T, bool> match, Func<T, string> idOf) { foreach (var i in _items.Where(match).ToList()) Remove(idOf(i)); }
}

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

public sealed class SandboxPermissionSet
{
    public string Arn { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string SessionDuration { get; set; } = "PT1H";
    public string? RelayState { get; set; }
    public DateTimeOffset CreatedDate { get; set; }
    public List<string> ManagedPolicyArns { get; } = new();
    public List<CustomerManagedPolicyReference> CustomerManagedPolicies { get; } = new();
    public string? InlinePolicy { get; set; }
    public PermissionsBoundary? Boundary { get; set; }
    public List<Tag> Tags { get; } = new();
    /// <summary>Account id → true when the account has the set's latest version, false when it is out of date.</summary>
    public Dictionary<string, bool> ProvisionedTo { get; } = new(StringComparer.Ordinal);

    /// <summary>An edit of the policies or settings: every account holding the set now has an old version.</summary>
    public void MarkOutdated()
    {
        foreach (var account in ProvisionedTo.Keys.ToList()) ProvisionedTo[account] = false;
    }
}

public sealed class SandboxAssignment
{
    public string AccountId { get; set; } = "";
    public string PermissionSetArn { get; set; } = "";
    public string PrincipalType { get; set; } = "";
    public string PrincipalId { get; set; } = "";

    public bool Matches(string? accountId, string? permissionSetArn, string? principalType, string? principalId) =>
        AccountId == accountId && PermissionSetArn == permissionSetArn && PrincipalType == principalType && PrincipalId == principalId;
}

public sealed class SandboxOrganization
{
    public string Id { get; set; } = "";
    public string RootId { get; set; } = "";
    public string ManagementAccountId { get; set; } = "";
    public string ManagementAccountEmail { get; set; } = "";
    public string Arn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";
    public string RootArn => $"arn:aws:organizations::{ManagementAccountId}:root/{Id}/{RootId}";
}

public sealed class SandboxAccount
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public string ParentId { get; set; } = "";
    public string JoinedMethod { get; set; } = "CREATED";
    public DateTimeOffset Joined { get; set; }
}

public sealed class SandboxUnit
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ParentId { get; set; } = "";
}

/// <summary>A CreateAccount request: IN_PROGRESS on the sandbox clock, then the account exists under the root.</summary>
public sealed class SandboxAccountCreation
{
    public string Id { get; set; } = "";
    public string AccountName { get; set; } = "";
    public string Email { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string State { get; set; } = "IN_PROGRESS";
    public string? FailureReason { get; set; }
    public DateTimeOffset Requested { get; set; }
    public DateTimeOffset Due { get; set; }
    public DateTimeOffset? Completed { get; set; }

    public void SettleIfDue(DateTimeOffset now, SandboxState state)
    {
        if (State != "IN_PROGRESS" || now < Due) return;
        if (state.Organization == null) { State = "FAILED"; FailureReason = "INTERNAL_FAILURE"; Completed = now; return; }
        if (state.Accounts.Items.Any(a => string.Equals(a.Email, Email, StringComparison.OrdinalIgnoreCase)))
        { State = "FAILED"; FailureReason = "EMAIL_ALREADY_EXISTS"; Completed = now; return; }
        state.Accounts.Add(AccountId, new SandboxAccount
            { Id = AccountId, Name = AccountName, Email = Email, ParentId = state.Organization.RootId, Joined = now });
        State = "SUCCEEDED";
        Completed = now;
    }
}
