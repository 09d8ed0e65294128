using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Reporting;

/// <summary>
/// A list property of an output object that stays a list of typed items for pipelines, and reads as its items
/// ("ReadOnlyAccess; SecurityAudit") where PowerShell turns a value into text: Export-Csv, string expansion, -join.
/// </summary>
public sealed class ReadableList<T> : List<T>
{
    private readonly Func<T, string?> _format;

    public ReadableList() : this(Enumerable.Empty<T>(), null) { }

    public ReadableList(IEnumerable<T> items, Func<T, string?>? format = null) : base(items)
        => _format = format ?? (item => item?.ToString());

    public override string ToString() => string.Join("; ", this.Select(_format).Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>Wraps list properties of output objects as <see cref="ReadableList{T}"/>.</summary>
public static class Readable
{
    public static ReadableList<T>? List<T>(IEnumerable<T>? items, Func<T, string?>? format = null) =>
        items == null ? null : items as ReadableList<T> ?? new ReadableList<T>(items, format);
}
