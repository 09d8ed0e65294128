using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Paged listings are streams: a page is fetched only when the caller reaches it, and a looping token ends the stream.</summary>
public sealed class PagingStreamTests
{
    private const string StoreId = "d-9067230d4f";

    private static object Page(int page, string? next) => new
    {
        Users = new[] { new { UserId = $"u{page}a", IdentityStoreId = StoreId }, new { UserId = $"u{page}b", IdentityStoreId = StoreId } },
        NextToken = next,
    };

    [Fact]
    public async Task The_next_page_is_requested_only_after_the_current_page_is_consumed()
    {
        var backend = new ScriptedHandler().On("ListUsers", body => body["NextToken"]?.GetValue<string>() switch
        {
            null => Page(1, "t2"),
            "t2" => Page(2, "t3"),
            _ => Page(3, null),
        });
        using var connection = ScriptedConnection.Connect(backend);
        await using var users = connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = StoreId }).GetAsyncEnumerator();

        Assert.Empty(backend.Calls);
        Assert.True(await users.MoveNextAsync());
        Assert.Equal("u1a", users.Current.UserId);
        Assert.Single(backend.Calls);
        Assert.True(await users.MoveNextAsync());
        Assert.Equal("u1b", users.Current.UserId);
        Assert.Single(backend.Calls);
        Assert.True(await users.MoveNextAsync());
        Assert.Equal("u2a", users.Current.UserId);
        Assert.Equal(2, backend.Calls.Count);
        Assert.Equal(StoreId, backend.Calls[1].Body["IdentityStoreId"]!.GetValue<string>());

        var rest = new List<string?>();
        while (await users.MoveNextAsync()) rest.Add(users.Current.UserId);
        Assert.Equal(new[] { "u2b", "u3a", "u3b" }, rest);
        Assert.Equal(3, backend.Calls.Count);
    }

    [Fact]
    public async Task A_caller_that_stops_early_never_fetches_more()
    {
        var backend = new ScriptedHandler().On("ListUsers", _ => Page(1, "more"));
        using var connection = ScriptedConnection.Connect(backend);
        await foreach (var _ in connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = StoreId })) break;
        Assert.Single(backend.Calls);
    }

    [Fact]
    public async Task A_repeated_token_ends_the_stream_instead_of_looping()
    {
        // A broken proxy or service answering every page with the same token.
        var backend = new ScriptedHandler().On("ListUsers", body => Page(body.ContainsKey("NextToken") ? 2 : 1, "same"));
        using var connection = ScriptedConnection.Connect(backend);

        var users = new List<string?>();
        await foreach (var u in connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = StoreId }).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token))
            users.Add(u.UserId);

        Assert.Equal(new[] { "u1a", "u1b", "u2a", "u2b" }, users);
        Assert.Equal(2, backend.Calls.Count);
    }

    [Fact]
    public async Task An_empty_token_ends_the_stream()
    {
        var backend = new ScriptedHandler().On("ListUsers", _ => Page(1, ""));
        using var connection = ScriptedConnection.Connect(backend);
        var count = 0;
        await foreach (var _ in connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = StoreId })) count++;
        Assert.Equal(2, count);
        Assert.Single(backend.Calls);
    }

    [Fact]
    public async Task Cancelling_the_stream_between_pages_stops_it()
    {
        var backend = new ScriptedHandler().On("ListUsers", _ => Page(1, Guid.NewGuid().ToString()));
        using var connection = ScriptedConnection.Connect(backend);
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = StoreId }, cts.Token))
                cts.Cancel();
        });
        Assert.Single(backend.Calls);
    }
}
