using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Removes users' or groups' permission sets from AWS accounts.</summary>
/// <remarks>
/// <para>Every combination of the given users and groups, permission sets and accounts is revoked. Input is gathered from
/// the whole pipeline, names are resolved before anything is sent, and revoking an assignment that does not exist is a
/// no-op. The requests run concurrently within AWS's limits and are waited for, with progress.</para>
/// <para>This is a high-impact command: it asks for confirmation unless -Force is given. As a guard against lock-out it
/// refuses (error IdcLockoutGuard, nothing revoked) a revoke that would leave no user holding an administrator permission
/// set (the AWS managed AdministratorAccess policy, or an inline policy allowing * on *) on the organization's management
/// account, directly or through a group. -Force does not override the guard; -AllowNoAdministrator does.</para>
/// </remarks>
/// <example>
/// <code>Revoke-IdcAccountAccess -User bob -PermissionSet AdministratorAccess -Account Prod -Force</code>
/// <para>Removes bob's administrator access to the Prod account without asking.</para>
/// </example>
/// <example>
/// <code>Get-IdcAccountAssignment -Group Contractors | Revoke-IdcAccountAccess</code>
/// <para>Removes every assignment of the Contractors group, confirming each.</para>
/// </example>
[Cmdlet(VerbsSecurity.Revoke, "IdcAccountAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AccountAssignmentResult))]
public sealed class RevokeIdcAccountAccessCommand : AssignmentChangeCmdlet
{
    /// <summary>Revoke without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override AssignmentOperation Operation => AssignmentOperation.Delete;

    protected override bool SkipGuards => AllowNoAdministrator;

    protected override bool Approve(PlannedAssignment item)
    {
        var target = $"account '{item.Account.Name}' ({item.Account.AccountId})";
        var action = $"Revoke {item.Description}";
        return ShouldProcessUnlessForced(Force, target, action);
    }
}
