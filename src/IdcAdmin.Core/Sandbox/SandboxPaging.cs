using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// Opaque NextToken values and page sizes. A token names the listing it belongs to and where the next page starts;
/// a token from another listing, or one made up, is refused with ValidationException as AWS refuses it.
/// </summary>
public sealed class SandboxPaging
{
    private readonly int _maxPageSize;
    private readonly string _salt;

    public SandboxPaging(int maxPageSize, string salt)
    {
        _maxPageSize = Math.Max(1, maxPageSize);
        _salt = salt;
    }

    /// <summary>One page of <paramref name="items"/> for a listing identified by <paramref name="scope"/> (operation and its filters).</summary>
    public List<T> Page<T>(IReadOnlyList<T> items, int? maxResults, string? token, string scope, out string? nextToken)
    {
        var start = token == null ? 0 : Decode(token, scope);
        var size = Math.Min(maxResults ?? _maxPageSize, _maxPageSize);
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        nextToken = next < items.Count ? Encode(next, scope) : null;
        return page;
    }

    private string Encode(int offset, string scope) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_salt}|{Fingerprint(scope)}|{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private int Decode(string token, string scope)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
            if (parts.Length == 3 && parts[0] == _salt && parts[1] == Fingerprint(scope) && int.TryParse(parts[2], out var offset) && offset >= 0)
                return offset;
        }
        catch (FormatException) { }
        throw SandboxError.Validation("The NextToken is invalid or expired, or belongs to another request.");
    }

    // A stable hash (not string.GetHashCode, which differs per process) of what the listing was asked for.
    private static string Fingerprint(string scope)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (var c in scope) h = (h ^ c) * 16777619;
            return h.ToString("x8");
        }
    }
}
