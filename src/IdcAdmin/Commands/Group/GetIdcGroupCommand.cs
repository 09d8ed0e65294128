using System;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Commands.User;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Gets groups of the Identity Center directory by name, id or wildcard, or lists them all.</summary>
/// <remarks>
/// <para>An exact display name or group id is looked up directly (GetGroupId, then DescribeGroup), never by listing. A name with wildcards (* ? [ ]) lists the groups page by page and keeps the matching names; groups are written as each page arrives.</para>
/// <para>Objects carry DisplayName and GroupId, so they pipe into Get-IdcGroupMember, Add-IdcGroupMember, Set-IdcGroup and Remove-IdcGroup.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcGroup Admins | Get-IdcGroupMember</code>
/// <para>Lists the members of the Admins group.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroup 'team-*'</code>
/// <para>Lists the groups whose name starts with team-.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcGroup")]
[OutputType(typeof(IdcGroup))]
public sealed class GetIdcGroupCommand : IdcCmdlet
{
    /// <summary>Group names or ids; wildcards list the groups and filter by name. All groups when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("Name", "GroupName")]
    public string[]? DisplayName { get; set; }

    /// <summary>Group ids (taken from piped objects by property name); used instead of DisplayName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? GroupId { get; set; }

    protected override void ProcessRecord()
    {
        var groups = new GroupService(CurrentSession);
        var ids = GroupId?.Where(i => !string.IsNullOrEmpty(i)).ToArray() ?? Array.Empty<string>();
        var names = DisplayName?.Where(n => !string.IsNullOrEmpty(n)).ToArray() ?? Array.Empty<string>();
        if (ids.Length > 0)
        {
            foreach (var id in ids) WriteOne(groups, id);
            return;
        }
        if (names.Length == 0)
        {
            WriteListing(groups, null, "*");
            return;
        }
        foreach (var name in names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n))) WriteOne(groups, name);
        var patterns = names.Where(WildcardPattern.ContainsWildcardCharacters)
            .Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
        if (patterns.Length > 0) WriteListing(groups, n => patterns.Any(p => p.IsMatch(n)), string.Join(",", names));
    }

    private void WriteOne(GroupService groups, string nameOrId)
    {
        try
        {
            WriteObject(Run(ct => groups.GetAsync(nameOrId, ct)));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcGetGroupFailed");
            WriteItemError(e, errorId, nameOrId, category);
        }
    }

    private void WriteListing(GroupService groups, Func<string, bool>? match, string target)
    {
        try
        {
            foreach (var group in Stream(groups.ListAsync(match, CancellationToken))) WriteObject(group);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcListGroupsFailed", target);
        }
    }
}
