using System;
using System.Collections.Generic;
using System.Management.Automation;
using IdcAdmin.Infrastructure;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Waits for assignment requests that Grant- or Revoke-IdcAccountAccess -NoWait returned.</summary>
/// <remarks>
/// <para>Pipe in the pending results (or the TargetObject of a timeout error). The command waits until AWS reports each
/// request SUCCEEDED or FAILED, with progress over the batch, and returns the finished results. One status listing
/// answers many requests; a failed one, or one the listings do not show, is described on its own, at most 10 at a time.
/// A FAILED request becomes an error with AWS's reason and the account as target; one still pending when -Timeout
/// passes becomes a timeout error that can be waited on again. A request sent through another session's instance is
/// refused with IdcAssignmentOtherInstance: give that session with -Session.</para>
/// </remarks>
/// <example>
/// <code>$pending = Grant-IdcAccountAccess -Group Devs -PermissionSet ReadOnlyAccess -Account (Get-IdcAccount) -NoWait
/// $pending | Wait-IdcAccountAssignment -Timeout 00:05:00</code>
/// <para>Sends the grants, then waits up to five minutes for them to finish.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Wait, "IdcAccountAssignment")]
[OutputType(typeof(AccountAssignmentResult))]
public sealed class WaitIdcAccountAssignmentCommand : IdcCmdlet
{
    private readonly List<AccountAssignmentResult> _pending = new();

    /// <summary>The pending requests, as returned by -NoWait.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public AccountAssignmentResult[] InputObject { get; set; } = null!;

    /// <summary>How long to wait (default: the session's, 10 minutes).</summary>
    [Parameter]
    [ValidatePositiveTimeSpan]
    public System.TimeSpan? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var r in InputObject)
        {
            if (r == null) continue;
            if (r.BelongsTo(CurrentSession.InstanceArn)) _pending.Add(r);
            else
                WriteError(new ErrorRecord(new InvalidOperationException(
                        $"The request {r.RequestId} ({r}) was sent to another Identity Center instance than {CurrentSession.InstanceArn}; " +
                        "pass -Session with the session that sent it."),
                    "IdcAssignmentOtherInstance", ErrorCategory.InvalidArgument, r));
        }
    }

    protected override void EndProcessing()
    {
        if (_pending.Count > 0)
        {
            var session = CurrentSession;
            var dispatcher = new AssignmentDispatcher(session, Output) { Timeout = Timeout };
            try
            {
                foreach (var result in Stream(dispatcher.WaitAsync(_pending, CancellationToken)))
                    AssignmentOutput.Write(this, result, pendingIsExpected: false);
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteItemError(e, "IdcAssignmentWaitFailed", _pending);
            }
        }
        base.EndProcessing();
    }
}
