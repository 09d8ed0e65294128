namespace IdcAdmin.Core.Access;

/// <summary>Where one assignment of a batch ended up.</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum AssignmentStatus : long
{
    /// <summary>AWS finished the request.</summary>
    Succeeded,
    /// <summary>AWS answered FAILED (see FailureReason) or refused the request.</summary>
    Failed,
    /// <summary>Sent, not finished yet (-NoWait, or the wait timed out): pass it to Wait-IdcAccountAssignment.</summary>
    InProgress,
    /// <summary>A grant that already existed; nothing was sent.</summary>
    AlreadyAssigned,
    /// <summary>A revoke of an assignment that did not exist; nothing was sent.</summary>
    NotAssigned,
}
