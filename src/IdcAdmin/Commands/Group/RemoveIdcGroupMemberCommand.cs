using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Removes users from groups; a user who is not a member is left as is.</summary>
/// <remarks>
/// <para>High impact, since it takes away the access the group grants: asks for confirmation unless -Force is given (-WhatIf only reports). Groups and users are named by name or id; unknown ones are refused with IdcGroupNotFound or IdcUserNotFound. Membership objects from Get-IdcGroupMember or Get-IdcGroupMembership pipe in by GroupId and UserId. Taking the last administrator of the organization's management account out of the group that gives them that access is refused with IdcLockoutGuard, even with -Force; -AllowNoAdministrator goes ahead.</para>
/// </remarks>
/// <example>
/// <code>Remove-IdcGroupMember -Group Admins -User alice -Force</code>
/// <para>Takes alice out of Admins without asking.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroupMembership bob | Remove-IdcGroupMember -Force</code>
/// <para>Removes bob from every group he belongs to.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "IdcGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIdcGroupMemberCommand : GroupMemberChangeCmdlet
{
    /// <summary>The groups to remove from: display names or ids.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("GroupName")]
    public override string[]? Group { get; set; }

    /// <summary>The users to remove: user names, email addresses or ids.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("UserName", "Member")]
    public override string[]? User { get; set; }

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override string FailedErrorId => "IdcRemoveGroupMemberFailed";

    protected override void Change(MembershipService memberships, MembershipPlan plan)
    {
        if (!plan.Exists)
        {
            WriteVerbose($"The {plan.Target} is not a member; nothing to remove.");
            return;
        }
        if (!ShouldProcessUnlessForced(Force, plan.Target, "Remove group member")) return;
        Run(ct => memberships.RemoveAsync(plan, ct, AllowNoAdministrator));
    }
}
