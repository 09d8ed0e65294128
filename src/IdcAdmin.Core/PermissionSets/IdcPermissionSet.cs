using System;
using System.Collections.Generic;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// A permission set with everything that decides what its users may do. Members that were not read (see
/// <see cref="PermissionSetDetail"/>) are null. <see cref="PermissionSetArn"/> and <see cref="Name"/> feed the
/// -PermissionSet parameters of other cmdlets through the pipeline.
/// </summary>
public sealed class IdcPermissionSet
{
    public string Name { get; set; } = "";
    public string PermissionSetArn { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>
    /// ISO 8601 as AWS writes it ("PT2H"), so that it exports as one readable value and feeds back into
    /// -SessionDuration; [System.Xml.XmlConvert]::ToTimeSpan() turns it into a TimeSpan.
    /// </summary>
    public string SessionDuration { get; set; } = "PT1H";
    public string? RelayState { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    // Lists and tags read as their items in Export-Csv (see ReadableList) and stay typed for pipelines.
    private IReadOnlyList<AwsManagedPolicy>? _managedPolicies;
    private IReadOnlyList<CustomerManagedPolicyName>? _customerManagedPolicies;
    private IReadOnlyDictionary<string, string>? _tags;
    private IReadOnlyList<string>? _provisionedAccounts;
    private IReadOnlyList<string>? _outdatedAccounts;

    public IReadOnlyList<AwsManagedPolicy>? ManagedPolicies { get => _managedPolicies; set => _managedPolicies = Readable.List(value); }
    public IReadOnlyList<CustomerManagedPolicyName>? CustomerManagedPolicies { get => _customerManagedPolicies; set => _customerManagedPolicies = Readable.List(value); }
    public string? InlinePolicy { get; set; }
    public PermissionsBoundaryPolicy? PermissionsBoundary { get; set; }
    public IReadOnlyDictionary<string, string>? Tags { get => _tags; set => _tags = ReadableDictionary.Of(value); }
    /// <summary>Accounts the set is provisioned to (as an IAM role there).</summary>
    public IReadOnlyList<string>? ProvisionedAccounts { get => _provisionedAccounts; set => _provisionedAccounts = Readable.List(value); }
    /// <summary>Accounts holding an older version of the set: run Deploy-IdcPermissionSet.</summary>
    public IReadOnlyList<string>? OutdatedAccounts { get => _outdatedAccounts; set => _outdatedAccounts = Readable.List(value); }
    public string InstanceArn { get; set; } = "";

    /// <summary>What has been read of the set.</summary>
    public PermissionSetDetail Detail { get; set; }

    public override string ToString() => Name;
}

/// <summary>Which parts of a permission set to read besides its name, description, duration and relay state.</summary>
[Flags]
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum PermissionSetDetail : long
{
    None = 0,
    /// <summary>Managed, customer managed and inline policies.</summary>
    Policies = 1,
    PermissionsBoundary = 2,
    Tags = 4,
    /// <summary>The accounts it is provisioned to and which of them hold an older version.</summary>
    Provisioning = 8,
    All = Policies | PermissionsBoundary | Tags | Provisioning,
}
