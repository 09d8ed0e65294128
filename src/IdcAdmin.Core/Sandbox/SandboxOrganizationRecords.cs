using System;
using System.Linq;

namespace IdcAdmin.Core.Sandbox;

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
