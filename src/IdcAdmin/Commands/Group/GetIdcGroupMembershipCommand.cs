using System;
using System.Management.Automation;
using IdcAdmin.Commands.User;
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
public sealed class GetIdcGroupMembershipCommand : IdcCmdlet
{
    /// <summary>The user: user name, email address or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("UserName")]
    public string[]? User { get; set; }

    /// <summary>The user's id (taken from piped objects by property name); used instead of User when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? UserId { get; set; }

    protected override void ProcessRecord()
    {
        var users = MemberReferences.Choose(null, null, UserId, User);
        if (users.Length == 0)
        {
            WriteItemError(new ArgumentException("Name the user with -User or -UserId."), "IdcUserNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var memberships = new MembershipService(CurrentSession, unreadableDetails: Output);
        foreach (var user in users)
        {
            try
            {
                foreach (var membership in Stream(memberships.ListGroupsOfAsync(user, CancellationToken))) WriteObject(membership);
            }
            catch (Exception e) when (e is not PipelineStoppedException && !CancellationToken.IsCancellationRequested)
            {
                var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcGetGroupMembershipFailed");
                WriteItemError(e, errorId, user, category);
            }
        }
    }
}
