using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Deletes a permission set; refuses while it is assigned unless told to revoke those assignments first.</summary>
/// <remarks>
/// <para>A permission set that is still assigned to users or groups in accounts cannot be deleted: the error lists
/// where (principal and account). -RemoveAssignments revokes every one of them, waits until AWS has removed them,
/// then deletes the set. High impact: asks for confirmation unless -Force or -Confirm:$false.</para>
/// </remarks>
/// <example>
/// <code>Remove-IdcPermissionSet -PermissionSet OldAdmins</code>
/// <para>Deletes OldAdmins after confirmation, or lists where it is still assigned.</para>
/// </example>
/// <example>
/// <code>Get-IdcPermissionSet Temp-* | Remove-IdcPermissionSet -RemoveAssignments -Force</code>
/// <para>Revokes every assignment of the Temp-* sets and deletes them without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "IdcPermissionSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIdcPermissionSetCommand : PermissionSetCmdlet
{
    /// <summary>The permission set's name or ARN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string PermissionSet { get; set; } = "";

    /// <summary>Revoke the set's account assignments first (and wait for AWS to finish), then delete it.</summary>
    [Parameter]
    public SwitchParameter RemoveAssignments { get; set; }

    /// <summary>Do not ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override void ProcessRecord()
    {
        var arn = ResolveArn(PermissionSet);
        if (arn == null) return;
        ForItem(PermissionSet, "IdcPermissionSetRemoveFailed", () => Remove(arn, NameOf(arn)));
    }

    private void Remove(string arn, string name)
    {
        var session = CurrentSession;
        var assignments = new PermissionSetAssignments(session, Output);
        var keys = Run(ct => assignments.FindAsync(arn, ct));
        if (keys.Count > 0 && !RemoveAssignments)
        {
            var where = Run(ct => assignments.DescribeAsync(keys, ct));
            WriteItemError(new PermissionSetInUseException(name, keys, where), "IdcPermissionSetInUse", PermissionSet, ErrorCategory.ResourceBusy);
            return;
        }
        var action = keys.Count > 0 ? $"Revoke {keys.Count} account assignment(s) and delete permission set" : "Delete permission set";
        if (!ShouldProcessUnlessForced(Force, name, action)) return;
        Run(ct => PermissionSetWriter.EnsureDeletableAsync(session, arn, name, keys, AllowNoAdministrator, ct));
        if (keys.Count > 0) Run(ct => assignments.RevokeAllAsync(keys, name, ct));
        Run(ct => new PermissionSetWriter(session, Output).DeleteAsync(arn, ct));
        WriteVerbose($"Deleted permission set {name} ({arn}).");
    }
}
