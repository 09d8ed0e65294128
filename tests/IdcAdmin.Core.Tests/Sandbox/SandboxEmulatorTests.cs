using System.Collections;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Sandbox;
using IdcAdmin.Core.Session;
using Xunit;

namespace IdcAdmin.Core.Tests.Sandbox;

/// <summary>
/// The emulator's own features, which moto has no counterpart for (seeds, outlines, throttling, token checks,
/// concurrency). The module's behaviour against it is proven by the contract suite, which also runs on moto.
/// </summary>
public sealed class SandboxEmulatorTests
{
    private static async Task<IdcSession> ConnectAsync(IdcSandbox sandbox, AwsRetryOptions? retry = null) =>
        await IdcConnector.ConnectAsync(sandbox.Connect(retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            RequestRateLimiter.PerSecond(100_000, 100_000)), null, CancellationToken.None);

    [Fact]
    public async Task The_same_seed_gives_the_same_instance_accounts_and_ids()
    {
        async Task<(string, string, List<string>, string)> RunAsync()
        {
            using var s = await ConnectAsync(new IdcSandbox(new SandboxOptions { Seed = 99 }));
            var accounts = new List<string>();
            await foreach (var a in s.Connection.Organizations.PaginateListAccounts(new ListAccountsRequest())) accounts.Add(a.Id + a.Name);
            var user = await s.Connection.IdentityStore.CreateUserAsync(new CreateUserRequest { IdentityStoreId = s.IdentityStoreId, UserName = "u", DisplayName = "U", Name = new Name { GivenName = "U", FamilyName = "U" } });
            return (s.InstanceArn, s.IdentityStoreId, accounts, user.UserId!);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first.Item1, second.Item1);
        Assert.Equal(first.Item2, second.Item2);
        Assert.Equal(first.Item3, second.Item3);
        Assert.Equal(first.Item4, second.Item4);
        Assert.NotEqual(first.Item1, (await ConnectAsync(new IdcSandbox(new SandboxOptions { Seed = 100 }))).InstanceArn);
    }

    [Fact]
    public async Task An_outline_from_nested_dictionaries_becomes_OUs_and_accounts()
    {
        var outline = SandboxOrganizationOutline.FromDictionary(new Hashtable
        {
            ["ManagementAccount"] = "mgmt",
            ["Accounts"] = new object[] { "shared" },
            ["Workloads"] = new Hashtable { ["Prod"] = new object[] { "p1", "p2" }, ["Accounts"] = "w" },
        });
        using var s = await ConnectAsync(new IdcSandbox(new SandboxOptions { Seed = 1, Organization = outline }));
        var org = s.Connection.Organizations;
        var root = (await org.ListRootsAsync(new ListRootsRequest())).Roots![0].Id;

        var workloads = Assert.Single((await org.ListOrganizationalUnitsForParentAsync(new ListOrganizationalUnitsForParentRequest { ParentId = root })).OrganizationalUnits!);
        var prod = Assert.Single((await org.ListOrganizationalUnitsForParentAsync(new ListOrganizationalUnitsForParentRequest { ParentId = workloads.Id })).OrganizationalUnits!);

        Assert.Equal(("Workloads", "Prod"), (workloads.Name, prod.Name));
        Assert.Equal(new[] { "mgmt", "shared" }, (await org.ListAccountsForParentAsync(new ListAccountsForParentRequest { ParentId = root })).Accounts!.Select(a => a.Name).OrderBy(n => n));
        Assert.Equal(new[] { "w" }, (await org.ListAccountsForParentAsync(new ListAccountsForParentRequest { ParentId = workloads.Id })).Accounts!.Select(a => a.Name));
        Assert.Equal(new[] { "p1", "p2" }, (await org.ListAccountsForParentAsync(new ListAccountsForParentRequest { ParentId = prod.Id })).Accounts!.Select(a => a.Name));
        Assert.Equal("mgmt", (await org.DescribeOrganizationAsync(new DescribeOrganizationRequest())).Organization!.MasterAccountEmail!.Split('@')[0]);
    }

    [Fact]
    public async Task Above_the_throttle_rate_requests_are_refused_and_the_transport_retries_them_to_success()
    {
        var sandbox = new IdcSandbox(new SandboxOptions { Seed = 1, ThrottleRequestsPerSecond = 20 });
        using var s = await ConnectAsync(sandbox, new AwsRetryOptions { MaxAttempts = 20, ThrottleMaxAttempts = 100, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) });

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => s.Connection.IdentityStore.CreateGroupAsync(
            new CreateGroupRequest { IdentityStoreId = s.IdentityStoreId, DisplayName = "g" + i })));

        Assert.Equal(60, sandbox.State.Groups.Count);
        Assert.True(sandbox.State.Throttle!.Refused > 0, "no request was throttled");
        Assert.True(s.Connection.AttemptCount > 61, $"only {s.Connection.AttemptCount} attempts were made");
    }

    [Fact]
    public async Task A_token_from_another_listing_or_a_made_up_token_is_a_ValidationException()
    {
        using var s = await ConnectAsync(new IdcSandbox(new SandboxOptions { Seed = 1, MaxPageSize = 1 }));
        var ids = s.Connection.IdentityStore;
        for (var i = 0; i < 2; i++) await ids.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = s.IdentityStoreId, DisplayName = "g" + i });
        var token = (await ids.ListGroupsAsync(new ListGroupsRequest { IdentityStoreId = s.IdentityStoreId })).NextToken;
        Assert.NotNull(token);

        await Assert.ThrowsAsync<AwsValidationException>(() => ids.ListUsersAsync(new ListUsersRequest { IdentityStoreId = s.IdentityStoreId, NextToken = token }));
        await Assert.ThrowsAsync<AwsValidationException>(() => ids.ListGroupsAsync(new ListGroupsRequest { IdentityStoreId = s.IdentityStoreId, NextToken = "bm90LWEtdG9rZW4" }));
        var second = await ids.ListGroupsAsync(new ListGroupsRequest { IdentityStoreId = s.IdentityStoreId, NextToken = token });
        Assert.Equal("g1", Assert.Single(second.Groups!).DisplayName);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_user_name_make_exactly_one_user()
    {
        var sandbox = new IdcSandbox(new SandboxOptions { Seed = 1 });
        using var s = await ConnectAsync(sandbox, new AwsRetryOptions { MaxAttempts = 1 });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await s.Connection.IdentityStore.CreateUserAsync(new CreateUserRequest { IdentityStoreId = s.IdentityStoreId, UserName = "same", DisplayName = "S", Name = new Name { GivenName = "S", FamilyName = "S" } });
                return true;
            }
            catch (AwsConflictException e) when (e.IsUniquenessViolation) { return false; }
        }));

        Assert.Equal(1, attempts.Count(ok => ok));
        Assert.Equal(1, sandbox.State.Users.Count);
    }

    [Fact]
    public async Task Validation_failures_are_listed_in_AWS_wording_with_their_count()
    {
        using var s = await ConnectAsync(new IdcSandbox(new SandboxOptions { Seed = 1 }));

        var e = await Assert.ThrowsAsync<AwsValidationException>(() => s.Connection.IdentityStore.ListGroupsAsync(
            new ListGroupsRequest { IdentityStoreId = "not-a-store", MaxResults = 0 }));

        Assert.StartsWith("2 validation errors detected: ", e.AwsMessage);
        Assert.Contains("Value 'not-a-store' at 'identityStoreId' failed to satisfy constraint: Member must satisfy regular expression pattern", e.AwsMessage);
        Assert.Contains("Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", e.AwsMessage);
    }
}
