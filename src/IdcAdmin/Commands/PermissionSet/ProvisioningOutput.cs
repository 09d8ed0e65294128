using System;
using System.Collections.Generic;
using System.Management.Automation;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>How per-account provisioning results reach the user: one object per account, an error record per failure.</summary>
internal static class ProvisioningOutput
{
    public const string FailedErrorId = "IdcPermissionSetProvisioningFailed";
    public const string InProgressErrorId = "IdcPermissionSetProvisioningTimedOut";

    public static void Write(PSCmdlet cmdlet, IEnumerable<PermissionSetProvisioningResult> results)
    {
        foreach (var result in results)
        {
            if (result.Failed)
            {
                var e = new InvalidOperationException(
                    $"Provisioning permission set {result.Name} to account {result.AccountId} failed: {result.FailureReason ?? "AWS gave no reason"} (request {result.RequestId}).");
                cmdlet.WriteError(new ErrorRecord(e, FailedErrorId, ErrorCategory.InvalidResult, result.AccountId)
                    { ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = "Fix the cause in that account (for example create the customer managed policy there), then run Deploy-IdcPermissionSet again." } });
            }
            else if (result.Status == "IN_PROGRESS")
            {
                var e = new TimeoutException($"Provisioning permission set {result.Name} to account {result.AccountId} is still in progress (request {result.RequestId}); AWS may still finish it.");
                cmdlet.WriteError(new ErrorRecord(e, InProgressErrorId, ErrorCategory.OperationTimeout, result.AccountId));
            }
            cmdlet.WriteObject(result);
        }
    }
}
