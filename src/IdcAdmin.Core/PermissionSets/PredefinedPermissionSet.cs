using System.Collections.Generic;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>The predefined permission sets the console offers: each is one AWS managed policy of the same name.</summary>
public enum PredefinedPermissionSet
{
    AdministratorAccess,
    ReadOnlyAccess,
    PowerUserAccess,
    ViewOnlyAccess,
    SecurityAudit,
    Billing,
    SupportUser,
    DatabaseAdministrator,
    DataScientist,
    NetworkAdministrator,
    SystemAdministrator,
}

public static class PredefinedPermissionSets
{
    /// <summary>The AWS managed policy (path and name) behind each predefined set.</summary>
    private static readonly Dictionary<PredefinedPermissionSet, string> Policies = new()
    {
        [PredefinedPermissionSet.AdministratorAccess] = "AdministratorAccess",
        [PredefinedPermissionSet.ReadOnlyAccess] = "ReadOnlyAccess",
        [PredefinedPermissionSet.PowerUserAccess] = "PowerUserAccess",
        [PredefinedPermissionSet.ViewOnlyAccess] = "job-function/ViewOnlyAccess",
        [PredefinedPermissionSet.SecurityAudit] = "SecurityAudit",
        [PredefinedPermissionSet.Billing] = "job-function/Billing",
        [PredefinedPermissionSet.SupportUser] = "job-function/SupportUser",
        [PredefinedPermissionSet.DatabaseAdministrator] = "job-function/DatabaseAdministrator",
        [PredefinedPermissionSet.DataScientist] = "job-function/DataScientist",
        [PredefinedPermissionSet.NetworkAdministrator] = "job-function/NetworkAdministrator",
        [PredefinedPermissionSet.SystemAdministrator] = "job-function/SystemAdministrator",
    };

    public static string PolicyOf(PredefinedPermissionSet set) => Policies[set];

    /// <summary>A definition named as the console names it, holding the set's managed policy; the caller may add to it.</summary>
    public static PermissionSetDefinition Definition(PredefinedPermissionSet set) => new()
    {
        Name = set.ToString(),
        ManagedPolicies = new List<string> { PolicyOf(set) },
    };
}
