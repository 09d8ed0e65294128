using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Provisions a permission set to the accounts it is assigned to and waits, with one result per account.</summary>
/// <remarks>
/// <para>Changing a permission set does not change the IAM roles already made from it in accounts: AWS keeps the old
/// version there until the set is provisioned again. This cmdlet provisions the current version to every account
/// that has the set (or to -AccountId, or only to the outdated ones with -OutdatedOnly), waits for AWS to finish,
/// and writes a result per account. An account where provisioning FAILED is also an error record holding AWS's
/// reason, for example a customer managed policy that does not exist in that account.</para>
/// </remarks>
/// <example>
/// <code>Deploy-IdcPermissionSet -PermissionSet DataReaders</code>
/// <para>Re-provisions DataReaders to every account it is provisioned to.</para>
/// </example>
/// <example>
/// <code>Get-IdcPermissionSetProvisioning | Deploy-IdcPermissionSet</code>
/// <para>Brings every outdated permission set up to date in exactly the accounts where it is outdated.</para>
/// </example>
// "Deploy" is an approved Lifecycle verb; PowerShellStandard.Library predates its VerbsLifecycle constant.
[Cmdlet("Deploy", "IdcPermissionSet", SupportsShouldProcess = true)]
[OutputType(typeof(PermissionSetProvisioningResult))]
public sealed class DeployIdcPermissionSetCommand : PermissionSetCmdlet
{
    /// <summary>The permission set's name or ARN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string PermissionSet { get; set; } = "";

    /// <summary>Provision only to these accounts (12-digit ids); all accounts that have the set when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^\d{12}$")]
    [ArgumentCompleter(typeof(AccountIdCompleter))]
    public string[]? AccountId { get; set; }

    /// <summary>Only the accounts holding an older version of the set.</summary>
    [Parameter]
    public SwitchParameter OutdatedOnly { get; set; }

    protected override void ProcessRecord()
    {
        var arn = ResolveArn(PermissionSet);
        if (arn == null) return;
        ForItem(PermissionSet, "IdcPermissionSetDeployFailed", () => Deploy(arn, NameOf(arn)));
    }

    private void Deploy(string arn, string name)
    {
        var provisioner = new PermissionSetProvisioner(CurrentSession, Output);
        var accounts = Run(ct => provisioner.TargetAccountsAsync(arn, AccountId, OutdatedOnly, ct));
        if (accounts.Count == 0)
        {
            WriteVerbose($"Permission set {name} has no {(OutdatedOnly ? "outdated " : "")}accounts to provision to.");
            return;
        }
        if (!ShouldProcessChange(name, $"Provision to {accounts.Count} account(s): {string.Join(", ", accounts.Take(10))}{(accounts.Count > 10 ? ", ..." : "")}")) return;
        if (AccountId != null && Run(ct => provisioner.UnknownAccountsAsync(accounts, ct)) is { Count: > 0 } unknown)
        {
            foreach (var id in unknown)
                WriteItemError(new ItemNotFoundException($"Account {id} is not an account of the organization, so {name} was provisioned nowhere. Check the id with Get-IdcAccount."),
                    "IdcAccountNotFound", id, ErrorCategory.ObjectNotFound);
            return;
        }
        ProvisioningOutput.Write(this, Run(ct => provisioner.ProvisionAsync(name, arn, accounts, ct)));
    }
}
