using System.Collections.Generic;

namespace IdcAdmin.Core.Access;

/// <summary>
/// What a Grant/Revoke batch will do, decided before any write: the requests to send, the ones already in the wanted
/// state, the accounts skipped, the revokes refused by the lock-out guard, and the inputs that named nothing.
/// </summary>
public sealed class AssignmentPlan
{
    public AssignmentPlan(AssignmentOperation operation) => Operation = operation;

    public AssignmentOperation Operation { get; }
    /// <summary>Inputs that name no user, group, permission set or account. When any exist, nothing is sent.</summary>
    public List<ResolutionError> Errors { get; } = new();
    public List<PlannedAssignment> ToSend { get; } = new();
    /// <summary>Grants that already exist, revokes of assignments that do not: no call needed.</summary>
    public List<AccountAssignmentResult> Unchanged { get; } = new();
    /// <summary>Revokes that would remove the management account's last administrator assignment.</summary>
    public List<PlannedAssignment> LockOutRefused { get; } = new();
    /// <summary>Suspended or closing accounts, left out of a grant.</summary>
    public List<Organizations.AwsAccount> SkippedAccounts { get; } = new();

    public bool HasErrors => Errors.Count > 0;
}
