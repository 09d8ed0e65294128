using System.Management.Automation;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.Instance;

/// <summary>The instance this runspace is connected to: ARN, identity store id, owner account, access portal URL.</summary>
[Cmdlet(VerbsCommon.Get, "IdcInstance")]
[OutputType(typeof(IdcInstance))]
public sealed class GetIdcInstanceCommand : IdcCmdlet
{
    protected override void EndProcessing()
    {
        WriteObject(Session.Instance);
        base.EndProcessing();
    }
}
