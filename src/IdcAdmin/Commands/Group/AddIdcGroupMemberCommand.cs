using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.Group;

/// <summary>Adds users to groups; adding a user who is already a member changes nothing.</summary>
/// <remarks>
/// <para>Groups and users are named by name or id. Unknown groups or users are refused (IdcGroupNotFound, IdcUserNotFound) before any change. Adding a member twice is a no-op, so runbooks can be re-run.</para>
/// <para>Users bind from the pipeline by value (names) or by property name (UserName, UserId), so the output of New-IdcUser or Get-IdcUser pipes straight in; a group can come from the pipeline too (GroupId). Values given on the command line win over piped ones.</para>
/// </remarks>
/// <example>
/// <code>New-IdcUser -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe | Add-IdcGroupMember -Group Admins</code>
/// <para>Creates a user and adds it to Admins.</para>
/// </example>
/// <example>
/// <code>Add-IdcGroupMember -Group Admins, Auditors -User alice, bob -PassThru</code>
/// <para>Adds two users to two groups and returns the four memberships.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroup Admins | Add-IdcGroupMember -User carol</code>
/// <para>Adds carol to the piped group.</para>
/// </example>
[Cmdlet(VerbsCommon.Add, "IdcGroupMember", SupportsShouldProcess = true)]
[OutputType(typeof(IdcGroupMember))]
public sealed class AddIdcGroupMemberCommand : GroupMemberChangeCmdlet
{
    /// <summary>The groups to add to: display names or ids.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    [Alias("GroupName")]
    public override string[]? Group { get; set; }

    /// <summary>The users to add: user names, email addresses or ids.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("UserName", "Member")]
    public override string[]? User { get; set; }

    /// <summary>Write each membership (new or existing) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string FailedErrorId => "IdcAddGroupMemberFailed";

    protected override void Change(MembershipService memberships, MembershipPlan plan)
    {
        if (plan.Exists) WriteVerbose($"The {plan.Target} is already a member; nothing to add.");
        else if (!ShouldProcessChange(plan.Target, "Add group member")) return;
        var member = Run(ct => memberships.AddAsync(plan, ct));
        if (PassThru) WriteObject(member);
    }
}
