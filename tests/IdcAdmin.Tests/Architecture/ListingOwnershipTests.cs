using Xunit;

namespace IdcAdmin.Tests.Architecture;

/// <summary>
/// Each AWS listing has one owner in the engine: the reader that pages it and maps it for every other caller, so a
/// listing's request, page size and mapping are written once. Checked on the compiled assemblies (method bodies,
/// closures and iterators included); the generated clients and the sandbox (which serves the listings) are outside
/// the rule, and a cmdlet pages no listing at all.
/// </summary>
public sealed class ListingOwnershipTests
{
    private static readonly IReadOnlyList<MethodReferenceEdge> EngineCalls = MethodReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Core.dll"));
    private static readonly IReadOnlyList<MethodReferenceEdge> CmdletCalls = MethodReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.dll"));

    /// <summary>The listings read by more than one type, each with the types allowed and why.</summary>
    public static readonly IReadOnlyDictionary<string, SharedListing> Shared = new Dictionary<string, SharedListing>(StringComparer.Ordinal)
    {
        ["SsoAdminClient.ListPermissionSetProvisioningStatus"] = new(
            ["IdcAdmin.Core.PermissionSets.PermissionSetProvisioner", "IdcAdmin.Core.PermissionSets.PermissionSetProvisioningReport"],
            "Not one listing read twice: the provisioner's status board reads only the newest page once per poll (paging it " +
            "all would cost a call per page per poll), while the report pages every remembered request for Get-IdcPermissionSetProvisioning."),
    };

    /// <summary>Who owns the listings that were paged by hand in many places.</summary>
    public static TheoryData<string, string> Readers => new()
    {
        { "IdentityStoreClient.ListUsers", "IdcAdmin.Core.Identity.Services.UserService" },
        { "IdentityStoreClient.ListGroups", "IdcAdmin.Core.Identity.Services.GroupService" },
        { "IdentityStoreClient.ListGroupMemberships", "IdcAdmin.Core.Identity.Listings.MembershipListings" },
        { "IdentityStoreClient.ListGroupMembershipsForMember", "IdcAdmin.Core.Identity.Listings.MembershipListings" },
        { "SsoAdminClient.ListAccountAssignments", "IdcAdmin.Core.Assignments.AssignmentListings" },
        { "SsoAdminClient.ListAccountAssignmentsForPrincipal", "IdcAdmin.Core.Assignments.AssignmentListings" },
        { "SsoAdminClient.ListAccountsForProvisionedPermissionSet", "IdcAdmin.Core.PermissionSets.Listings.ProvisioningListings" },
        { "SsoAdminClient.ListPermissionSetsProvisionedToAccount", "IdcAdmin.Core.PermissionSets.Listings.ProvisioningListings" },
        { "SsoAdminClient.ListManagedPoliciesInPermissionSet", "IdcAdmin.Core.PermissionSets.Listings.PolicyListings" },
        { "SsoAdminClient.ListCustomerManagedPolicyReferencesInPermissionSet", "IdcAdmin.Core.PermissionSets.Listings.PolicyListings" },
        { "SsoAdminClient.ListPermissionSets", "IdcAdmin.Core.Naming.PermissionSetResolver" },
        { "OrganizationsClient.ListAccountsForParent", "IdcAdmin.Core.Accounts.OrganizationDirectory" },
    };

    [Fact]
    public void Every_listing_the_engine_reads_has_one_owner() =>
        Assert.Empty(ListingOwnership.ListingsWithMoreThanOneOwner(EngineCalls, Shared));

    [Theory]
    [MemberData(nameof(Readers))]
    public void The_listing_is_read_through_its_reader(string listing, string owner)
    {
        // Also proves the rule above is not vacuous: the reader is seen calling the generated paginator.
        var owners = ListingOwnership.Owners(EngineCalls);
        Assert.True(owners.ContainsKey(listing), $"no engine type calls {listing}");
        Assert.Equal([owner], owners[listing]);
    }

    [Fact]
    public void Every_shared_listing_is_still_read_by_each_type_it_names()
    {
        // A stale exception would silently allow a new second owner.
        var owners = ListingOwnership.Owners(EngineCalls);
        foreach (var (listing, shared) in Shared)
            Assert.Equal(shared.Owners.OrderBy(o => o, StringComparer.Ordinal), owners.GetValueOrDefault(listing, []));
    }

    [Fact]
    public void No_cmdlet_pages_a_listing() => Assert.Empty(ListingOwnership.CmdletsCallingListings(CmdletCalls).Select(e => e.ToString()));
}
