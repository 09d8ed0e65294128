using System.Collections.Generic;

namespace IdcAdmin.Core.PermissionSets;

public enum PermissionSetChangeKind
{
    UpdateAttributes,
    DetachManagedPolicy,
    DetachCustomerManagedPolicy,
    AttachManagedPolicy,
    AttachCustomerManagedPolicy,
    PutInlinePolicy,
    DeleteInlinePolicy,
    PutPermissionsBoundary,
    DeletePermissionsBoundary,
    Untag,
    Tag,
}

/// <summary>One write that brings a permission set closer to its definition, described for -WhatIf and errors.</summary>
public sealed class PermissionSetChange
{
    public PermissionSetChange(PermissionSetChangeKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    public PermissionSetChangeKind Kind { get; }
    public string Description { get; }
    public AwsManagedPolicy? ManagedPolicy { get; set; }
    public CustomerManagedPolicyName? CustomerManagedPolicy { get; set; }
    public string? InlinePolicy { get; set; }
    public PermissionsBoundaryPolicy? PermissionsBoundary { get; set; }
    public IReadOnlyDictionary<string, string>? Tags { get; set; }
    public IReadOnlyList<string>? TagKeys { get; set; }

    public override string ToString() => Description;
}
