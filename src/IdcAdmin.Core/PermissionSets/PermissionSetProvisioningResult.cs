using System;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// One provisioning request of a permission set to an account: AWS (re)creates the set's IAM role there. FAILED
/// carries AWS's reason (for example a customer managed policy missing in that account).
/// </summary>
public sealed class PermissionSetProvisioningResult
{
    public string? Name { get; set; }
    public string? PermissionSetArn { get; set; }
    public string? AccountId { get; set; }
    /// <summary>IN_PROGRESS, SUCCEEDED or FAILED.</summary>
    public string Status { get; set; } = "";
    public string? FailureReason { get; set; }
    public string? RequestId { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }

    public bool Succeeded => Status == "SUCCEEDED";
    public bool Failed => Status == "FAILED";
}

/// <summary>Whether an account holds the latest version of a permission set.</summary>
public sealed class PermissionSetAccountProvisioning
{
    public string? Name { get; set; }
    public string PermissionSetArn { get; set; } = "";
    public string AccountId { get; set; } = "";
    /// <summary>LATEST_PERMISSION_SET_PROVISIONED or LATEST_PERMISSION_SET_NOT_PROVISIONED.</summary>
    public string ProvisioningStatus { get; set; } = "";
    public bool IsOutdated => ProvisioningStatus == SsoAdmin.Model.ProvisioningStatusValues.LatestPermissionSetNotProvisioned;
}
