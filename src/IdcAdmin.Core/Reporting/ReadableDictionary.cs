using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Reporting;

/// <summary>Tags and other string maps of output objects: a dictionary for pipelines, "key=value; key=value" as text (Export-Csv).</summary>
public sealed class ReadableDictionary : Dictionary<string, string>
{
    public ReadableDictionary(IEnumerable<KeyValuePair<string, string>> pairs) : base(StringComparer.Ordinal)
    {
        foreach (var pair in pairs) this[pair.Key] = pair.Value;
    }

    public static ReadableDictionary? Of(IReadOnlyDictionary<string, string>? pairs) =>
        pairs == null ? null : pairs as ReadableDictionary ?? new ReadableDictionary(pairs);

    public override string ToString() => string.Join("; ", this.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
