using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Effective access pivoted for a spreadsheet: one row per user, one column per account, each cell the permission
/// sets the user reaches there ("ReadOnlyAccess; SecurityAudit"), however many ways. Every row has every column, so
/// Export-Csv writes them all.
/// </summary>
public sealed class EffectiveAccessMatrix
{
    /// <summary>The first column, holding the user name.</summary>
    public const string UserColumn = "UserName";

    private EffectiveAccessMatrix(IReadOnlyList<string> accountColumns, IReadOnlyList<MatrixRow> rows)
    {
        AccountColumns = accountColumns;
        Rows = rows;
    }

    /// <summary>Account columns by account name, ordered; a name shared by two accounts, or missing, becomes "Name (id)" or the id.</summary>
    public IReadOnlyList<string> AccountColumns { get; }

    /// <summary>Users ordered by name.</summary>
    public IReadOnlyList<MatrixRow> Rows { get; }

    public static EffectiveAccessMatrix From(IEnumerable<EffectiveAccessEntry> entries)
    {
        var list = entries.ToList();
        var accounts = list.GroupBy(e => e.AccountId, StringComparer.Ordinal).Select(g => (Id: g.Key, Name: g.First().AccountName)).ToList();
        var nameCounts = accounts.Where(a => !string.IsNullOrEmpty(a.Name)).GroupBy(a => a.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        string ColumnOf((string Id, string? Name) a) =>
            string.IsNullOrEmpty(a.Name) ? a.Id
            : nameCounts[a.Name!] > 1 || string.Equals(a.Name, UserColumn, StringComparison.OrdinalIgnoreCase) ? $"{a.Name} ({a.Id})"
            : a.Name!;
        var columnOf = accounts.ToDictionary(a => a.Id, ColumnOf, StringComparer.Ordinal);
        var columns = columnOf.Values.OrderBy(c => c, StringComparer.OrdinalIgnoreCase).ToList();
        var rows = list.GroupBy(e => e.UserId, StringComparer.Ordinal)
            .Select(user => new MatrixRow(user.First().UserName, columns.ToDictionary(c => c, c => string.Join("; ",
                user.Where(e => columnOf[e.AccountId] == c).Select(e => e.PermissionSetName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.OrdinalIgnoreCase)))))
            .OrderBy(r => r.UserName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new EffectiveAccessMatrix(columns, rows);
    }
}

/// <summary>One user's line of the matrix: the permission sets reached per account column ("" where none).</summary>
public sealed class MatrixRow
{
    public MatrixRow(string userName, IReadOnlyDictionary<string, string> cells)
    {
        UserName = userName;
        Cells = cells;
    }

    public string UserName { get; }
    public IReadOnlyDictionary<string, string> Cells { get; }
}
