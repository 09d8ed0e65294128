using System;

namespace IdcAdmin.Core.Session;

/// <summary>
/// Makes a new session current in a way that can be undone: while the connecting command still runs (its output may
/// fail downstream), the previous session is kept; <see cref="Commit"/> then disposes it, <see cref="Rollback"/>
/// puts it back and disposes the new one. A failed connect so never leaves a broken or disposed session current.
/// </summary>
public sealed class SessionHandover
{
    private readonly Action<IdcSession?> _store;
    private readonly IdcSession? _previous;
    private readonly IdcSession _next;
    private bool _settled;

    private SessionHandover(IdcSession? previous, IdcSession next, Action<IdcSession?> store)
    {
        _previous = previous;
        _next = next;
        _store = store;
    }

    /// <summary>Stores <paramref name="next"/> as current (commands later in the same pipeline use it) and remembers <paramref name="previous"/>.</summary>
    public static SessionHandover Begin(IdcSession? previous, IdcSession next, Action<IdcSession?> store)
    {
        store(next);
        return new SessionHandover(previous, next, store);
    }

    /// <summary>The new session stays; the previous one is closed.</summary>
    public void Commit()
    {
        if (_settled) return;
        _settled = true;
        if (_previous != null && !ReferenceEquals(_previous, _next)) _previous.Dispose();
    }

    /// <summary>The previous session (or none) is current again, untouched; the new one is closed.</summary>
    public void Rollback()
    {
        if (_settled) return;
        _settled = true;
        _store(_previous);
        if (!ReferenceEquals(_previous, _next)) _next.Dispose();
    }
}
