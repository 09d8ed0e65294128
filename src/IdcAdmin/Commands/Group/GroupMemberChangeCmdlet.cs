using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Services;

namespace IdcAdmin.Commands.Group;

/// <summary>
/// What Add-IdcGroupMember and Remove-IdcGroupMember share: which groups and users are meant (command line over pipeline,
/// id over name) and one change per group and user, each failure that pair's error. Each cmdlet declares -Group and
/// -User itself, with its own help.
/// </summary>
public abstract class GroupMemberChangeCmdlet : IdcCmdlet
{
    private string[]? _commandLineGroups, _commandLineGroupIds, _commandLineUsers, _commandLineUserIds;

    /// <summary>The groups: display names or ids.</summary>
    public abstract string[]? Group { get; set; }

    /// <summary>Group ids (taken from piped objects by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? GroupId { get; set; }

    /// <summary>The users: user names, email addresses or ids.</summary>
    public abstract string[]? User { get; set; }

    /// <summary>User ids (taken from piped objects by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? UserId { get; set; }

    /// <summary>The error id of a change that fails for an unexpected reason.</summary>
    protected abstract string FailedErrorId { get; }

    /// <summary>Makes the change for one planned membership (which may or may not exist yet).</summary>
    protected abstract void Change(MembershipService memberships, MembershipPlan plan);

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
                Change(memberships, Run(ct => memberships.PlanAsync(group, user, ct)));
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                var (errorId, category) = IdentityCmdletSupport.Classify(e, FailedErrorId);
                WriteItemError(e, errorId, $"{user} -> {group}", category);
            }
        }
    }
}
