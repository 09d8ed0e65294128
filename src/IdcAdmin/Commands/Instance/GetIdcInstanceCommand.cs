using System.Management.Automation;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.Instance;

/// <summary>The instance this runspace is connected to: ARN, identity store id, owner account, access portal URL.</summary>
/// <remarks>
/// <para>Get-IdcInstance makes no AWS call: it returns what Connect-IdcInstance found. Use it to read the access portal
/// URL to hand to new users, or the identity store id for other tools.</para>
/// <para>It fails with the error id IdcNotConnected when the runspace has no connection.</para>
/// </remarks>
/// <example>
/// <code>(Get-IdcInstance).AccessPortalUrl</code>
/// <para>Shows the URL users sign in to, such as https://d-1234567890.awsapps.com/start.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcInstance")]
[OutputType(typeof(IdcInstance))]
public sealed class GetIdcInstanceCommand : IdcCmdlet
{
    protected override void EndProcessing()
    {
        WriteObject(CurrentSession.Instance);
        base.EndProcessing();
    }
}
