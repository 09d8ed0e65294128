namespace IdcAdmin.Core.PermissionSets;

/// <summary>Where a permission set provisioning request stands, to list the requests in one state.</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum ProvisioningRequestStatus : long
{
    InProgress,
    Failed,
    Succeeded,
}
