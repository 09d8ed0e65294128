using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Lists the members of a group, with each user's name, display name and email.</summary>
/// <remarks>
/// <para>The group is named by display name or id, or piped in (Get-IdcGroup output binds by GroupId). Members are read page by page and written as they arrive. Each membership object carries GroupId, GroupName, UserId and UserName, so it pipes into Remove-IdcGroupMember, Get-IdcUser or Set-IdcUser.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcGroup Admins | Get-IdcGroupMember</code>
/// <para>Lists the members of Admins.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroupMember Admins | Get-IdcUser | Select-Object UserName, Title</code>
/// <para>Shows the full user objects of the members.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcGroupMember")]
[OutputType(typeof(IdcGroupMember))]
public sealed class GetIdcGroupMemberCommand : MembershipListingCmdlet
{
    /// <summary>The group: display name or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("GroupName")]
    public string[]? Group { get; set; }

    /// <summary>The group's id (taken from piped objects by property name); used instead of Group when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? GroupId { get; set; }

    protected override string[] Chosen => MemberReferences.Choose(null, null, GroupId, Group);

    protected override (string Message, string ErrorId) NotSpecified => ("Name the group with -Group or -GroupId.", "IdcGroupNotSpecified");

    protected override string FailedErrorId => "IdcGetGroupMemberFailed";

    protected override IAsyncEnumerable<IdcGroupMember> List(MembershipService memberships, string nameOrId, CancellationToken cancellationToken) =>
        memberships.ListMembersAsync(nameOrId, cancellationToken);
}
