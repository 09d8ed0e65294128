using System;
using System.Collections.Generic;
using System.Management.Automation;
using IdcAdmin.Infrastructure;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Lockout;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>
/// Grant and Revoke: gather every pipeline record, plan the whole batch (resolve names, skip what is already so,
/// lock-out guard), confirm each change on the pipeline thread, then dispatch the approved ones concurrently.
/// </summary>
public abstract class AssignmentChangeCmdlet : AccountAccessCmdlet
{
    private readonly AssignmentRequestSet _requests = new();

    /// <summary>Return the pending requests as soon as AWS accepts them; wait for them later with Wait-IdcAccountAssignment.</summary>
    [Parameter]
    public SwitchParameter NoWait { get; set; }

    /// <summary>How long to wait for AWS to finish the batch's requests (default: the session's, 10 minutes).</summary>
    [Parameter]
    [ValidatePositiveTimeSpan]
    public TimeSpan? Timeout { get; set; }

    protected abstract AssignmentOperation Operation { get; }

    /// <summary>Whether to send one planned change (ShouldProcess, and for revokes -Force).</summary>
    protected abstract bool Approve(PlannedAssignment item);

    /// <summary>Whether the lock-out guard is switched off.</summary>
    protected virtual bool SkipGuards => false;

    protected override void ProcessRecord()
    {
        var principals = PrincipalsOfRecord();
        if (principals.Count == 0)
        {
            WriteNoPrincipalError(Account);
            return;
        }
        if (PermissionSet == null || Account == null)
        {
            WriteItemError(new ArgumentException("Give -PermissionSet (a name or ARN) and -Account (an id or name), or pipe in objects that carry PermissionSetArn and AccountId."),
                "IdcAssignmentTargetRequired", principals[0].NameOrId, ErrorCategory.InvalidArgument);
            return;
        }
        _requests.Add(principals, NonEmpty(PermissionSet), NonEmpty(Account));
    }

    protected override void EndProcessing()
    {
        try
        {
            if (_requests.Count > 0) Dispatch();
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            // The whole batch is planned and sent at once: a failure of the planning or of the stream stops it.
            WriteItemError(e, Operation == AssignmentOperation.Create ? "IdcGrantAccountAccessFailed" : "IdcRevokeAccountAccessFailed", null);
        }
        base.EndProcessing();
    }

    private void Dispatch()
    {
        var session = CurrentSession;
        var plan = Run(ct => AssignmentPlanner.PlanAsync(session, _requests, Operation, SkipGuards, Output, ct));
        if (plan.HasErrors)
        {
            WriteResolutionErrors(plan.Errors);
            WriteWarning($"No assignment was changed: {plan.Errors.Count} input(s) name nothing. Correct them and run the command again.");
            return;
        }
        foreach (var refused in plan.LockOutRefused)
            WriteItemError(new InvalidOperationException(
                    $"Refusing to revoke {refused.Description}: it would leave the organization's management account with no user holding an administrator permission set, which could lock every administrator out. Give another user administrator access there first, or, if that is really meant, add -AllowNoAdministrator (-Force only skips the prompt)."),
                Core.Lockout.AdministratorLockoutException.ErrorId, refused.Account.AccountId, ErrorCategory.PermissionDenied);
        foreach (var unchanged in plan.Unchanged)
        {
            WriteVerbose(unchanged.Status == AssignmentStatus.AlreadyAssigned ? $"Already assigned: {unchanged}." : $"Not assigned, nothing to revoke: {unchanged}.");
            WriteObject(unchanged);
        }

        var approved = new List<PlannedAssignment>();
        foreach (var item in plan.ToSend)
            if (Approve(item)) approved.Add(item);
        if (approved.Count == 0) return;

        var dispatcher = new AssignmentDispatcher(session, Output) { NoWait = NoWait, Timeout = Timeout };
        foreach (var result in Stream(dispatcher.SendAsync(approved, Operation, CancellationToken)))
            AssignmentOutput.Write(this, result, NoWait);
    }
}
