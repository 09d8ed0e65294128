namespace IdcAdmin.Tests.Architecture;

/// <summary>
/// The layering rules, evaluated over the type references read from the compiled assemblies. Each rule returns the
/// references that break it (empty when it holds), so a failure names the offending types.
/// </summary>
public static class Layering
{
    public const string Engine = "IdcAdmin.Core";
    public const string Transport = "IdcAdmin.Core.Aws";
    public const string PowerShell = "System.Management.Automation";

    /// <summary>The typed clients generated from the AWS service models, each with its wire types in <c>.Model</c>.</summary>
    public static readonly string[] Clients = ["IdcAdmin.Core.IdentityStore", "IdcAdmin.Core.SsoAdmin", "IdcAdmin.Core.Organizations"];

    /// <summary>
    /// The engine's layers, lowest first; an area may reference its own layer and those below, never one above.
    /// A client's wire types (<c>.Model</c>) count with the client.
    /// </summary>
    public static readonly string[][] EngineLayers =
    [
        ["Aws", "Reporting"],                                     // transport, and the output interface the engine reports through
        ["IdentityStore", "SsoAdmin", "Organizations"],           // typed clients generated from the AWS models
        ["Identity"],                                             // users, groups, principal kinds: the output model
        ["Naming", "Accounts"],                                   // names ↔ ids and wildcards; the organization's tree
        ["Session"],                                              // connection, instance, and the caches it owns
        ["Assignments", "PermissionSets.Listings", "Identity.Listings"], // assignment keys and calls; the listings' owners (assignments, policies, provisioning, memberships)
        ["Lockout"],                                              // the one administrator lock-out guard
        ["Identity.Services", "PermissionSets"],                  // users, groups, memberships; permission sets
        ["Access"],                                               // account access: plan, dispatch, query, effective access
        ["Configuration", "Guide"],                               // access as code; the administrator guide
        ["Sandbox"],                                              // the embedded Identity Center (seeds from a configuration)
    ];

    /// <summary>References from an engine area to an area in a higher layer, or from or to an area no layer holds.</summary>
    public static IEnumerable<TypeReferenceEdge> UpwardReferences(IEnumerable<TypeReferenceEdge> edges, string[][] layers)
    {
        int Rank(string area) => Array.FindIndex(layers, layer => layer.Contains(area));
        return edges.Where(e => IsEngine(e.FromNamespace) && IsEngine(e.ToNamespace) && AreaOf(e.FromNamespace) != AreaOf(e.ToNamespace)
                                && (Rank(AreaOf(e.FromNamespace)) < 0 || Rank(AreaOf(e.ToNamespace)) < 0 || Rank(AreaOf(e.FromNamespace)) < Rank(AreaOf(e.ToNamespace))));
    }

    /// <summary>The engine names no PowerShell type.</summary>
    public static IEnumerable<TypeReferenceEdge> EngineReferencingPowerShell(IEnumerable<TypeReferenceEdge> edges) =>
        edges.Where(e => IsEngine(e.FromNamespace) && e.ToAssembly == PowerShell);

    /// <summary>The transport names nothing of ours outside itself.</summary>
    public static IEnumerable<TypeReferenceEdge> TransportReferencingAbove(IEnumerable<TypeReferenceEdge> edges) =>
        edges.Where(e => Within(e.FromNamespace, Transport) && IsOurs(e.ToNamespace) && !Within(e.ToNamespace, Transport));

    /// <summary>A generated client names only its own wire types and the transport.</summary>
    public static IEnumerable<TypeReferenceEdge> ClientsReferencingServices(IEnumerable<TypeReferenceEdge> edges) =>
        edges.Where(e => ClientOf(e.FromNamespace) is { } client && IsOurs(e.ToNamespace)
                         && !Within(e.ToNamespace, client) && !Within(e.ToNamespace, Transport));

    /// <summary>Nothing in the engine names a cmdlet-layer type.</summary>
    public static IEnumerable<TypeReferenceEdge> EngineReferencingCmdlets(IEnumerable<TypeReferenceEdge> edges) =>
        edges.Where(e => IsEngine(e.FromNamespace) && IsOurs(e.ToNamespace) && !IsEngine(e.ToNamespace));

    /// <summary>
    /// A cmdlet names neither a generated client nor its wire types, and of the transport only its published face
    /// (<paramref name="transportFace"/>): the errors it raises, the options a user sets, the call log Verbose reads.
    /// </summary>
    public static IEnumerable<TypeReferenceEdge> CmdletsReferencingTransportOrWire(IEnumerable<TypeReferenceEdge> edges, ISet<string> transportFace) =>
        edges.Where(e => IsOurs(e.FromNamespace) && !IsEngine(e.FromNamespace)
                         && ((Within(e.ToNamespace, Transport) && !transportFace.Contains(e.ToType)) || IsWire(e.ToNamespace, e.ToType)));

    /// <summary>A generated client class or one of its wire types (request, response, shape, enum).</summary>
    public static bool IsWire(string ns, string type) =>
        Clients.Any(c => Within(ns, c + ".Model") || (ns == c && type.EndsWith("Client", StringComparison.Ordinal)));

    /// <summary>
    /// The engine's areas (the namespace under IdcAdmin.Core, a client's Model counted with its client) that reference
    /// each other in a ring, each ring with one reference per step.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TypeReferenceEdge>> CyclesBetweenEngineAreas(IEnumerable<TypeReferenceEdge> edges)
    {
        var between = edges.Where(e => IsEngine(e.FromNamespace) && IsEngine(e.ToNamespace) && AreaOf(e.FromNamespace) != AreaOf(e.ToNamespace))
            .GroupBy(e => (From: AreaOf(e.FromNamespace), To: AreaOf(e.ToNamespace)))
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.FromType, StringComparer.Ordinal).First());
        var next = between.Keys.GroupBy(k => k.From).ToDictionary(g => g.Key, g => g.Select(k => k.To).OrderBy(a => a, StringComparer.Ordinal).ToList());
        var cycles = new List<IReadOnlyList<TypeReferenceEdge>>();
        foreach (var component in StronglyConnected(next).Where(c => c.Count > 1))
        {
            // One ring through the component, found by a breadth-first walk back to its first area.
            var start = component.Min(StringComparer.Ordinal)!;
            var cameFrom = new Dictionary<string, string>();
            var queue = new Queue<string>([start]);
            while (queue.Count > 0 && !cameFrom.ContainsKey(start))
            {
                var area = queue.Dequeue();
                foreach (var to in next.GetValueOrDefault(area, []).Where(component.Contains))
                    if (cameFrom.TryAdd(to, area)) queue.Enqueue(to);
            }
            var ring = new List<TypeReferenceEdge>();
            for (var at = start; ring.Count == 0 || at != start; at = cameFrom[at]) ring.Insert(0, between[(cameFrom[at], at)]);
            cycles.Add(ring);
        }
        return cycles;
    }

    /// <summary>The engine area a namespace belongs to: its name under IdcAdmin.Core, a client's Model counted with the client.</summary>
    public static string AreaOf(string ns)
    {
        var rest = ns.Length > Engine.Length ? ns[(Engine.Length + 1)..] : "";
        return rest.EndsWith(".Model", StringComparison.Ordinal) ? rest[..^".Model".Length] : rest;
    }

    private static bool IsOurs(string ns) => Within(ns, "IdcAdmin");
    private static bool IsEngine(string ns) => Within(ns, Engine);
    private static string? ClientOf(string ns) => Clients.FirstOrDefault(c => Within(ns, c));
    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<HashSet<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<HashSet<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in next.GetValueOrDefault(v, []))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new HashSet<string>();
            string popped;
            do { popped = stack.Pop(); component.Add(popped); } while (popped != v);
            result.Add(component);
        }
        foreach (var v in next.Keys.OrderBy(k => k, StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return result;
    }
}
