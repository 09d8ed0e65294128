using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Sandbox;

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
