using System;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Access;

/// <summary>
/// The outcome of granting or revoking one assignment. An InProgress result is a pending request: pipe it to
/// Wait-IdcAccountAssignment. UserId/GroupId, PermissionSetArn and AccountId bind to the access cmdlets' parameters.
/// </summary>
public sealed class AccountAssignmentResult
{
    public AssignmentOperation Operation { get; set; }
    public AssignmentStatus Status { get; set; }
    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }
    public string PermissionSetArn { get; set; } = "";
    public string? PermissionSetName { get; set; }
    public PrincipalKind PrincipalType { get; set; }
    public string PrincipalId { get; set; } = "";
    public string? PrincipalName { get; set; }
    public string? UserId => PrincipalType == PrincipalKind.User ? PrincipalId : null;
    public string? GroupId => PrincipalType == PrincipalKind.Group ? PrincipalId : null;
    /// <summary>AWS's request id, for Wait-IdcAccountAssignment and for AWS support.</summary>
    public string? RequestId { get; set; }
    /// <summary>AWS's reason when the status is Failed.</summary>
    public string? FailureReason { get; set; }
    /// <summary>The error that kept the request from reaching a status (unreachable endpoint, access denied, throttling), if one did.</summary>
    public System.Exception? Error { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    /// <summary>From sending the request to its final status, in ISO 8601 ("PT1.5S") so that it exports as one value.</summary>
    public string? Duration => Elapsed is { } elapsed ? Iso8601Duration.Format(elapsed) : null;
    /// <summary>The same as a TimeSpan, which a later wait adds to.</summary>
    internal TimeSpan? Elapsed { get; set; }

    public AssignmentKey Key => new(AccountId, PermissionSetArn, PrincipalType, PrincipalId);

    /// <summary>
    /// False when the request was sent to another instance than <paramref name="instanceArn"/>: its permission set's
    /// ARN (arn:aws:sso:::permissionSet/ssoins-…/ps-…) names the instance, and that instance alone knows the request.
    /// </summary>
    public bool BelongsTo(string instanceArn)
    {
        var instanceId = instanceArn.Substring(instanceArn.LastIndexOf('/') + 1);
        return PermissionSetArn.Length == 0 || instanceId.Length == 0 ||
               PermissionSetArn.IndexOf("/" + instanceId + "/", StringComparison.Ordinal) >= 0;
    }

    public override string ToString() => $"{Operation} {PrincipalName ?? PrincipalId} {PermissionSetName ?? PermissionSetArn} {AccountName ?? AccountId}: {Status}";
}
