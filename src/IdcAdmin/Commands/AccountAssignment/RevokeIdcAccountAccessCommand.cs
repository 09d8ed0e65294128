using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Removes users' or groups' permission sets from AWS accounts.</summary>
/// <remarks>
/// <para>Every combination of the given users and groups, permission sets and accounts is revoked. Input is gathered from
/// the whole pipeline, names are resolved before anything is sent, and revoking an assignment that does not exist is a
/// no-op. The requests run concurrently within AWS's limits and are waited for, with progress.</para>
/// <para>This is a high-impact command: it asks for confirmation unless -Force is given. As a guard against lock-out it
/// refuses, unless -Force, to revoke the last assignment of an AdministratorAccess-style permission set (one carrying the
/// AWS managed AdministratorAccess policy) on the organization's management account.</para>
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
    /// <summary>Revoke without asking for confirmation, and even the management account's last administrator assignment.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override AssignmentOperation Operation => AssignmentOperation.Delete;

    protected override bool SkipGuards => Force;

    protected override bool Approve(PlannedAssignment item)
    {
        var target = $"account '{item.Account.Name}' ({item.Account.AccountId})";
        var action = $"Revoke {item.Description}";
        // -Force skips the prompt, but -WhatIf still only describes.
        if (Force && !WhatIfRequested) return true;
        return ShouldProcess(target, action);
    }

    private bool WhatIfRequested =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
            ? w is SwitchParameter s && s.IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
}
