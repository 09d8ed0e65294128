using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// The writes that turn a permission set as it is into what a spec says, touching only what the spec gives and only
/// what differs: an attached policy that should stay is never detached and re-attached.
/// </summary>
public static class PermissionSetDiff
{
    /// <summary>The detail that must be read of the current set to compare it with <paramref name="spec"/>.</summary>
    public static PermissionSetDetail DetailNeeded(PermissionSetSpec spec) =>
        (spec.ManagedPolicies != null || spec.CustomerManagedPolicies != null || spec.InlinePolicySpecified ? PermissionSetDetail.Policies : 0)
        | (spec.PermissionsBoundarySpecified ? PermissionSetDetail.PermissionsBoundary : 0)
        | (spec.Tags != null ? PermissionSetDetail.Tags : 0);

    /// <summary>The changes in the order they should be applied: attributes, detaches (freeing room), attaches, the rest.</summary>
    public static IReadOnlyList<PermissionSetChange> Changes(IdcPermissionSet current, PermissionSetSpec spec)
    {
        var changes = new List<PermissionSetChange>();
        var attributes = new List<string>();
        if (spec.Description != null && !string.Equals(spec.Description, current.Description ?? "", StringComparison.Ordinal))
            attributes.Add($"description '{current.Description}' -> '{spec.Description}'");
        if (spec.SessionDuration is { } duration && duration != Iso8601Duration.Parse(current.SessionDuration))
            attributes.Add($"session duration {current.SessionDuration} -> {Iso8601Duration.Format(duration)}");
        if (spec.RelayState != null && !string.Equals(spec.RelayState, current.RelayState ?? "", StringComparison.Ordinal))
            attributes.Add($"relay state '{current.RelayState}' -> '{spec.RelayState}'");
        if (attributes.Count > 0)
            changes.Add(new PermissionSetChange(PermissionSetChangeKind.UpdateAttributes, "update " + string.Join(", ", attributes)));

        if (spec.ManagedPolicies != null)
        {
            var have = current.ManagedPolicies ?? Array.Empty<AwsManagedPolicy>();
            changes.AddRange(have.Except(spec.ManagedPolicies).Select(p => new PermissionSetChange(
                PermissionSetChangeKind.DetachManagedPolicy, $"detach AWS managed policy {p.Name}") { ManagedPolicy = p }));
        }
        if (spec.CustomerManagedPolicies != null)
        {
            var have = current.CustomerManagedPolicies ?? Array.Empty<CustomerManagedPolicyName>();
            changes.AddRange(have.Except(spec.CustomerManagedPolicies).Select(p => new PermissionSetChange(
                PermissionSetChangeKind.DetachCustomerManagedPolicy, $"detach customer managed policy {p}") { CustomerManagedPolicy = p }));
        }
        if (spec.ManagedPolicies != null)
        {
            var have = current.ManagedPolicies ?? Array.Empty<AwsManagedPolicy>();
            changes.AddRange(spec.ManagedPolicies.Except(have).Select(p => new PermissionSetChange(
                PermissionSetChangeKind.AttachManagedPolicy, $"attach AWS managed policy {p.Name}") { ManagedPolicy = p }));
        }
        if (spec.CustomerManagedPolicies != null)
        {
            var have = current.CustomerManagedPolicies ?? Array.Empty<CustomerManagedPolicyName>();
            changes.AddRange(spec.CustomerManagedPolicies.Except(have).Select(p => new PermissionSetChange(
                PermissionSetChangeKind.AttachCustomerManagedPolicy, $"attach customer managed policy {p}") { CustomerManagedPolicy = p }));
        }

        if (spec.InlinePolicySpecified && !InlinePolicyDocument.AreEquivalent(spec.InlinePolicy, current.InlinePolicy))
            changes.Add(spec.InlinePolicy == null
                ? new PermissionSetChange(PermissionSetChangeKind.DeleteInlinePolicy, "delete the inline policy")
                : new PermissionSetChange(PermissionSetChangeKind.PutInlinePolicy, current.InlinePolicy == null ? "add the inline policy" : "replace the inline policy")
                    { InlinePolicy = spec.InlinePolicy });

        if (spec.PermissionsBoundarySpecified && !Equals(spec.PermissionsBoundary, current.PermissionsBoundary))
            changes.Add(spec.PermissionsBoundary == null
                ? new PermissionSetChange(PermissionSetChangeKind.DeletePermissionsBoundary, $"remove the permissions boundary {current.PermissionsBoundary}")
                : new PermissionSetChange(PermissionSetChangeKind.PutPermissionsBoundary, $"set the permissions boundary to {spec.PermissionsBoundary}")
                    { PermissionsBoundary = spec.PermissionsBoundary });

        if (spec.Tags != null)
        {
            var have = current.Tags ?? new Dictionary<string, string>();
            var remove = have.Keys.Where(k => !spec.Tags.ContainsKey(k)).ToList();
            if (remove.Count > 0)
                changes.Add(new PermissionSetChange(PermissionSetChangeKind.Untag, "remove tags " + string.Join(", ", remove)) { TagKeys = remove });
            var set = spec.Tags.Where(t => !have.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value);
            if (set.Count > 0)
                changes.Add(new PermissionSetChange(PermissionSetChangeKind.Tag, "set tags " + string.Join(", ", set.Select(t => $"{t.Key}={t.Value}"))) { Tags = set });
        }
        return changes;
    }
}
