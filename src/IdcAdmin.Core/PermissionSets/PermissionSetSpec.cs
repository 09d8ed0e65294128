using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// A checked definition with every policy resolved, ready to be written: produced only by
/// <see cref="PermissionSetValidator"/>. Null members (and false *Specified flags) mean "not given".
/// </summary>
public sealed class PermissionSetSpec
{
    internal PermissionSetSpec() { }

    public string? Name { get; internal set; }
    public string? Description { get; internal set; }
    public TimeSpan? SessionDuration { get; internal set; }
    public string? RelayState { get; internal set; }
    public IReadOnlyList<AwsManagedPolicy>? ManagedPolicies { get; internal set; }
    public IReadOnlyList<CustomerManagedPolicyName>? CustomerManagedPolicies { get; internal set; }
    public bool InlinePolicySpecified { get; internal set; }
    /// <summary>The inline policy; null with <see cref="InlinePolicySpecified"/> means "none".</summary>
    public string? InlinePolicy { get; internal set; }
    public bool PermissionsBoundarySpecified { get; internal set; }
    /// <summary>The boundary; null with <see cref="PermissionsBoundarySpecified"/> means "none".</summary>
    public PermissionsBoundaryPolicy? PermissionsBoundary { get; internal set; }
    public IReadOnlyDictionary<string, string>? Tags { get; internal set; }
    /// <summary>Things worth saying that do not stop the write (a policy ARN not on the shipped list).</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();
}
