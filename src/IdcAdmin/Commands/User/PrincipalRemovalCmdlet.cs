using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.User;

/// <summary>
/// What Remove-IdcUser and Remove-IdcGroup share: plan the deletion (memberships, account assignments), confirm it
/// unless -Force, and delete. Each cmdlet declares which principal it names, and -RemoveAssignments with its own help.
/// </summary>
public abstract class PrincipalRemovalCmdlet : IdcCmdlet
{
    /// <summary>Revoke the principal's account assignments before deleting it.</summary>
    public abstract SwitchParameter RemoveAssignments { get; set; }

    /// <summary>Delete without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    /// <summary>The principal's id if given, else its name; null or empty when neither was.</summary>
    protected abstract string? Target { get; }

    /// <summary>The error written when neither a name nor an id was given.</summary>
    protected abstract (string Message, string ErrorId) NotSpecified { get; }

    /// <summary>The error id of a deletion that fails for an unexpected reason.</summary>
    protected abstract string FailedErrorId { get; }

    /// <summary>The confirmation's action, such as "Delete user with its 2 group membership(s)".</summary>
    protected abstract string DeleteAction(int memberships);

    protected abstract Task<PrincipalRemovalPlan> PlanAsync(IdcSession session, string target, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        var target = Target;
        if (string.IsNullOrEmpty(target))
        {
            WriteItemError(new ArgumentException(NotSpecified.Message), NotSpecified.ErrorId, null, ErrorCategory.InvalidArgument);
            return;
        }
        var session = CurrentSession;
        try
        {
            var plan = Run(ct => PlanAsync(session, target!, ct));
            var action = DeleteAction(plan.MembershipIds.Count) +
                (plan.Assignments.Count == 0 ? "" : RemoveAssignments ? $" and {plan.Assignments.Count} account assignment(s)" : $" (leaving {plan.Assignments.Count} account assignment(s) behind)");
            if (!ShouldProcessUnlessForced(Force, plan.Target, action)) return;
            Run(ct => PrincipalRemoval.RemoveAsync(session, plan, RemoveAssignments, Output, ct, AllowNoAdministrator));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, FailedErrorId);
            WriteItemError(e, errorId, target, category);
        }
    }
}
