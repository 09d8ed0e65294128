using System;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// The permissions boundary of a permission set: either an AWS managed policy (by ARN) or a customer managed policy
/// (by name and path); the most the roles made from the set may do, whatever their other policies allow.
/// </summary>
public sealed class PermissionsBoundaryPolicy : IEquatable<PermissionsBoundaryPolicy>
{
    private PermissionsBoundaryPolicy(AwsManagedPolicy? managed, CustomerManagedPolicyName? customer)
    {
        ManagedPolicy = managed;
        CustomerManagedPolicy = customer;
    }

    public static PermissionsBoundaryPolicy Managed(AwsManagedPolicy policy) => new(policy, null);
    public static PermissionsBoundaryPolicy CustomerManaged(CustomerManagedPolicyName policy) => new(null, policy);

    public AwsManagedPolicy? ManagedPolicy { get; }
    public CustomerManagedPolicyName? CustomerManagedPolicy { get; }

    public bool Equals(PermissionsBoundaryPolicy? other) => other != null
        && Equals(ManagedPolicy, other.ManagedPolicy) && Equals(CustomerManagedPolicy, other.CustomerManagedPolicy);
    public override bool Equals(object? obj) => Equals(obj as PermissionsBoundaryPolicy);
    public override int GetHashCode() => ManagedPolicy?.GetHashCode() ?? CustomerManagedPolicy?.GetHashCode() ?? 0;

    public override string ToString() => ManagedPolicy != null ? $"{ManagedPolicy.Name} (AWS managed)" : $"{CustomerManagedPolicy} (customer managed)";
}
