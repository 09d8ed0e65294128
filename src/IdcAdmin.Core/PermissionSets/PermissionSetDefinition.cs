using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// What a permission set should be, as the user said it. For a new set, what is left null is absent (the session
/// lasts the default hour). For an update, what is left null stays as it is; an empty list removes every policy of
/// that kind.
/// </summary>
public sealed class PermissionSetDefinition
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>How long a console or CLI session from this set lasts: 1 to 12 hours.</summary>
    public TimeSpan? SessionDuration { get; set; }
    /// <summary>Where the console opens after sign-in (an https URL of the AWS console).</summary>
    public string? RelayState { get; set; }
    /// <summary>AWS managed policies by name ("ReadOnlyAccess"), path and name ("job-function/Billing") or ARN.</summary>
    public IList<string>? ManagedPolicies { get; set; }
    /// <summary>Customer managed policies as "Name" or "/path/Name".</summary>
    public IList<string>? CustomerManagedPolicies { get; set; }
    /// <summary>The inline policy's JSON.</summary>
    public string? InlinePolicy { get; set; }
    public bool RemoveInlinePolicy { get; set; }
    /// <summary>An AWS managed policy (name or ARN) as the permissions boundary.</summary>
    public string? PermissionsBoundary { get; set; }
    /// <summary>A customer managed policy ("Name" or "/path/Name") as the permissions boundary.</summary>
    public string? CustomerManagedPermissionsBoundary { get; set; }
    public bool RemovePermissionsBoundary { get; set; }
    public IDictionary<string, string>? Tags { get; set; }
}
