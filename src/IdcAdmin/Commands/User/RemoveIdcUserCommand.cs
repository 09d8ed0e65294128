using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

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
public sealed class RemoveIdcUserCommand : PrincipalRemovalCmdlet
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
    public override SwitchParameter RemoveAssignments { get; set; }

    protected override string? Target => !string.IsNullOrEmpty(UserId) ? UserId : UserName;

    protected override (string Message, string ErrorId) NotSpecified => ("Name the user to delete with -UserName or -UserId.", "IdcUserNotSpecified");

    protected override string FailedErrorId => "IdcRemoveUserFailed";

    protected override string DeleteAction(int memberships) => $"Delete user with its {memberships} group membership(s)";

    protected override Task<PrincipalRemovalPlan> PlanAsync(IdcSession session, string target, CancellationToken cancellationToken) =>
        new UserService(session).PlanRemoveAsync(target, cancellationToken);
}
