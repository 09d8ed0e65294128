using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// Checks a definition against Identity Center's limits and resolves its policies, without calling AWS, so that bad
/// input fails before anything is written. Reports every problem at once.
/// </summary>
public static class PermissionSetValidator
{
    public const int MaxNameLength = 32;
    public const int MaxDescriptionLength = 700;
    public const int MaxRelayStateLength = 240;
    public const int MaxPolicies = 20;
    public const int MaxTags = 75;
    public static readonly TimeSpan MinSessionDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxSessionDuration = TimeSpan.FromHours(12);
    public static readonly TimeSpan DefaultSessionDuration = TimeSpan.FromHours(1);

    private static readonly Regex NamePattern = new(@"^[\w+=,.@-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex DescriptionPattern = new(@"^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$", RegexOptions.CultureInvariant);
    private static readonly Regex PolicyTextPattern = new(@"^[\u0009\u000A\u000D\u0020-\u00FF]+$", RegexOptions.CultureInvariant);
    private static readonly Regex PolicyNamePattern = new(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex PolicyPathPattern = new(@"^(/[A-Za-z0-9.,+@=_-]+)*/$", RegexOptions.CultureInvariant);
    private static readonly Regex TagTextPattern = new(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The checked, resolved form of <paramref name="definition"/>. <paramref name="forCreate"/> requires a name and
    /// fills the defaults of a new set (one-hour sessions, no policies).
    /// </summary>
    public static PermissionSetSpec Validate(PermissionSetDefinition definition, bool forCreate, string partition = "aws", ManagedPolicyCatalog? catalog = null)
    {
        catalog ??= ManagedPolicyCatalog.Default;
        var problems = new List<string>();
        var warnings = new List<string>();
        var spec = new PermissionSetSpec();

        if (definition.Name != null || forCreate) spec.Name = CheckName(definition.Name, problems);
        if (definition.Description != null)
        {
            if (definition.Description.Length > MaxDescriptionLength)
                problems.Add($"The description is {definition.Description.Length} characters; at most {MaxDescriptionLength} are allowed.");
            else if (!DescriptionPattern.IsMatch(definition.Description))
                problems.Add("The description may hold only Latin-1 letters, digits, punctuation, tabs and line breaks.");
            if (definition.Description.Length == 0 && !forCreate)
                problems.Add("AWS cannot clear a permission set's description; give a new one instead.");
            spec.Description = definition.Description;
        }
        // For a new set, "no description" is a value to compare an existing set of that name with.
        else if (forCreate) spec.Description = "";
        spec.SessionDuration = definition.SessionDuration ?? (forCreate ? DefaultSessionDuration : null);
        if (spec.SessionDuration is { } duration && (duration < MinSessionDuration || duration > MaxSessionDuration))
            problems.Add($"The session duration {duration} is outside 1 to 12 hours (01:00:00 to 12:00:00, PT1H to PT12H).");
        if (definition.RelayState != null) spec.RelayState = CheckRelayState(definition.RelayState, forCreate, problems);
        else if (forCreate) spec.RelayState = "";

        if (definition.ManagedPolicies != null) spec.ManagedPolicies = ResolveManaged(definition.ManagedPolicies, partition, catalog, problems, warnings);
        else if (forCreate) spec.ManagedPolicies = Array.Empty<AwsManagedPolicy>();
        if (definition.CustomerManagedPolicies != null)
            spec.CustomerManagedPolicies = definition.CustomerManagedPolicies.Select(p => ParseCustomer(p, "customer managed policy", problems))
                .Where(p => p != null).Select(p => p!).Distinct().ToList();
        else if (forCreate) spec.CustomerManagedPolicies = Array.Empty<CustomerManagedPolicyName>();
        var policyCount = (spec.ManagedPolicies?.Count ?? 0) + (spec.CustomerManagedPolicies?.Count ?? 0);
        if (policyCount > MaxPolicies)
            problems.Add($"{policyCount} managed and customer managed policies were given; a permission set may have at most {MaxPolicies} together.");

        CheckInline(definition, forCreate, spec, problems);
        CheckBoundary(definition, forCreate, partition, catalog, spec, problems, warnings);
        if (definition.Tags != null) spec.Tags = CheckTags(definition.Tags, problems);
        else if (forCreate) spec.Tags = new Dictionary<string, string>();

        if (problems.Count > 0) throw new PermissionSetValidationException(definition.Name, problems);
        spec.Warnings = warnings;
        return spec;
    }

    private static string? CheckName(string? name, List<string> problems)
    {
        if (string.IsNullOrEmpty(name))
        {
            problems.Add("A permission set needs a name.");
            return null;
        }
        if (name!.Length > MaxNameLength) problems.Add($"The name '{name}' is {name.Length} characters; at most {MaxNameLength} are allowed.");
        if (!NamePattern.IsMatch(name)) problems.Add($"The name '{name}' may hold only letters, digits and + = , . @ - _ (no spaces).");
        return name;
    }

    private static string CheckRelayState(string relayState, bool forCreate, List<string> problems)
    {
        if (relayState.Length == 0)
        {
            if (!forCreate) problems.Add("AWS cannot clear a permission set's relay state; give a new URL instead.");
            return relayState;
        }
        if (relayState.Length > MaxRelayStateLength)
            problems.Add($"The relay state is {relayState.Length} characters; at most {MaxRelayStateLength} are allowed.");
        if (!Uri.TryCreate(relayState, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            problems.Add($"The relay state '{relayState}' is not an http(s) URL (for example https://console.aws.amazon.com/s3/home).");
        return relayState;
    }

    private static IReadOnlyList<AwsManagedPolicy> ResolveManaged(IEnumerable<string> names, string partition, ManagedPolicyCatalog catalog, List<string> problems, List<string> warnings)
    {
        var resolved = new List<AwsManagedPolicy>();
        foreach (var name in names)
        {
            try
            {
                var r = catalog.Resolve(name, partition);
                if (r.Warning != null) warnings.Add(r.Warning);
                if (!resolved.Contains(r.Policy)) resolved.Add(r.Policy);
            }
            catch (UnknownManagedPolicyException e)
            {
                problems.Add(e.Message);
            }
        }
        return resolved;
    }

    private static CustomerManagedPolicyName? ParseCustomer(string text, string what, List<string> problems)
    {
        // An ARN read as "/path/Name" would report its "arn:aws:iam::…:policy" part as a bad path.
        var trimmed = (text ?? "").Trim();
        if (ManagedPolicyCatalog.IsAwsManagedArn(trimmed))
        {
            problems.Add($"'{text}' is an AWS managed policy; give it as a managed policy, not a customer managed one.");
            return null;
        }
        if (ManagedPolicyCatalog.CustomerReferenceOfArn(trimmed) is { } reference)
        {
            problems.Add($"The {what} '{text}' is given by ARN, which names it in one account only; a permission set refers to a customer managed policy by name and path, the same in every account it is provisioned to: give '{reference}'.");
            return null;
        }
        var policy = CustomerManagedPolicyName.Parse(trimmed);
        if (!PolicyNamePattern.IsMatch(policy.Name))
        {
            problems.Add($"The {what} '{text}' needs a name of letters, digits and + = , . @ - _ (at most 128), written Name or /path/Name.");
            return null;
        }
        if (policy.Path.Length > 512 || !PolicyPathPattern.IsMatch(policy.Path))
        {
            problems.Add($"The {what} '{text}' has the path '{policy.Path}'; a path starts and ends with / and holds letters, digits and . , + @ = _ -.");
            return null;
        }
        return policy;
    }

    private static void CheckInline(PermissionSetDefinition definition, bool forCreate, PermissionSetSpec spec, List<string> problems)
    {
        if (definition.RemoveInlinePolicy && definition.InlinePolicy != null)
            problems.Add("An inline policy cannot be given and removed at once.");
        if (definition.InlinePolicy != null)
        {
            if (string.IsNullOrWhiteSpace(definition.InlinePolicy)) problems.Add("The inline policy is empty.");
            else
            {
                problems.AddRange(InlinePolicyDocument.Problems(definition.InlinePolicy));
                if (!PolicyTextPattern.IsMatch(definition.InlinePolicy))
                    problems.Add("The inline policy may hold only Latin-1 characters.");
            }
            spec.InlinePolicySpecified = true;
            spec.InlinePolicy = definition.InlinePolicy;
        }
        else if (definition.RemoveInlinePolicy || forCreate) spec.InlinePolicySpecified = true;
    }

    private static void CheckBoundary(PermissionSetDefinition definition, bool forCreate, string partition, ManagedPolicyCatalog catalog,
        PermissionSetSpec spec, List<string> problems, List<string> warnings)
    {
        var given = (definition.PermissionsBoundary != null ? 1 : 0) + (definition.CustomerManagedPermissionsBoundary != null ? 1 : 0)
            + (definition.RemovePermissionsBoundary ? 1 : 0);
        if (given > 1)
        {
            problems.Add("Give one permissions boundary: an AWS managed policy, a customer managed policy, or its removal.");
            return;
        }
        spec.PermissionsBoundarySpecified = given == 1 || forCreate;
        if (definition.PermissionsBoundary != null)
        {
            var managed = ResolveManaged(new[] { definition.PermissionsBoundary }, partition, catalog, problems, warnings);
            if (managed.Count == 1) spec.PermissionsBoundary = PermissionsBoundaryPolicy.Managed(managed[0]);
        }
        else if (definition.CustomerManagedPermissionsBoundary != null)
        {
            var customer = ParseCustomer(definition.CustomerManagedPermissionsBoundary, "permissions boundary", problems);
            if (customer != null) spec.PermissionsBoundary = PermissionsBoundaryPolicy.CustomerManaged(customer);
        }
    }

    private static IReadOnlyDictionary<string, string> CheckTags(IDictionary<string, string> tags, List<string> problems)
    {
        if (tags.Count > MaxTags) problems.Add($"{tags.Count} tags were given; at most {MaxTags} are allowed.");
        foreach (var tag in tags)
        {
            if (tag.Key.Length is 0 or > 128 || !TagTextPattern.IsMatch(tag.Key))
                problems.Add($"The tag key '{tag.Key}' must be 1 to 128 letters, digits, spaces or _ . : / = + - @.");
            else if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                problems.Add($"The tag key '{tag.Key}' uses the prefix aws:, which AWS reserves.");
            if ((tag.Value ?? "").Length > 256 || !TagTextPattern.IsMatch(tag.Value ?? ""))
                problems.Add($"The value of tag '{tag.Key}' must be at most 256 letters, digits, spaces or _ . : / = + - @.");
        }
        return new Dictionary<string, string>(tags, StringComparer.Ordinal);
    }
}
