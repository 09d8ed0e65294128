using System.Net;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;
using static IdcAdmin.Core.Tests.Identity.ScriptedIdentity;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>A membership listing is several calls: one user or group it may not describe costs a warning, not the listing.</summary>
public sealed class MembershipListingScriptedTests
{
    private const string OtherUserId = "99999999-2222-3333-4444-555555555555";

    private static ScriptedHandler Store() => new ScriptedHandler()
        .On("GetGroupId", _ => new { IdentityStoreId = StoreId, GroupId })
        .On("DescribeGroup", _ => new { IdentityStoreId = StoreId, GroupId, DisplayName = "Admins" })
        .On("ListGroupMemberships", _ => new
        {
            GroupMemberships = new[]
            {
                new { IdentityStoreId = StoreId, MembershipId = "m-1", GroupId, MemberId = new { UserId = OtherUserId } },
                new { IdentityStoreId = StoreId, MembershipId = "m-2", GroupId, MemberId = new { UserId } },
            },
        })
        .On("DescribeUser", body => body["UserId"]!.GetValue<string>() == OtherUserId
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform identitystore:DescribeUser")
            : ScriptedResponse.Ok(Alice));

    [Fact]
    public async Task Members_whose_user_cannot_be_described_are_listed_by_id_with_one_warning()
    {
        using var session = NewSession(Store());
        var output = new CollectingOutput();

        var members = new List<IdcGroupMember>();
        await foreach (var m in new MembershipService(session, output).ListMembersAsync("Admins", CancellationToken.None)) members.Add(m);

        Assert.Equal(new[] { OtherUserId, "alice" }, members.Select(m => m.UserName));
        Assert.Equal("alice@example.com", members[1].Email);
        var warning = Assert.Single(output.Warnings);
        Assert.Contains(OtherUserId, warning);
        Assert.Contains("AccessDeniedException", warning);
    }

    [Fact]
    public async Task Without_a_writer_an_unreadable_member_fails_the_listing()
    {
        using var session = NewSession(Store());

        await Assert.ThrowsAnyAsync<Aws.AwsServiceException>(async () =>
        {
            await foreach (var _ in new MembershipService(session).ListMembersAsync("Admins", CancellationToken.None)) { }
        });
    }
}
