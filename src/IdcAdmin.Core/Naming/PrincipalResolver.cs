using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore;
using IdcAdmin.Core.IdentityStore.Model;

namespace IdcAdmin.Core.Naming;

/// <summary>
/// Turns user and group names into ids (exact GetUserId/GetGroupId lookups, never a listing) and ids into names,
/// remembering both for the life of the session.
/// </summary>
public sealed class PrincipalResolver
{
    private readonly IdentityStoreClient _client;
    private readonly string _identityStoreId;
    private readonly ConcurrentDictionary<string, string> _userIdsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _groupIdsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _namesById = new(StringComparer.Ordinal);

    public PrincipalResolver(IdentityStoreClient client, string identityStoreId)
    {
        _client = client;
        _identityStoreId = identityStoreId;
    }

    /// <summary>The user id for a user name, email address or id; null when no such user exists.</summary>
    public async Task<string?> FindUserIdAsync(string nameOrId, CancellationToken cancellationToken)
    {
        if (IdentityIds.IsResourceId(nameOrId)) return nameOrId;
        if (_userIdsByName.TryGetValue(nameOrId, out var cached)) return cached;
        var path = nameOrId.Contains("@") && !await UserNameExistsAsync(nameOrId, cancellationToken).ConfigureAwait(false) ? "emails.value" : "userName";
        var id = await LookupAsync(path, nameOrId, user: true, cancellationToken).ConfigureAwait(false);
        if (id != null) Remember(_userIdsByName, nameOrId, id);
        return id;
    }

    /// <summary>The id of the user with exactly this user name (never matched against emails); null when none.</summary>
    public async Task<string?> FindUserIdByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        // The cache also holds email -> id pairs; an @-name must be asked as a user name.
        if (!userName.Contains("@") && _userIdsByName.TryGetValue(userName, out var cached)) return cached;
        var id = await LookupAsync("userName", userName, user: true, cancellationToken).ConfigureAwait(false);
        if (id != null) Remember(_userIdsByName, userName, id);
        return id;
    }

    /// <summary>The group id for a display name or id; null when no such group exists.</summary>
    public async Task<string?> FindGroupIdAsync(string nameOrId, CancellationToken cancellationToken)
    {
        if (IdentityIds.IsResourceId(nameOrId)) return nameOrId;
        if (_groupIdsByName.TryGetValue(nameOrId, out var cached)) return cached;
        var id = await LookupAsync("displayName", nameOrId, user: false, cancellationToken).ConfigureAwait(false);
        if (id != null) Remember(_groupIdsByName, nameOrId, id);
        return id;
    }

    public Task<string?> FindIdAsync(PrincipalKind kind, string nameOrId, CancellationToken cancellationToken) =>
        kind == PrincipalKind.User ? FindUserIdAsync(nameOrId, cancellationToken) : FindGroupIdAsync(nameOrId, cancellationToken);

    /// <summary>The user name or group display name of an id; the id itself when it no longer exists.</summary>
    public async Task<string> GetNameAsync(PrincipalKind kind, string id, CancellationToken cancellationToken)
    {
        if (_namesById.TryGetValue(id, out var name)) return name;
        try
        {
            name = kind == PrincipalKind.User
                ? (await _client.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = _identityStoreId, UserId = id }, cancellationToken).ConfigureAwait(false)).UserName
                : (await _client.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = _identityStoreId, GroupId = id }, cancellationToken).ConfigureAwait(false)).DisplayName;
        }
        catch (AwsNotFoundException)
        {
            return id;
        }
        name ??= id;
        _namesById[id] = name;
        return name;
    }

    /// <summary>Teaches the cache a name/id pair just created or read, so later lookups cost nothing.</summary>
    public void Learn(PrincipalKind kind, string name, string id)
    {
        Remember(kind == PrincipalKind.User ? _userIdsByName : _groupIdsByName, name, id);
    }

    /// <summary>Forgets a deleted principal.</summary>
    public void Forget(PrincipalKind kind, string id)
    {
        var map = kind == PrincipalKind.User ? _userIdsByName : _groupIdsByName;
        foreach (var pair in map) if (pair.Value == id) map.TryRemove(pair.Key, out _);
        _namesById.TryRemove(id, out _);
    }

    private void Remember(ConcurrentDictionary<string, string> map, string name, string id)
    {
        map[name] = id;
        _namesById[id] = name;
    }

    private async Task<bool> UserNameExistsAsync(string name, CancellationToken cancellationToken) =>
        await LookupAsync("userName", name, user: true, cancellationToken).ConfigureAwait(false) != null;

    private async Task<string?> LookupAsync(string path, string value, bool user, CancellationToken cancellationToken)
    {
        var alternate = new AlternateIdentifier { UniqueAttribute = new UniqueAttribute { AttributePath = path, AttributeValue = value } };
        try
        {
            return user
                ? (await _client.GetUserIdAsync(new GetUserIdRequest { IdentityStoreId = _identityStoreId, AlternateIdentifier = alternate }, cancellationToken).ConfigureAwait(false)).UserId
                : (await _client.GetGroupIdAsync(new GetGroupIdRequest { IdentityStoreId = _identityStoreId, AlternateIdentifier = alternate }, cancellationToken).ConfigureAwait(false)).GroupId;
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }
}
