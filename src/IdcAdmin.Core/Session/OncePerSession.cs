using System;
using System.Collections.Concurrent;

namespace IdcAdmin.Core.Session;

/// <summary>Remembers which one-time notices a session has already given.</summary>
public sealed class OncePerSession
{
    private readonly ConcurrentDictionary<string, bool> _said = new(StringComparer.Ordinal);

    /// <summary>True the first time a key is seen.</summary>
    public bool First(string key) => _said.TryAdd(key, true);
}
