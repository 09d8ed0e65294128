using System;

namespace IdcAdmin.Core.Session;

/// <summary>
/// A new session made current in a way that can be undone: while the connecting command still runs (its output may
/// fail downstream), what was current before is kept aside; <see cref="Commit"/> lets it go, <see cref="Rollback"/>
/// puts it back and closes the new session. A failed connect so never leaves a broken or disposed session current.
/// </summary>
public sealed class SessionHandover
{
    private readonly Action _commit;
    private readonly Action _rollback;
    private bool _settled;

    /// <param name="commit">Releases what was current before (closing it when nobody else holds it).</param>
    /// <param name="rollback">Makes what was current before current again and closes the new session.</param>
    public SessionHandover(Action commit, Action rollback)
    {
        _commit = commit;
        _rollback = rollback;
    }

    /// <summary>The new session stays; the previous one is released.</summary>
    public void Commit()
    {
        if (_settled) return;
        _settled = true;
        _commit();
    }

    /// <summary>The previous session (or none) is current again, untouched; the new one is closed.</summary>
    public void Rollback()
    {
        if (_settled) return;
        _settled = true;
        _rollback();
    }
}
