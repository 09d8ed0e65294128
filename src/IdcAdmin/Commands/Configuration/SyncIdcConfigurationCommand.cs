using System;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>Makes the live Identity Center match a configuration file, changing only what differs.</summary>
/// <remarks>
/// <para>The plan is worked out from the live instance each time (there is no state file), then applied through the
/// module's engines in dependency order: users, groups, permission sets (accounts holding a changed set are
/// re-provisioned), memberships, new assignments (sent concurrently within AWS's limit), and removals last. Each
/// change is returned with its Status (Applied, Failed, Skipped); a failed item is also an error record, and the
/// others go on. A second run right after makes no changes.</para>
/// <para>Without -Prune only additions and changes are made. With -Prune, the extras inside the file's scope are
/// removed too: memberships of groups that list Members, and assignments whose principal and permission set the
/// file both declares. Nothing outside that scope is touched, and users, groups and permission sets are never
/// deleted. A removal that would leave the management account without an administrator is refused (the lock-out
/// guard). -WhatIf lists every change and sends no write.</para>
/// </remarks>
/// <example>
/// <code>Sync-IdcConfiguration -Path ./access.psd1 -WhatIf</code>
/// <para>Shows every change the sync would make, without making it.</para>
/// </example>
/// <example>
/// <code>Sync-IdcConfiguration -Path ./access.psd1 -Prune</code>
/// <para>Applies the file and removes the in-scope assignments and memberships it does not list.</para>
/// </example>
[Cmdlet(VerbsData.Sync, "IdcConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(ConfigurationDrift))]
public sealed class SyncIdcConfigurationCommand : ConfigurationCmdlet
{
    /// <summary>Also remove the extras inside the file's scope (memberships, assignments).</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    protected override void ProcessRecord()
    {
        var plan = Plan();
        if (plan.Drift.Count == 0)
        {
            WriteVerbose("The instance already matches the configuration; nothing to change.");
            return;
        }
        var session = CurrentSession;
        var applied = Run(ct => new ConfigurationApplier(session, Output).ApplyAsync(plan, Prune, d => ShouldProcessFromEngine(d.Target, d.Action), ct));
        foreach (var drift in applied)
        {
            if (drift.Status == DriftStatus.Failed)
                WriteError(new ErrorRecord(new InvalidOperationException($"{drift}: {drift.Message}"), "IdcConfigurationItemFailed", ErrorCategory.InvalidResult, drift));
            // Under -WhatIf nothing was applied: the "What if" lines are the output.
            else if (drift.Status == DriftStatus.Skipped && drift.Message == ConfigurationApplier.NotConfirmed) continue;
            WriteObject(drift);
        }
    }
}
