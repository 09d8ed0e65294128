using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Everything a Grant/Revoke pipeline asked for, gathered before anything is sent: each pipeline record adds its
/// principals × permission sets × accounts, and the union is resolved and dispatched as one batch.
/// </summary>
public sealed class AssignmentRequestSet
{
    private readonly List<Requested> _requested = new();
    private readonly HashSet<Requested> _seen = new();

    /// <summary>Adds every combination of the given principals, permission sets (names or ARNs) and accounts (ids or names).</summary>
    public void Add(IEnumerable<PrincipalRef> principals, IEnumerable<string> permissionSets, IEnumerable<string> accounts)
    {
        var ps = permissionSets.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        var accts = accounts.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        foreach (var principal in principals)
        foreach (var p in ps)
        foreach (var a in accts)
        {
            var r = new Requested(principal, p, a);
            if (_seen.Add(r)) _requested.Add(r);
        }
    }

    public IReadOnlyList<Requested> Items => _requested;
    public int Count => _requested.Count;

    public IEnumerable<PrincipalRef> Principals => _requested.Select(r => r.Principal).Distinct();
    public IEnumerable<string> PermissionSets => _requested.Select(r => r.PermissionSet).Distinct(StringComparer.OrdinalIgnoreCase);
    public IEnumerable<string> Accounts => _requested.Select(r => r.Account).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>One requested combination, still in the caller's words.</summary>
    public sealed class Requested : IEquatable<Requested>
    {
        public Requested(PrincipalRef principal, string permissionSet, string account)
        {
            Principal = principal;
            PermissionSet = permissionSet;
            Account = account;
        }

        public PrincipalRef Principal { get; }
        public string PermissionSet { get; }
        public string Account { get; }

        public bool Equals(Requested? o) => o != null && Principal.Equals(o.Principal)
            && string.Equals(PermissionSet, o.PermissionSet, StringComparison.OrdinalIgnoreCase) && string.Equals(Account, o.Account, StringComparison.OrdinalIgnoreCase);
        public override bool Equals(object? obj) => Equals(obj as Requested);
        public override int GetHashCode() => Principal.GetHashCode() ^ StringComparer.OrdinalIgnoreCase.GetHashCode(PermissionSet) * 31 ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Account) * 17;
    }
}
