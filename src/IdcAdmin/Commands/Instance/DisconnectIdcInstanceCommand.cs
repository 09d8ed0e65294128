using System.Management.Automation;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Instance;

/// <summary>Forgets this runspace's connection, or ends the session given with -Session. Changes nothing in AWS.</summary>
/// <remarks>
/// <para>Disconnect-IdcInstance drops the runspace's default connection and the names it cached. Later IdcAdmin
/// cmdlets in this runspace fail with the error id IdcNotConnected until Connect-IdcInstance runs again, unless they
/// are given -Session. Disconnecting when not connected does nothing.</para>
/// <para>With -Session it ends that session (one returned by Connect-IdcInstance -PassThru): its connections are
/// closed and cmdlets given it fail. When it is also the runspace's default, the runspace is disconnected too.</para>
/// </remarks>
/// <example>
/// <code>Disconnect-IdcInstance</code>
/// <para>Ends the connection of this runspace.</para>
/// </example>
/// <example>
/// <code>
/// $session = Connect-IdcInstance -ProfileName management -PassThru
/// Disconnect-IdcInstance -Session $session
/// </code>
/// <para>Ends a session that was handed out for -Session.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "IdcInstance")]
[OutputType(typeof(void))]
public sealed class DisconnectIdcInstanceCommand : IdcCmdlet
{
    protected override void EndProcessing()
    {
        var current = SessionStore.Current(SessionState);
        if (Session == null || ReferenceEquals(Session, current)) SessionStore.Set(null, SessionState);
        Session?.Dispose();
        base.EndProcessing();
    }
}
