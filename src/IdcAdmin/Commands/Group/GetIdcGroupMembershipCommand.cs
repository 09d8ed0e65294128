using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Lists the groups a user belongs to (the reverse of Get-IdcGroupMember).</summary>
/// <remarks>
/// <para>The user is named by user name, email or id, or piped in (Get-IdcUser output binds by UserId). Memberships are read page by page and written as they arrive; each carries GroupId, GroupName, UserId and UserName, so it pipes into Remove-IdcGroupMember or Get-IdcGroup.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcUser alice | Get-IdcGroupMembership</code>
/// <para>Lists alice's groups.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroupMembership alice | Get-IdcGroup</code>
/// <para>Returns the full group objects of alice's groups.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcGroupMembership")]
[OutputType(typeof(IdcGroupMember))]
public sealed class GetIdcGroupMembershipCommand : MembershipListingCmdlet
{
    /// <summary>The user: user name, email address or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("UserName")]
    public string[]? User { get; set; }

    /// <summary>The user's id (taken from piped objects by property name); used instead of User when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? UserId { get; set; }

    protected override string[] Chosen => MemberReferences.Choose(null, null, UserId, User);

    protected override (string Message, string ErrorId) NotSpecified => ("Name the user with -User or -UserId.", "IdcUserNotSpecified");

    protected override string FailedErrorId => "IdcGetGroupMembershipFailed";

    protected override IAsyncEnumerable<IdcGroupMember> List(MembershipService memberships, string nameOrId, CancellationToken cancellationToken) =>
        memberships.ListGroupsOfAsync(nameOrId, cancellationToken);
}
