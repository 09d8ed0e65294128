using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
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
public sealed class RemoveIdcGroupMemberCommand : IdcCmdlet
{
    private string[]? _commandLineGroups, _commandLineGroupIds, _commandLineUsers, _commandLineUserIds;

    /// <summary>The groups to remove from: display names or ids.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("GroupName")]
    public string[]? Group { get; set; }

    /// <summary>Group ids (taken from piped objects by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? GroupId { get; set; }

    /// <summary>The users to remove: user names, email addresses or ids.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("UserName", "Member")]
    public string[]? User { get; set; }

    /// <summary>User ids (taken from piped objects by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? UserId { get; set; }

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override void BeginProcessing()
    {
        // Only command-line values are bound yet; remember them so piped objects cannot override them.
        (_commandLineGroups, _commandLineGroupIds, _commandLineUsers, _commandLineUserIds) = (Group, GroupId, User, UserId);
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        var groups = MemberReferences.Choose(_commandLineGroupIds, _commandLineGroups, GroupId, Group);
        var users = MemberReferences.Choose(_commandLineUserIds, _commandLineUsers, UserId, User);
        if (groups.Length == 0 || users.Length == 0)
        {
            WriteItemError(new ArgumentException("Name the group (-Group) and the users (-User) of the membership."), "IdcMembershipNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var memberships = new MembershipService(CurrentSession);
        foreach (var group in groups)
        foreach (var user in users)
        {
            try
            {
                var plan = Run(ct => memberships.PlanAsync(group, user, ct));
                if (!plan.Exists)
                {
                    WriteVerbose($"The {plan.Target} is not a member; nothing to remove.");
                    continue;
                }
                if (!IdentityCmdletSupport.ShouldProcessUnlessForced(this, Force, plan.Target, "Remove group member")) continue;
                Run(ct => memberships.RemoveAsync(plan, ct, AllowNoAdministrator));
            }
            catch (Exception e) when (e is not PipelineStoppedException && !CancellationToken.IsCancellationRequested)
            {
                var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcRemoveGroupMemberFailed");
                WriteItemError(e, errorId, $"{user} -> {group}", category);
            }
        }
    }
}
