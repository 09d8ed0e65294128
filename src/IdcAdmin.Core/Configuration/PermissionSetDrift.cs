using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Configuration;

/// <summary>The permission set engine's planned changes told as drift: one property, current → desired, per line.</summary>
internal static class PermissionSetDrift
{
    public static IEnumerable<ConfigurationDrift> Describe(ConfigurationPermissionSet declared, IdcPermissionSet current, PermissionSetChange change)
    {
        var payload = new PermissionSetChangePayload(declared, current, change);
        ConfigurationDrift Drift(string property, string? from, string? to) =>
            new(ConfigurationItemKind.PermissionSet, declared.Name, DriftChange.Change, property, from, to) { Payload = payload };
        var spec = declared.UpdateSpec;
        switch (change.Kind)
        {
            case PermissionSetChangeKind.UpdateAttributes:
                if (spec.Description != null && !string.Equals(spec.Description, current.Description ?? "", StringComparison.Ordinal))
                    yield return Drift("Description", current.Description, spec.Description);
                if (spec.SessionDuration is { } d && d != Iso8601Duration.Parse(current.SessionDuration))
                    yield return Drift("SessionDuration", current.SessionDuration, Iso8601Duration.Format(d));
                if (spec.RelayState != null && !string.Equals(spec.RelayState, current.RelayState ?? "", StringComparison.Ordinal))
                    yield return Drift("RelayState", current.RelayState, spec.RelayState);
                break;
            case PermissionSetChangeKind.AttachManagedPolicy: yield return Drift("ManagedPolicies", null, change.ManagedPolicy!.Name); break;
            case PermissionSetChangeKind.DetachManagedPolicy: yield return Drift("ManagedPolicies", change.ManagedPolicy!.Name, null); break;
            case PermissionSetChangeKind.AttachCustomerManagedPolicy: yield return Drift("CustomerManagedPolicies", null, change.CustomerManagedPolicy!.ToString()); break;
            case PermissionSetChangeKind.DetachCustomerManagedPolicy: yield return Drift("CustomerManagedPolicies", change.CustomerManagedPolicy!.ToString(), null); break;
            case PermissionSetChangeKind.PutInlinePolicy: yield return Drift("InlinePolicy", Summary(current.InlinePolicy), Summary(change.InlinePolicy)); break;
            case PermissionSetChangeKind.DeleteInlinePolicy: yield return Drift("InlinePolicy", Summary(current.InlinePolicy), null); break;
            case PermissionSetChangeKind.PutPermissionsBoundary: yield return Drift("PermissionsBoundary", current.PermissionsBoundary?.ToString(), change.PermissionsBoundary!.ToString()); break;
            case PermissionSetChangeKind.DeletePermissionsBoundary: yield return Drift("PermissionsBoundary", current.PermissionsBoundary?.ToString(), null); break;
            case PermissionSetChangeKind.Tag:
                foreach (var t in change.Tags!) yield return Drift("Tags." + t.Key, current.Tags != null && current.Tags.TryGetValue(t.Key, out var v) ? v : null, t.Value);
                break;
            case PermissionSetChangeKind.Untag:
                foreach (var k in change.TagKeys!) yield return Drift("Tags." + k, current.Tags != null && current.Tags.TryGetValue(k, out var v) ? v : "", null);
                break;
        }
    }

    /// <summary>A policy document shortened to fit a table cell; the whole text is in the file and in Get-IdcPermissionSet.</summary>
    private static string? Summary(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy)) return null;
        var flat = string.Join(" ", policy!.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : flat.Substring(0, 57) + "...";
    }
}
