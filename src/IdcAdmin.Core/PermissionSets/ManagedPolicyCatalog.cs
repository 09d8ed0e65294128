using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// The AWS managed policy names and paths known to the module, so "ViewOnlyAccess" becomes
/// arn:aws:iam::aws:policy/job-function/ViewOnlyAccess and a misspelt name is caught before anything is written.
/// </summary>
/// <remarks>
/// Identity Center has no call that lists or checks AWS managed policies; only IAM does, and asking IAM would need
/// another client, another signing scope and iam:ListPolicies on the caller. So the list ships with the module as an
/// embedded resource, refreshed by tools/update-aws-managed-policies.py. AWS adds policies between releases: a full
/// ARN that is not on the list is therefore accepted with a warning (AWS itself refuses one that does not exist),
/// while a bare name must be on the list, because only the list knows its path.
/// </remarks>
public sealed class ManagedPolicyCatalog
{
    private static readonly Lazy<ManagedPolicyCatalog> Shipped = new(LoadShipped);
    private static readonly Regex AwsPolicyArn = new(@"^arn:(?<partition>aws[\w-]*):iam::aws:policy(?<path>/(?:[\w+=,.@-]+/)*)(?<name>[\w+=,.@-]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex AnyPolicyArn = new(@"^arn:aws[\w-]*:iam::\d{12}:policy/", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, string> _pathByName;

    public ManagedPolicyCatalog(IEnumerable<string> pathsAndNames)
    {
        _pathByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in pathsAndNames)
        {
            var entry = line.Trim();
            if (entry.Length == 0) continue;
            var slash = entry.LastIndexOf('/');
            _pathByName[entry.Substring(slash + 1)] = slash < 0 ? "/" : entry.Substring(0, slash + 1);
        }
    }

    /// <summary>The list shipped with this version of the module.</summary>
    public static ManagedPolicyCatalog Default => Shipped.Value;

    public int Count => _pathByName.Count;

    /// <summary>The names of the AWS managed policies in the list, for tab completion.</summary>
    public IEnumerable<string> Names => _pathByName.Keys;

    public static bool IsAwsManagedArn(string value) => AwsPolicyArn.IsMatch(value);

    /// <summary>"/path/Name" for the ARN of a policy in an account (arn:aws:iam::111122223333:policy/path/Name), else null.</summary>
    public static string? CustomerReferenceOfArn(string value) => AnyPolicyArn.IsMatch(value) ? CustomerPath(value) : null;

    /// <summary>
    /// The policy for a name ("ReadOnlyAccess"), a path and name ("job-function/Billing") or an ARN. Unknown names
    /// raise <see cref="UnknownManagedPolicyException"/> with the closest known names.
    /// </summary>
    public ManagedPolicyResolution Resolve(string nameOrArn, string partition = "aws")
    {
        var value = (nameOrArn ?? "").Trim();
        if (CustomerReferenceOfArn(value) is { } reference)
            throw new UnknownManagedPolicyException(value,
                $"'{value}' is a customer managed policy (it belongs to an account, not to AWS). Permission sets refer to customer managed policies by name and path: use -CustomerManagedPolicy '{reference}'.",
                Array.Empty<string>());
        var arn = AwsPolicyArn.Match(value);
        if (arn.Success)
        {
            var name = arn.Groups["name"].Value;
            if (!_pathByName.TryGetValue(name, out var knownPath))
                return new ManagedPolicyResolution(new AwsManagedPolicy(name, value),
                    $"'{name}' is not among the {Count} AWS managed policies this module knows; sending the ARN as given (AWS refuses it if the policy does not exist).");
            if (knownPath != arn.Groups["path"].Value)
                throw Unknown(value, $"The AWS managed policy {name} has the path {knownPath}: its ARN is {ArnOf(partition, knownPath, name)}.", new[] { ArnOf(partition, knownPath, name) });
            return new ManagedPolicyResolution(new AwsManagedPolicy(name, value), null);
        }

        var lastSlash = value.LastIndexOf('/');
        var bareName = value.Substring(lastSlash + 1);
        var givenPath = lastSlash < 0 ? null : "/" + value.Substring(0, lastSlash + 1).Trim('/') + "/";
        if (givenPath == "//") givenPath = "/";
        if (_pathByName.TryGetValue(bareName, out var path))
        {
            if (givenPath != null && givenPath != path)
                throw Unknown(value, $"The AWS managed policy {bareName} has the path {path}, not {givenPath}.", new[] { path.TrimStart('/') + bareName });
            return new ManagedPolicyResolution(new AwsManagedPolicy(bareName, ArnOf(partition, path, bareName)), null);
        }
        var suggestions = Suggest(bareName);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : "";
        throw Unknown(value, $"'{value}' is not an AWS managed policy name.{hint} (A policy newer than this module's list can be given by its full ARN.)", suggestions);
    }

    /// <summary>Up to three known names closest to <paramref name="name"/>: same letters in another case, small typos, or containing it.</summary>
    public IReadOnlyList<string> Suggest(string name)
    {
        if (string.IsNullOrEmpty(name)) return Array.Empty<string>();
        var lower = name.ToLowerInvariant();
        var sameIgnoringCase = _pathByName.Keys.Where(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameIgnoringCase.Count > 0) return sameIgnoringCase;
        var limit = Math.Max(2, name.Length / 4);
        var close = _pathByName.Keys
            .Select(k => (Name: k, Distance: EditDistance(lower, k.ToLowerInvariant(), limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).Take(3).ToList();
        if (close.Count > 0) return close;
        return _pathByName.Keys.Where(k => lower.Length >= 4 && k.ToLowerInvariant().Contains(lower))
            .OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Take(3).ToList();
    }

    public static string ArnOf(string partition, string path, string name) => $"arn:{partition}:iam::aws:policy{path}{name}";

    private static UnknownManagedPolicyException Unknown(string value, string message, IReadOnlyList<string> suggestions) =>
        new(value, message, suggestions);

    private static string CustomerPath(string arn) => arn.Substring(arn.IndexOf(":policy/", StringComparison.Ordinal) + ":policy".Length);

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once every path exceeds the limit.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static ManagedPolicyCatalog LoadShipped()
    {
        using var stream = typeof(ManagedPolicyCatalog).Assembly.GetManifestResourceStream("IdcAdmin.Core.PermissionSets.AwsManagedPolicies.txt")
            ?? throw new InvalidOperationException("The AWS managed policy list is missing from IdcAdmin.Core.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) != null) lines.Add(line);
        return new ManagedPolicyCatalog(lines);
    }
}

/// <summary>A resolved AWS managed policy and, when the name was not on the shipped list, a warning to show.</summary>
public sealed class ManagedPolicyResolution
{
    public ManagedPolicyResolution(AwsManagedPolicy policy, string? warning)
    {
        Policy = policy;
        Warning = warning;
    }

    public AwsManagedPolicy Policy { get; }
    public string? Warning { get; }
}

/// <summary>A managed policy name that is not an AWS managed policy, with the closest names that are.</summary>
public sealed class UnknownManagedPolicyException : ArgumentException
{
    public UnknownManagedPolicyException(string value, string message, IReadOnlyList<string> suggestions) : base(message)
    {
        Value = value;
        Suggestions = suggestions;
    }

    public string Value { get; }
    public IReadOnlyList<string> Suggestions { get; }
}
