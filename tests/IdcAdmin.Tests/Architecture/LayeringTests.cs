using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests.Architecture;

/// <summary>
/// The layering, checked on the compiled assemblies (every type reference, method bodies included). From the top:
/// <code>
/// cmdlets      IdcAdmin (Commands/, Completers/, Infrastructure/): the only assembly that references PowerShell
/// workflows    Sandbox (the embedded Identity Center) above Configuration (access as code) and Guide
/// services     Access (account access) above Identity.Services and PermissionSets, above Lockout (the one
///              administrator lock-out guard), above Assignments (assignment keys, calls and listings) and the other
///              listing readers, Identity.Listings (memberships) and PermissionSets.Listings (policies, provisioning)
/// session      Session: connection, instance, and the caches it owns (name resolvers, organization directory)
/// directory    Naming (names ↔ ids, wildcards) and Accounts (the organization's tree and snapshot)
/// model        Identity (users, groups, principal kinds)
/// clients      IdentityStore, SsoAdmin, Organizations, generated, each with its wire types in .Model
/// transport    Aws (SigV4, JSON 1.1, retry, rate limit, paging, typed errors) and Reporting (output interface)
/// </code>
/// References go down, never up (<see cref="Layering.EngineLayers"/> is the list the test reads), no two engine areas
/// reference each other in a ring, and a new area fails the test until it is given its layer. A cmdlet talks to the
/// services and reads their results; of the transport it names only the published face (<see cref="TransportFace"/>:
/// the errors it classifies, the options a user sets, the call log Verbose reads), and never a client or wire type.
/// </summary>
public sealed class LayeringTests
{
    private static readonly IReadOnlyList<TypeReferenceEdge> EngineEdges = TypeReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Core.dll"));
    private static readonly IReadOnlyList<TypeReferenceEdge> CmdletEdges = TypeReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.dll"));

    /// <summary>The transport types a cmdlet may name: what the transport raises and what a user configures.</summary>
    public static readonly ISet<string> TransportFace = new HashSet<string>(StringComparer.Ordinal)
    {
        "IdcAdmin.Core.Aws.AwsServiceException", "IdcAdmin.Core.Aws.AwsNotFoundException", "IdcAdmin.Core.Aws.AwsConflictException",
        "IdcAdmin.Core.Aws.AwsThrottlingException", "IdcAdmin.Core.Aws.AwsAccessDeniedException", "IdcAdmin.Core.Aws.AwsValidationException",
        "IdcAdmin.Core.Aws.AwsQuotaExceededException", "IdcAdmin.Core.Aws.AwsUnexpectedResponseException",
        "IdcAdmin.Core.Aws.AwsConfigurationException", "IdcAdmin.Core.Aws.AwsConnectionException", "IdcAdmin.Core.Aws.SdkClientErrors",
        "IdcAdmin.Core.Aws.AwsRetryOptions", "IdcAdmin.Core.Aws.AwsCredentialResolver",
        "IdcAdmin.Core.Aws.IAwsCallLog", "IdcAdmin.Core.Aws.AmbientCallLog",
    };

    [Fact]
    public void Every_engine_area_has_a_layer_and_references_only_its_own_and_lower_layers() =>
        Assert.Empty(Layering.UpwardReferences(EngineEdges, Layering.EngineLayers).Select(e => e.ToString()));

    [Fact]
    public void The_engine_references_no_PowerShell()
    {
        Assert.DoesNotContain(Layering.PowerShell, TypeReferenceReader.AssemblyReferences(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Core.dll")));
        Assert.Empty(Layering.EngineReferencingPowerShell(EngineEdges));
    }

    [Fact]
    public void The_transport_references_nothing_of_ours_above_it() => Assert.Empty(Layering.TransportReferencingAbove(EngineEdges));

    [Fact]
    public void The_generated_clients_reference_only_their_wire_types_and_the_transport() => Assert.Empty(Layering.ClientsReferencingServices(EngineEdges));

    [Fact]
    public void The_engine_references_no_cmdlet_type() => Assert.Empty(Layering.EngineReferencingCmdlets(EngineEdges));

    [Fact]
    public void The_cmdlets_reference_no_client_no_wire_type_and_only_the_transports_published_face() =>
        Assert.Empty(Layering.CmdletsReferencingTransportOrWire(CmdletEdges, TransportFace));

    /// <summary>
    /// Wire constants (AWS's status strings, enum values) are compiled into the caller and leave no reference in the
    /// assembly, so the cmdlets' sources are read for the generated clients' namespaces too.
    /// </summary>
    [Fact]
    public void No_cmdlet_source_names_a_generated_clients_namespace()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "IdcAdmin"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .ToList();
        Assert.NotEmpty(sources);
        var naming = sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Layering.Clients.Any(c => l.Text.Contains(c[("IdcAdmin.".Length)..] + ".", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Repo.Root, l.File)}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(naming);
    }

    [Fact]
    public void No_two_engine_areas_reference_each_other_in_a_ring()
    {
        var rings = Layering.CyclesBetweenEngineAreas(EngineEdges);
        Assert.True(rings.Count == 0, "engine areas in a ring:\n" + string.Join("\n", rings.Select(ring => string.Join("\n  then ", ring))));
    }

    [Fact]
    public void The_cmdlet_assembly_is_read_and_references_the_engine()
    {
        // The rules above pass vacuously on an empty read; this proves both assemblies were read whole.
        Assert.Contains(EngineEdges, e => e.FromType == "IdcAdmin.Core.Session.IdcSession" && e.ToType == "IdcAdmin.Core.Session.AwsConnection");
        Assert.Contains(CmdletEdges, e => e.FromAssembly == "IdcAdmin" && e.ToAssembly == "IdcAdmin.Core");
        Assert.Contains(CmdletEdges, e => e.ToAssembly == Layering.PowerShell);
    }
}
