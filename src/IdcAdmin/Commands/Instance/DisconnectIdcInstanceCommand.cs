using System.Management.Automation;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Instance;

/// <summary>Forgets this runspace's connection. Changes nothing in AWS.</summary>
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
