using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Creates a group in the Identity Center directory, or returns it when it already exists with the same description.</summary>
/// <remarks>
/// <para>The display name is the group's name (unique, at most 1024 characters; Administrator and AWSAdministrators are reserved). Re-running is safe: an existing group with the same description is returned with a warning; with a different description it is an error (IdcGroupExistsWithDifferentAttributes) naming the field, unless -Force is given, which updates it.</para>
/// <para>DisplayName and Description bind by property name, so Import-Csv rows with those columns create one group each.</para>
/// </remarks>
/// <example>
/// <code>New-IdcGroup Admins -Description 'Administrators of every account'</code>
/// <para>Creates the Admins group.</para>
/// </example>
/// <example>
/// <code>New-IdcGroup Admins | Add-IdcGroupMember -User alice, bob</code>
/// <para>Creates the group (or finds it) and adds two users to it.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "IdcGroup", SupportsShouldProcess = true)]
[OutputType(typeof(IdcGroup))]
public sealed class NewIdcGroupCommand : IdcCmdlet
{
    /// <summary>The group's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "GroupName")]
    public string DisplayName { get; set; } = "";

    /// <summary>What the group is for.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>When the group exists with a different description, update it instead of failing.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var groups = new GroupService(CurrentSession);
        try
        {
            var plan = Run(ct => groups.PlanCreateAsync(new GroupDefinition { DisplayName = DisplayName, Description = Description }, Force, ct));
            if (plan.Outcome == CreateOutcome.Create && !ShouldProcessChange($"group '{DisplayName}'", "Create group")) return;
            if (plan.Outcome == CreateOutcome.UpdateExisting && !ShouldProcessChange($"group '{DisplayName}'", $"Update {string.Join(", ", plan.Differences)}")) return;
            WriteObject(Run(ct => groups.CreateAsync(plan, Output, ct)));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcNewGroupFailed");
            WriteItemError(e, errorId, DisplayName, category);
        }
    }
}
