using System.Management.Automation;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>Shows how the live Identity Center differs from a configuration file, as drift objects; writes nothing.</summary>
/// <remarks>
/// <para>Each difference is one object: Kind (User, Group, GroupMember, PermissionSet, Assignment), Name, Change (Add,
/// Change, Remove), Property, Current and Desired. No output means the instance matches the file, so
/// <c>Compare-IdcConfiguration -Path ./access.psd1 | Should -BeNullOrEmpty</c> is a test of it.</para>
/// <para>Remove entries are the extras inside the file's scope (see about_IdcAdmin_Configuration): memberships of
/// groups that list Members, and assignments whose principal and permission set the file both declares.
/// Sync-IdcConfiguration removes them only with -Prune. The file is checked first; a problem stops the command with
/// the file, line and key path of each one.</para>
/// </remarks>
/// <example>
/// <code>Compare-IdcConfiguration -Path ./access.psd1</code>
/// <para>Lists what Sync-IdcConfiguration would change.</para>
/// </example>
/// <example>
/// <code>Compare-IdcConfiguration ./access.psd1 | Where-Object Kind -eq Assignment | Format-Table Change, Name, Current, Desired</code>
/// <para>Only the access differences.</para>
/// </example>
[Cmdlet(VerbsData.Compare, "IdcConfiguration")]
[OutputType(typeof(ConfigurationDrift))]
public sealed class CompareIdcConfigurationCommand : ConfigurationCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (var drift in Plan().Drift) WriteObject(drift);
    }
}
