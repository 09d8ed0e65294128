using System;

namespace IdcAdmin.Core.Sandbox;

public enum SandboxRequestKind { AssignmentCreation, AssignmentDeletion, Provisioning }

/// <summary>
/// An asynchronous Identity Center request (assignment creation/deletion, provisioning): IN_PROGRESS until its due
/// time on the sandbox clock, then SUCCEEDED with its effect applied, or FAILED with the reason AWS would give.
/// </summary>
public sealed class SandboxAsyncRequest
{
    public SandboxAsyncRequest(string requestId, SandboxRequestKind kind, DateTimeOffset created, DateTimeOffset due, Func<string?> complete)
    {
        RequestId = requestId;
        Kind = kind;
        CreatedDate = created;
        DueDate = due;
        _complete = complete;
    }

    private readonly Func<string?> _complete;

    public string RequestId { get; }
    public SandboxRequestKind Kind { get; }
    public DateTimeOffset CreatedDate { get; }
    public DateTimeOffset DueDate { get; }
    public string Status { get; private set; } = "IN_PROGRESS";
    public string? FailureReason { get; private set; }
    public string PermissionSetArn { get; set; } = "";
    public string? AccountId { get; set; }
    public string? PrincipalType { get; set; }
    public string? PrincipalId { get; set; }

    /// <summary>Completes the request once its time has come; the effect returns a failure reason or null.</summary>
    public void SettleIfDue(DateTimeOffset now)
    {
        if (Status != "IN_PROGRESS" || now < DueDate) return;
        FailureReason = _complete();
        Status = FailureReason == null ? "SUCCEEDED" : "FAILED";
    }
}
