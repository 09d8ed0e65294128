using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.SsoAdmin;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Naming;

/// <summary>
/// Permission set names to ARNs and back. AWS has no lookup by name, so the first name lookup lists and describes
/// the instance's permission sets once; the session keeps the map and updates it on create/delete. Sets created or
/// deleted elsewhere (console, CLI, another admin) are picked up by listing again once when a name misses.
/// </summary>
public sealed class PermissionSetResolver
{
    private readonly SsoAdminClient _client;
    private readonly string _instanceArn;
    private readonly ConcurrentDictionary<string, string> _arnByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _nameByArn = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile int _listings;

    public PermissionSetResolver(SsoAdminClient client, string instanceArn)
    {
        _client = client;
        _instanceArn = instanceArn;
    }

    /// <summary>
    /// Names cannot contain ':' (<c>[\w+=,.@-]+</c>), so anything starting with "arn:" is meant as an ARN; whether it
    /// exists is for AWS to say. (Emulators shape their ARNs differently from AWS, so no stricter pattern.)
    /// </summary>
    public static bool IsArn(string? value) => value != null && value.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>The ARN for a name or ARN; null when no permission set has that name.</summary>
    public async Task<string?> FindArnAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        if (IsArn(nameOrArn)) return nameOrArn;
        if (_arnByName.TryGetValue(nameOrArn, out var arn)) return arn;
        // The first lookup lists; a later miss lists again once (unless another caller just did) before "not found".
        await ListAsync(_listings, cancellationToken).ConfigureAwait(false);
        return _arnByName.TryGetValue(nameOrArn, out arn) ? arn : null;
    }

    /// <summary>The name of a permission set ARN (described once, then remembered).</summary>
    public async Task<string> GetNameAsync(string arn, CancellationToken cancellationToken)
    {
        if (_nameByArn.TryGetValue(arn, out var name)) return name;
        var described = await _client.DescribePermissionSetAsync(
            new DescribePermissionSetRequest { InstanceArn = _instanceArn, PermissionSetArn = arn }, cancellationToken).ConfigureAwait(false);
        name = described.PermissionSet?.Name ?? arn;
        Learn(name, arn);
        return name;
    }

    /// <summary>Every permission set's name and ARN; with <paramref name="refresh"/> listed again first.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken, bool refresh = false)
    {
        if (_listings == 0 || refresh) await ListAsync(_listings, cancellationToken).ConfigureAwait(false);
        return _nameByArn.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The ARN of the set with this name as AWS has it now, not as cached: lists the instance's sets and describes
    /// those not known yet. For checking whether a create whose reply was lost was applied.
    /// </summary>
    public async Task<string?> FindFreshAsync(string name, CancellationToken cancellationToken)
    {
        string? found = null;
        await foreach (var arn in ListArnsAsync(cancellationToken).ConfigureAwait(false))
        {
            var known = await GetNameAsync(arn, cancellationToken).ConfigureAwait(false);
            if (found == null && string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) found = arn;
        }
        return found;
    }

    /// <summary>
    /// The instance's permission set ARNs as AWS lists them now (ListPermissionSets, 100 a page), streamed and not
    /// cached: the one place that pages the listing, for readers that describe the sets themselves.
    /// </summary>
    public IAsyncEnumerable<string> ListArnsAsync(CancellationToken cancellationToken) =>
        _client.PaginateListPermissionSets(new ListPermissionSetsRequest { InstanceArn = _instanceArn, MaxResults = 100 }, cancellationToken);

    public void Learn(string name, string arn)
    {
        _arnByName[name] = arn;
        _nameByArn[arn] = name;
    }

    public void Forget(string arn)
    {
        if (_nameByArn.TryRemove(arn, out var name)) _arnByName.TryRemove(name, out _);
    }

    /// <summary>
    /// Lists the instance's sets unless a listing newer than <paramref name="after"/> (a count of listings) already
    /// ran meanwhile; describes only the ARNs it has not seen and forgets those that are gone.
    /// </summary>
    private async Task ListAsync(int after, CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_listings > after) return;
            var known = _nameByArn.Keys.ToList();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var arn in ListArnsAsync(cancellationToken).ConfigureAwait(false))
            {
                listed.Add(arn);
                if (!_nameByArn.ContainsKey(arn)) await GetNameAsync(arn, cancellationToken).ConfigureAwait(false);
            }
            foreach (var arn in known) if (!listed.Contains(arn)) Forget(arn);
            _listings++;
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
