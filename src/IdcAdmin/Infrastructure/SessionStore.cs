using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// The default session of each runspace, used by cmdlets not given -Session. Keyed by runspace (not a process-wide
/// static) so runspaces, jobs and ForEach-Object -Parallel iterations each keep their own; collected with the runspace.
/// </summary>
/// <remarks>
/// ForEach-Object -Parallel and runspace pools reuse a runspace for the next piece of work after resetting its state
/// (its global variables among it), but a static table outlives that. So Connect-IdcInstance also writes a token into
/// a global variable of the runspace, and the default session counts only while the variable still holds that token:
/// an iteration that never connected finds the variable reset and gets IdcNotConnected, never an earlier iteration's
/// connection. Removing the variable therefore disconnects too.
/// </remarks>
internal static class SessionStore
{
    /// <summary>The global variable that ties the runspace's default session to this use of the runspace.</summary>
    public const string TokenVariable = "IdcAdminConnection";

    private sealed class Slot
    {
        public IdcSession? Session;
        public object? Token;
        public bool Owned;
    }

    /// <summary>What the token variable holds: says what it is when someone looks at it.</summary>
    private sealed class Token
    {
        private readonly string _instanceArn;
        public Token(string instanceArn) => _instanceArn = instanceArn;
        public override string ToString() => $"IdcAdmin default session ({_instanceArn})";
    }

    private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new();

    /// <summary>The runspace's default session, if this use of the runspace connected; read on the pipeline thread.</summary>
    public static IdcSession? Current(SessionState state)
    {
        if (Runspace.DefaultRunspace is not { } rs || !Slots.TryGetValue(rs, out var slot) || slot.Session == null) return null;
        return ReferenceEquals(state.PSVariable.GetValue("global:" + TokenVariable), slot.Token) ? slot.Session : null;
    }

    /// <summary>
    /// For tab completion, which has no session state to check: the command line's -Session, else the runspace's default.
    /// Completion runs at a prompt, never inside a reused parallel runspace.
    /// </summary>
    public static IdcSession? ForCompletion(IDictionary? fakeBoundParameters)
    {
        if (fakeBoundParameters?["Session"] is { } given)
            return (given is PSObject wrapped ? wrapped.BaseObject : given) as IdcSession;
        return Runspace.DefaultRunspace is { } rs && Slots.TryGetValue(rs, out var slot) ? slot.Session : null;
    }

    /// <summary>
    /// Makes <paramref name="session"/> the runspace's default (null: none). The previous default is disposed unless it
    /// was handed to the caller (Connect-IdcInstance -PassThru), who may still use it through -Session.
    /// </summary>
    public static void Set(IdcSession? session, SessionState state, bool handedOut = false)
    {
        var rs = Runspace.DefaultRunspace;
        if (rs == null) return;
        var slot = Slots.GetOrCreateValue(rs);
        var old = slot.Owned ? slot.Session : null;
        Install(slot, session, !handedOut, session == null ? null : new Token(session.InstanceArn), state);
        if (old != null && !ReferenceEquals(old, session)) old.Dispose();
    }

    /// <summary>
    /// Makes <paramref name="session"/> the runspace's default for the rest of the connecting pipeline, keeping what
    /// was there aside: committing closes the previous default (unless it was handed out), rolling back restores it
    /// and closes <paramref name="session"/>.
    /// </summary>
    public static SessionHandover Begin(IdcSession session, SessionState state, bool handedOut)
    {
        var rs = Runspace.DefaultRunspace;
        if (rs == null) return new SessionHandover(() => { }, session.Dispose);
        var slot = Slots.GetOrCreateValue(rs);
        var before = new Slot { Session = slot.Session, Token = slot.Token, Owned = slot.Owned };
        var variableBefore = state.PSVariable.GetValue("global:" + TokenVariable);
        Install(slot, session, !handedOut, new Token(session.InstanceArn), state);
        return new SessionHandover(
            commit: () =>
            {
                if (before.Owned && before.Session != null && !ReferenceEquals(before.Session, session)) before.Session.Dispose();
            },
            rollback: () =>
            {
                slot.Session = before.Session;
                slot.Token = before.Token;
                slot.Owned = before.Owned;
                if (variableBefore == null) state.PSVariable.Remove("global:" + TokenVariable);
                else state.PSVariable.Set(new PSVariable("global:" + TokenVariable, variableBefore));
                if (!ReferenceEquals(before.Session, session)) session.Dispose();
            });
    }

    private static void Install(Slot slot, IdcSession? session, bool owned, object? token, SessionState state)
    {
        slot.Session = session;
        slot.Owned = owned;
        slot.Token = token;
        if (session == null) state.PSVariable.Remove("global:" + TokenVariable);
        else state.PSVariable.Set(new PSVariable("global:" + TokenVariable, token));
    }
}
