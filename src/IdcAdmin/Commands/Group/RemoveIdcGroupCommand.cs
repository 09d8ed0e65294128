using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Commands.User;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

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
public sealed class RemoveIdcGroupCommand : PrincipalRemovalCmdlet
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
    public override SwitchParameter RemoveAssignments { get; set; }

    protected override string? Target => !string.IsNullOrEmpty(GroupId) ? GroupId : DisplayName;

    protected override (string Message, string ErrorId) NotSpecified => ("Name the group to delete with -DisplayName or -GroupId.", "IdcGroupNotSpecified");

    protected override string FailedErrorId => "IdcRemoveGroupFailed";

    protected override string DeleteAction(int memberships) => $"Delete group with its {memberships} membership(s)";

    protected override Task<PrincipalRemovalPlan> PlanAsync(IdcSession session, string target, CancellationToken cancellationToken) =>
        new GroupService(session).PlanRemoveAsync(target, cancellationToken);
}
