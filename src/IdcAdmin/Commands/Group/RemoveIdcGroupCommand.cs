using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Deletes a group, its memberships and, with -RemoveAssignments, its account assignments.</summary>
/// <remarks>
/// <para>High impact: asks for confirmation unless -Force is given (-WhatIf only reports and sends nothing). Deleting the last user holding administrator access to the organization's management account (directly or through a group) is refused with IdcLockoutGuard before anything is changed, even with -Force; -AllowNoAdministrator goes ahead.</para>
/// <para>The group's memberships are removed first (the users themselves stay). AWS does not remove the account assignments made to a deleted group; Remove-IdcGroup names them in a warning, or, with -RemoveAssignments, revokes each one first and waits for AWS to finish. If any revocation fails, the group is kept.</para>
/// </remarks>
/// <example>
/// <code>Remove-IdcGroup Contractors -RemoveAssignments -Force</code>
/// <para>Revokes the group's account access, empties it and deletes it, without asking.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroup 'tmp-*' | Remove-IdcGroup -WhatIf</code>
/// <para>Shows which groups would be deleted.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "IdcGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIdcGroupCommand : IdcCmdlet
{
    /// <summary>The group to delete: display name or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("Name", "GroupName")]
    public string? DisplayName { get; set; }

    /// <summary>The id of the group to delete; used instead of DisplayName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GroupId { get; set; }

    /// <summary>Revoke the group's account assignments before deleting it, instead of leaving them behind with a warning.</summary>
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
        var target = !string.IsNullOrEmpty(GroupId) ? GroupId : DisplayName;
        if (string.IsNullOrEmpty(target))
        {
            WriteItemError(new ArgumentException("Name the group to delete with -DisplayName or -GroupId."), "IdcGroupNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var session = CurrentSession;
        var groups = new GroupService(session);
        try
        {
            var plan = Run(ct => groups.PlanRemoveAsync(target!, ct));
            var action = $"Delete group with its {plan.MembershipIds.Count} membership(s)" +
                (plan.Assignments.Count == 0 ? "" : RemoveAssignments ? $" and {plan.Assignments.Count} account assignment(s)" : $" (leaving {plan.Assignments.Count} account assignment(s) behind)");
            if (!ShouldProcessUnlessForced(Force, plan.Target, action)) return;
            Run(ct => PrincipalRemoval.RemoveAsync(session, plan, RemoveAssignments, Output, ct, AllowNoAdministrator));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcRemoveGroupFailed");
            WriteItemError(e, errorId, target, category);
        }
    }
}
