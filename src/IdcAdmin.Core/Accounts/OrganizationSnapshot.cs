using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.Organizations;

namespace IdcAdmin.Core.Accounts;

/// <summary>The whole organization at one moment: for name lookups and tab completion, not for listings.</summary>
public sealed class OrganizationSnapshot
{
    private readonly Dictionary<string, AwsAccount> _byId;
    private readonly ILookup<string, AwsAccount> _byName;

    public OrganizationSnapshot(IReadOnlyList<OrganizationalUnitEntry> units, IReadOnlyList<AwsAccount> accounts, DateTimeOffset takenAt)
    {
        Units = units;
        Accounts = accounts;
        TakenAt = takenAt;
        _byId = accounts.GroupBy(a => a.AccountId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byName = accounts.ToLookup(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<OrganizationalUnitEntry> Units { get; }
    public IReadOnlyList<AwsAccount> Accounts { get; }
    public DateTimeOffset TakenAt { get; }

    /// <summary>An account by id, or by name when exactly one account has it.</summary>
    public AwsAccount? Find(string idOrName)
    {
        if (_byId.TryGetValue(idOrName.Trim(), out var byId)) return byId;
        var named = _byName[idOrName.Trim()].ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>How many accounts carry this name (names are not unique in AWS Organizations).</summary>
    public int CountNamed(string name) => _byName[name.Trim()].Count();

    public string? NameOf(string accountId) => _byId.TryGetValue(accountId, out var a) ? a.Name : null;
}
