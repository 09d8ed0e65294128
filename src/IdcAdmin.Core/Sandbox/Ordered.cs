using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Sandbox;

/// <summary>Items in the order they were created, found by id.</summary>
public sealed class Ordered<T>
{
    private readonly List<T> _items = new();
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<T> Items => _items;
    public int Count => _items.Count;
    public void Add(string id, T item) { _byId.Add(id, item); _items.Add(item); }
    public bool TryGet(string? id, out T item) { item = default!; return id != null && _byId.TryGetValue(id, out item!); }
    public bool Remove(string id) { if (!_byId.TryGetValue(id, out var item)) return false; _byId.Remove(id); _items.Remove(item); return true; }
    public void RemoveWhere(Func<T, bool> match, Func<T, string> idOf) { foreach (var i in _items.Where(match).ToList()) Remove(idOf(i)); }
}
