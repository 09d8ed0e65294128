using System;
using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Returns $true when the users or groups hold the permission sets on the accounts, otherwise $false.</summary>
/// <remarks>
/// <para>Every combination of the given principals, permission sets and accounts must be assigned for the answer to be
/// $true. A user's access counts what the user's groups are assigned, as the access portal does; -Direct counts only
/// assignments made to the user itself. A group's access is always its own assignments. Input from the whole
/// pipeline is checked together and answered with one Boolean, which makes the command a compliance check in Pester.
/// An unknown user, group, permission set or account is an error, not $false.</para>
/// </remarks>
/// <example>
/// <code>Test-IdcAccountAccess -Group Admins -PermissionSet AdministratorAccess -Account Prod | Should -BeTrue</code>
/// <para>A Pester assertion that the Admins group can administer Prod.</para>
/// </example>
/// <example>
/// <code>Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse | Test-IdcAccountAccess -Group SecurityAudit -PermissionSet SecurityAudit</code>
/// <para>Checks that the auditors can reach every workload account.</para>
/// </example>
/// <example>
/// <code>Test-IdcAccountAccess -User alice -PermissionSet AdministratorAccess -Account Prod -Direct</code>
/// <para>$true only when alice herself, not one of her groups, is assigned AdministratorAccess on Prod.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "IdcAccountAccess")]
[OutputType(typeof(bool))]
public sealed class TestIdcAccountAccessCommand : AccountAccessCmdlet
{
    private readonly AssignmentFilter _filter = new();
    private bool _invalid;

    /// <summary>For users, count only assignments made to the user itself, not those made to the user's groups.</summary>
    [Parameter]
    public SwitchParameter Direct { get; set; }

    protected override void ProcessRecord()
    {
        var principals = PrincipalsOfRecord();
        if (principals.Count == 0 || PermissionSet == null || Account == null)
        {
            WriteItemError(new System.ArgumentException("Give -User or -Group, -PermissionSet and -Account (or pipe in objects that carry them)."),
                "IdcAccessTestIncomplete", Account, ErrorCategory.InvalidArgument);
            _invalid = true;
            return;
        }
        // Each record's combinations are added to one check; the filter lists are crossed, so keep records consistent.
        foreach (var p in principals) if (!_filter.Principals.Contains(p)) _filter.Principals.Add(p);
        foreach (var ps in NonEmpty(PermissionSet)) if (!_filter.PermissionSets.Contains(ps)) _filter.PermissionSets.Add(ps);
        foreach (var a in NonEmpty(Account)) if (!_filter.Accounts.Contains(a)) _filter.Accounts.Add(a);
    }

    protected override void EndProcessing()
    {
        if (!_invalid && _filter.Principals.Count > 0)
        {
            _filter.IncludeGroups = !Direct;
            var session = CurrentSession;
            try
            {
                WriteObject(Run(ct => AccessCheck.TestAsync(session, _filter, ct)));
            }
            catch (AccessResolutionException e)
            {
                WriteResolutionErrors(e.Errors);
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteItemError(e, "IdcAccessTestFailed", null);
            }
        }
        base.EndProcessing();
    }
}
