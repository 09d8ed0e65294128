using System.Management.Automation;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Instance;

/// <summary>Forgets this runspace's connection. Changes nothing in AWS.</summary>
/// <remarks>
/// <para>Disconnect-IdcInstance drops the connection and the names it cached. Later IdcAdmin cmdlets in this runspace
/// fail with the error id IdcNotConnected until Connect-IdcInstance runs again. Disconnecting when not connected does
/// nothing.</para>
/// </remarks>
/// <example>
/// <code>Disconnect-IdcInstance</code>
/// <para>Ends the connection of this runspace.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "IdcInstance")]
[OutputType(typeof(void))]
public sealed class DisconnectIdcInstanceCommand : IdcCmdlet
{
    protected override void EndProcessing()
    {
        SessionStore.Set(null);
        base.EndProcessing();
    }
}
