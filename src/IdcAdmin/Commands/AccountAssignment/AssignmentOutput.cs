using System;
using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>How Grant, Revoke and Wait report one result: failures and timeouts as errors, the rest as objects.</summary>
internal static class AssignmentOutput
{
    public static void Write(Cmdlet cmdlet, AccountAssignmentResult result, bool pendingIsExpected)
    {
        if (result.Status == AssignmentStatus.Failed)
        {
            // A request AWS failed is an invalid result; one that never got through says why (connection, access, throttling).
            var message = result.Error == null
                ? $"AWS could not {Verb(result)} {Describe(result)}: {result.FailureReason ?? "no reason given"}."
                : $"Could not {Verb(result)} {Describe(result)}: {result.FailureReason}";
            cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(message, result.Error), "IdcAssignmentFailed",
                result.Error == null ? ErrorCategory.InvalidResult : Infrastructure.ErrorRecords.CategoryOf(result.Error), result.AccountId));
            return;
        }
        if (result.Status == AssignmentStatus.InProgress && !pendingIsExpected)
        {
            // The target is the pending request itself, so it can be waited on again: $Error[0].TargetObject | Wait-IdcAccountAssignment
            cmdlet.WriteError(new ErrorRecord(new TimeoutException($"AWS had not finished the request to {Verb(result)} {Describe(result)} (request {result.RequestId}) when the wait ended" +
                    (result.FailureReason != null ? $" ({result.FailureReason})" : "") + ". It may still complete: pass the error's TargetObject to Wait-IdcAccountAssignment."),
                "IdcAssignmentTimeout", ErrorCategory.OperationTimeout, result));
            return;
        }
        cmdlet.WriteObject(result);
    }

    private static string Verb(AccountAssignmentResult r) => r.Operation == AssignmentOperation.Create ? "grant" : "revoke";

    private static string Describe(AccountAssignmentResult r) =>
        $"{r.PrincipalType.ToString().ToLowerInvariant()} '{r.PrincipalName ?? r.PrincipalId}' permission set '{r.PermissionSetName ?? r.PermissionSetArn}' on account '{r.AccountName ?? r.AccountId}'";
}
