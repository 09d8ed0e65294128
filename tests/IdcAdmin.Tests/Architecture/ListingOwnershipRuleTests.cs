using Xunit;

namespace IdcAdmin.Tests.Architecture;

/// <summary>The listing-ownership rule fails on known-bad sets of calls, and the reader sees calls in async iterators.</summary>
public sealed class ListingOwnershipRuleTests
{
    private const string Store = "IdcAdmin.Core.IdentityStore.IdentityStoreClient";

    private static MethodReferenceEdge Call(string from, string method, string declaring = Store, string assembly = "IdcAdmin.Core") =>
        new(assembly, from, declaring, method);

    [Fact]
    public void A_paginator_and_the_raw_call_of_the_same_listing_are_one_listing_and_other_methods_none()
    {
        Assert.Equal("IdentityStoreClient.ListGroupMemberships", ListingOwnership.ListingOf(Call("X", "PaginateListGroupMemberships")));
        Assert.Equal("IdentityStoreClient.ListGroupMemberships", ListingOwnership.ListingOf(Call("X", "ListGroupMembershipsAsync")));
        Assert.Null(ListingOwnership.ListingOf(Call("X", "DescribeUserAsync")));
        Assert.Null(ListingOwnership.ListingOf(Call("X", "get_Items", "IdcAdmin.Core.IdentityStore.Model.ListUsersResponse")));
        Assert.Null(ListingOwnership.ListingOf(Call("X", "ListAsync", "IdcAdmin.Core.Identity.Services.UserService")));
    }

    [Fact]
    public void Two_engine_types_paging_one_listing_are_reported_with_both_names()
    {
        var calls = new[]
        {
            Call("IdcAdmin.Core.Identity.Listings.MembershipListings", "PaginateListGroupMemberships"),
            Call("IdcAdmin.Core.Lockout.AdministratorAccessGuard", "PaginateListGroupMemberships"),
            Call("IdcAdmin.Core.Identity.Listings.MembershipListings", "PaginateListGroupMembershipsForMember"),
        };
        Assert.Equal(["IdentityStoreClient.ListGroupMemberships: IdcAdmin.Core.Identity.Listings.MembershipListings, IdcAdmin.Core.Lockout.AdministratorAccessGuard"],
            ListingOwnership.ListingsWithMoreThanOneOwner(calls, new Dictionary<string, SharedListing>()));
    }

    [Fact]
    public void A_raw_page_call_in_a_second_type_counts_as_a_second_owner()
    {
        var calls = new[]
        {
            Call("IdcAdmin.Core.Identity.Services.UserService", "PaginateListUsers"),
            Call("IdcAdmin.Core.Access.EffectiveAccessQuery", "ListUsersAsync"),
        };
        Assert.Single(ListingOwnership.ListingsWithMoreThanOneOwner(calls, new Dictionary<string, SharedListing>()));
    }

    [Fact]
    public void The_generated_client_and_the_sandbox_are_outside_the_rule()
    {
        var calls = new[]
        {
            Call("IdcAdmin.Core.Identity.Services.UserService", "PaginateListUsers"),
            Call(Store, "ListUsersAsync"), // the paginator itself
            Call("IdcAdmin.Core.IdentityStore.Model.ListUsersRequest", "ListUsersAsync"),
            Call("IdcAdmin.Core.Sandbox.SandboxSeeder", "PaginateListUsers"),
        };
        Assert.Empty(ListingOwnership.ListingsWithMoreThanOneOwner(calls, new Dictionary<string, SharedListing>()));
    }

    [Fact]
    public void A_shared_listing_allows_its_named_owners_and_reports_any_other()
    {
        const string sso = "IdcAdmin.Core.SsoAdmin.SsoAdminClient";
        var shared = new Dictionary<string, SharedListing>
        {
            ["SsoAdminClient.ListPermissionSetProvisioningStatus"] = new(["IdcAdmin.Core.A.Provisioner", "IdcAdmin.Core.A.Report"], "one page per poll vs all pages"),
        };
        var allowed = new[]
        {
            Call("IdcAdmin.Core.A.Provisioner", "ListPermissionSetProvisioningStatusAsync", sso),
            Call("IdcAdmin.Core.A.Report", "PaginateListPermissionSetProvisioningStatus", sso),
        };
        Assert.Empty(ListingOwnership.ListingsWithMoreThanOneOwner(allowed, shared));
        var third = Call("IdcAdmin.Core.B.Elsewhere", "PaginateListPermissionSetProvisioningStatus", sso);
        Assert.Single(ListingOwnership.ListingsWithMoreThanOneOwner([.. allowed, third], shared));
    }

    [Fact]
    public void A_cmdlet_paging_a_listing_is_reported_and_a_cmdlet_calling_a_reader_is_not()
    {
        var bad = Call("IdcAdmin.Commands.Group.GetIdcGroupMemberCommand", "PaginateListGroupMemberships", assembly: "IdcAdmin");
        var fine = Call("IdcAdmin.Commands.Group.GetIdcGroupMemberCommand", "ListMembersAsync", "IdcAdmin.Core.Identity.Services.MembershipService", "IdcAdmin");
        Assert.Equal([bad], ListingOwnership.CmdletsCallingListings([bad, fine]));
    }

    [Fact]
    public void The_reader_sees_calls_inside_async_iterators_and_lambdas_as_their_outer_types()
    {
        var calls = MethodReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Tests.dll"));
        var from = typeof(CallsOnlyInsideIterators).FullName;
        Assert.Contains(calls, c => c.FromType == from && c.DeclaringType == typeof(Path).FullName && c.Method == nameof(Path.GetFileName));
        Assert.Contains(calls, c => c.FromType == from && c.DeclaringType == typeof(string).FullName && c.Method == nameof(string.ToUpperInvariant));
        Assert.DoesNotContain(calls, c => c.FromType == from && c.Method == nameof(Path.GetExtension));
    }
}

/// <summary>Calls its methods only inside an async iterator and a lambda.</summary>
internal static class CallsOnlyInsideIterators
{
    public static async IAsyncEnumerable<string> Names(IEnumerable<string> paths)
    {
        Func<string, string> upper = s => s.ToUpperInvariant();
        foreach (var p in paths)
        {
            await Task.Yield();
            yield return upper(Path.GetFileName(p));
        }
    }
}
