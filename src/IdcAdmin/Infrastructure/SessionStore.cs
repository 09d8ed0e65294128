using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// The connected session of each runspace. Keyed by runspace (not a process-wide static) so parallel runspaces,
/// jobs and ForEach-Object -Parallel each keep their own connection; collected with the runspace.
/// </summary>
internal static class SessionStore
{
    private sealed class Slot { public IdcSession? Session; }

    private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new();

    public static IdcSession? Current
    {
        get => Runspace.DefaultRunspace is { } rs && Slots.TryGetValue(rs, out var slot) ? slot.Session : null;
    }

    /// <summary>Replaces the runspace's session without disposing the one it had (see SessionHandover).</summary>
    public static void Replace(IdcSession? session)
    {
        if (Runspace.DefaultRunspace is { } rs) Slots.GetOrCreateValue(rs).Session = session;
    }

    /// <summary>Replaces the runspace's session, disposing the one it had.</summary>
    public static void Set(IdcSession? session)
    {
        var rs = Runspace.DefaultRunspace;
        if (rs == null) return;
        var slot = Slots.GetOrCreateValue(rs);
        var old = slot.Session;
        slot.Session = session;
        if (old != null && !ReferenceEquals(old, session)) old.Dispose();
    }
}
