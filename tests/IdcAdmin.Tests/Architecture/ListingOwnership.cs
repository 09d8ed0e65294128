using System.Text.RegularExpressions;

namespace IdcAdmin.Tests.Architecture;

/// <summary>A listing that names a reason for more than one owner, and the owners it allows.</summary>
public sealed record SharedListing(string[] Owners, string Reason);

/// <summary>
/// One owner for each AWS listing: a generated client's <c>Paginate&lt;List…&gt;</c> and its raw <c>List…Async</c> (one
/// listing, the same operation) are called by exactly one engine type outside the generated clients and the sandbox —
/// the reader that pages and maps it for everyone else. A cmdlet calls none.
/// </summary>
public static partial class ListingOwnership
{
    [GeneratedRegex(@"^(?:Paginate(?<op>List\w+)|(?<op>List\w+)Async)$")]
    private static partial Regex ListingMethod();

    /// <summary>"SsoAdminClient.ListAccountAssignments" for a generated client's paginator or raw call of that listing; null for anything else.</summary>
    public static string? ListingOf(MethodReferenceEdge e)
    {
        var client = Layering.Clients.FirstOrDefault(c => e.DeclaringType.StartsWith(c + ".", StringComparison.Ordinal) && !e.DeclaringType.StartsWith(c + ".Model.", StringComparison.Ordinal));
        if (client == null || !e.DeclaringType.EndsWith("Client", StringComparison.Ordinal)) return null;
        var match = ListingMethod().Match(e.Method);
        return match.Success ? $"{e.DeclaringType[(client.Length + 1)..]}.{match.Groups["op"].Value}" : null;
    }

    /// <summary>Each listing the engine calls outside the generated clients and the sandbox, with the types that call it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Owners(IEnumerable<MethodReferenceEdge> edges) =>
        edges.Where(e => IsEngine(e.FromNamespace) && !InClientOrSandbox(e.FromNamespace))
            .Select(e => (Listing: ListingOf(e), e.FromType))
            .Where(p => p.Listing != null)
            .GroupBy(p => p.Listing!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.FromType).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The listings called by more than one engine type, with those types; a listing in <paramref name="shared"/> is
    /// reported only when a type outside its allowed owners calls it.
    /// </summary>
    public static IReadOnlyList<string> ListingsWithMoreThanOneOwner(IEnumerable<MethodReferenceEdge> edges, IReadOnlyDictionary<string, SharedListing> shared) =>
        Owners(edges)
            .Where(o => shared.TryGetValue(o.Key, out var allowed) ? o.Value.Except(allowed.Owners).Any() : o.Value.Count > 1)
            .Select(o => $"{o.Key}: {string.Join(", ", o.Value)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>References from the cmdlet layer (anything of ours outside the engine) to a listing.</summary>
    public static IReadOnlyList<MethodReferenceEdge> CmdletsCallingListings(IEnumerable<MethodReferenceEdge> edges) =>
        edges.Where(e => IsOurs(e.FromNamespace) && !IsEngine(e.FromNamespace) && ListingOf(e) != null).ToList();

    private static bool InClientOrSandbox(string ns) =>
        Layering.Clients.Any(c => Within(ns, c)) || Within(ns, Layering.Engine + ".Sandbox");
    private static bool IsOurs(string ns) => Within(ns, "IdcAdmin");
    private static bool IsEngine(string ns) => Within(ns, Layering.Engine);
    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
