using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Renames a group or changes its description.</summary>
/// <remarks>
/// <para>The group is found by display name or id. Only what differs is sent (one UpdateGroup call); nothing is sent when nothing differs. -ClearDescription removes the description.</para>
/// </remarks>
/// <example>
/// <code>Set-IdcGroup Admins -Description 'Full administrators' -PassThru</code>
/// <para>Changes the description and returns the group.</para>
/// </example>
/// <example>
/// <code>Set-IdcGroup Admins -NewDisplayName PlatformAdmins</code>
/// <para>Renames the group.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "IdcGroup", SupportsShouldProcess = true)]
[OutputType(typeof(IdcGroup))]
public sealed class SetIdcGroupCommand : IdcCmdlet
{
    /// <summary>The group to change: display name or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("Name", "GroupName")]
    public string? DisplayName { get; set; }

    /// <summary>The id of the group to change; used instead of DisplayName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? GroupId { get; set; }

    /// <summary>A new name for the group.</summary>
    [Parameter]
    public string? NewDisplayName { get; set; }

    /// <summary>A new description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Remove the description.</summary>
    [Parameter]
    public SwitchParameter ClearDescription { get; set; }

    /// <summary>Write the updated group to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var target = !string.IsNullOrEmpty(GroupId) ? GroupId : DisplayName;
        if (string.IsNullOrEmpty(target))
        {
            WriteItemError(new ArgumentException("Name the group to change with -DisplayName or -GroupId."), "IdcGroupNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var groups = new GroupService(CurrentSession);
        try
        {
            var plan = Run(ct => groups.PlanUpdateAsync(target!, NewDisplayName, Description, ClearDescription, ct));
            if (!plan.Writes) WriteVerbose($"Group '{plan.Current.DisplayName}' already has these values; nothing to change.");
            else if (!ShouldProcessChange($"group '{plan.Current.DisplayName}'", $"Update {string.Join(", ", plan.ChangedPaths)}")) return;
            var updated = Run(ct => groups.UpdateAsync(plan, ct));
            if (PassThru) WriteObject(updated);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcSetGroupFailed");
            WriteItemError(e, errorId, target, category);
        }
    }
}
