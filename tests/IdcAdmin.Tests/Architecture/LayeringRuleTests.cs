using Xunit;
using IdcAdmin.Core.Identity.Services;

namespace IdcAdmin.Tests.Architecture;

/// <summary>Each layering rule fails on a known-bad set of references, and the reader sees references inside method bodies.</summary>
public sealed class LayeringRuleTests
{
    private static TypeReferenceEdge Edge(string from, string to, string toAssembly = "IdcAdmin.Core", string fromAssembly = "IdcAdmin.Core") =>
        new(fromAssembly, from, toAssembly, to);

    [Fact]
    public void An_engine_type_naming_a_PowerShell_type_is_reported()
    {
        var bad = Edge("IdcAdmin.Core.Identity.UserService", "System.Management.Automation.PSObject", Layering.PowerShell);
        Assert.Equal([bad], Layering.EngineReferencingPowerShell([bad, Edge("IdcAdmin.Core.Identity.UserService", "System.String", "System.Runtime")]));
    }

    [Fact]
    public void The_transport_naming_a_session_or_service_type_is_reported()
    {
        var bad = Edge("IdcAdmin.Core.Aws.AwsJsonTransport", "IdcAdmin.Core.Session.IdcSession");
        var fine = Edge("IdcAdmin.Core.Aws.AwsJsonTransport", "IdcAdmin.Core.Aws.AwsRetryPolicy");
        Assert.Equal([bad], Layering.TransportReferencingAbove([bad, fine]));
    }

    [Fact]
    public void A_client_naming_a_service_is_reported_but_not_its_wire_types_or_the_transport()
    {
        var bad = Edge("IdcAdmin.Core.Organizations.Model.Account", "IdcAdmin.Core.Accounts.OrganizationDirectory");
        var fine = new[]
        {
            Edge("IdcAdmin.Core.Organizations.OrganizationsClient", "IdcAdmin.Core.Organizations.Model.Account"),
            Edge("IdcAdmin.Core.Organizations.OrganizationsClient", "IdcAdmin.Core.Aws.AwsJsonTransport"),
        };
        Assert.Equal([bad], Layering.ClientsReferencingServices([bad, .. fine]));
    }

    [Fact]
    public void An_engine_type_naming_a_cmdlet_type_is_reported()
    {
        var bad = Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.IdcCmdlet", "IdcAdmin");
        Assert.Equal([bad], Layering.EngineReferencingCmdlets([bad, Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.Core.Session.IdcSession")]));
    }

    [Fact]
    public void A_cmdlet_naming_a_wire_type_a_client_or_a_transport_internal_is_reported()
    {
        var face = new HashSet<string> { "IdcAdmin.Core.Aws.AwsNotFoundException" };
        var bad = new[]
        {
            Edge("IdcAdmin.Commands.User.GetIdcUserCommand", "IdcAdmin.Core.IdentityStore.Model.User", fromAssembly: "IdcAdmin"),
            Edge("IdcAdmin.Commands.User.GetIdcUserCommand", "IdcAdmin.Core.IdentityStore.IdentityStoreClient", fromAssembly: "IdcAdmin"),
            Edge("IdcAdmin.Commands.User.GetIdcUserCommand", "IdcAdmin.Core.Aws.RequestRateLimiter", fromAssembly: "IdcAdmin"),
        };
        var fine = new[]
        {
            Edge("IdcAdmin.Commands.User.GetIdcUserCommand", "IdcAdmin.Core.Aws.AwsNotFoundException", fromAssembly: "IdcAdmin"),
            Edge("IdcAdmin.Commands.Account.GetIdcAccountCommand", "IdcAdmin.Core.Organizations.AwsAccount", fromAssembly: "IdcAdmin"),
            Edge("IdcAdmin.Commands.User.GetIdcUserCommand", "IdcAdmin.Core.Identity.IdcUser", fromAssembly: "IdcAdmin"),
        };
        Assert.Equal(bad, Layering.CmdletsReferencingTransportOrWire([.. bad, .. fine], face));
    }

    [Fact]
    public void A_reference_to_a_higher_layer_or_an_unplaced_area_is_reported()
    {
        string[][] layers = [["Aws"], ["Session"], ["Access"]];
        var up = Edge("IdcAdmin.Core.Session.IdcSession", "IdcAdmin.Core.Access.AssignmentPlanner");
        var unplaced = Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.Core.Newcomer.Helper");
        var fine = new[]
        {
            Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.Core.Session.IdcSession"),
            Edge("IdcAdmin.Core.Session.IdcSession", "IdcAdmin.Core.Aws.AwsJsonTransport"),
            Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.Core.Access.AssignmentKey"),
        };
        Assert.Equal([up, unplaced], Layering.UpwardReferences([up, unplaced, .. fine], layers));
    }

    [Fact]
    public void A_ring_between_engine_areas_is_reported_with_one_reference_per_step()
    {
        var ring = new[]
        {
            Edge("IdcAdmin.Core.Session.IdcSession", "IdcAdmin.Core.Identity.Services.UserService"),
            Edge("IdcAdmin.Core.Identity.Services.UserService", "IdcAdmin.Core.Access.AssignmentKey"),
            Edge("IdcAdmin.Core.Access.AssignmentKey", "IdcAdmin.Core.Session.IdcSession"),
        };
        var downward = new[]
        {
            Edge("IdcAdmin.Core.Access.AssignmentPlanner", "IdcAdmin.Core.Identity.PrincipalKind"),
            Edge("IdcAdmin.Core.SsoAdmin.SsoAdminClient", "IdcAdmin.Core.SsoAdmin.Model.ListInstancesRequest"),
        };
        var cycles = Layering.CyclesBetweenEngineAreas([.. ring, .. downward]);
        var found = Assert.Single(cycles);
        Assert.Equal(ring.OrderBy(e => e.FromType), found.OrderBy(e => e.FromType));
        Assert.Empty(Layering.CyclesBetweenEngineAreas(downward));
    }

    [Fact]
    public void A_client_and_its_wire_types_are_one_area_and_a_sub_namespace_is_its_own()
    {
        Assert.Equal("SsoAdmin", Layering.AreaOf("IdcAdmin.Core.SsoAdmin.Model"));
        Assert.Equal("Identity.Services", Layering.AreaOf("IdcAdmin.Core.Identity.Services"));
    }

    [Fact]
    public void The_reader_sees_references_in_method_bodies_closures_and_generic_arguments()
    {
        var edges = TypeReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Tests.dll"));
        var from = typeof(ReferencesOnlyInBodies).FullName;
        Assert.Contains(edges, e => e.FromType == from && e.ToType == typeof(System.Text.StringBuilder).FullName);
        Assert.Contains(edges, e => e.FromType == from && e.ToType == typeof(System.Xml.Linq.XElement).FullName);
        Assert.Contains(edges, e => e.FromType == from && e.ToType == typeof(System.Collections.Concurrent.ConcurrentBag<>).FullName);
        Assert.DoesNotContain(edges, e => e.FromType == from && e.ToType == typeof(System.Text.RegularExpressions.Regex).FullName);
    }
}

/// <summary>Names its types only inside method bodies: a local, a lambda's closure and a generic argument.</summary>
internal static class ReferencesOnlyInBodies
{
    public static int Count()
    {
        var builder = new System.Text.StringBuilder("x");
        Func<string> make = () => new System.Xml.Linq.XElement("x").Name.LocalName;
        return builder.Length + make().Length + Enumerable.Count(new System.Collections.Concurrent.ConcurrentBag<int>());
    }
}
