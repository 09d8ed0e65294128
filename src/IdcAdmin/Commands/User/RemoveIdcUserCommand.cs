using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.User;

/// <summary>Deletes a user, its group memberships and, with -RemoveAssignments, its account assignments.</summary>
/// <remarks>
/// <para>High impact: asks for confirmation unless -Force is given (-WhatIf only reports and sends nothing). Deleting the last user holding administrator access to the organization's management account (directly or through a group) is refused with IdcLockoutGuard before anything is changed, even with -Force; -AllowNoAdministrator goes ahead.</para>
/// <para>Before deleting, the user's group memberships are removed. AWS does not remove the account assignments made to a deleted user; they stay behind pointing at nothing. Remove-IdcUser lists them and names them in a warning, or, with -RemoveAssignments, revokes each one first and waits for AWS to finish. If any revocation fails, the user is kept so that nothing is left half-removed.</para>
/// </remarks>
/// <example>
/// <code>Remove-IdcUser alice -RemoveAssignments -Force</code>
/// <para>Revokes alice's account assignments, removes her group memberships and deletes her, without asking.</para>
/// </example>
/// <example>
/// <code>Get-IdcUser 'test-*' | Remove-IdcUser -WhatIf</code>
/// <para>Shows which users would be deleted, with how many memberships and assignments each has.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "IdcUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIdcUserCommand : IdcCmdlet
{
    /// <summary>The user to delete: user name, email address or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    public string? UserName { get; set; }

    /// <summary>The id of the user to delete; used instead of UserName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserId { get; set; }

    /// <summary>Revoke the user's account assignments before deleting it, instead of leaving them behind with a warning.</summary>
    [Parameter]
    public SwitchParameter RemoveAssignments { get; set; }

    /// <summary>Delete without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override void ProcessRecord()
    {
        var target = !string.IsNullOrEmpty(UserId) ? UserId : UserName;
        if (string.IsNullOrEmpty(target))
        {
            WriteItemError(new ArgumentException("Name the user to delete with -UserName or -UserId."), "IdcUserNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var session = CurrentSession;
        var users = new UserService(session);
        try
        {
            var plan = Run(ct => users.PlanRemoveAsync(target!, ct));
            var action = $"Delete user with its {plan.MembershipIds.Count} group membership(s)" +
                (plan.Assignments.Count == 0 ? "" : RemoveAssignments ? $" and {plan.Assignments.Count} account assignment(s)" : $" (leaving {plan.Assignments.Count} account assignment(s) behind)");
            if (!ShouldProcessUnlessForced(Force, plan.Target, action)) return;
            Run(ct => PrincipalRemoval.RemoveAsync(session, plan, RemoveAssignments, Output, ct, AllowNoAdministrator));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcRemoveUserFailed");
            WriteItemError(e, errorId, target, category);
        }
    }
}
