using System;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.User;

/// <summary>Gets users of the Identity Center directory by user name, email, id or wildcard, or lists them all.</summary>
/// <remarks>
/// <para>An exact user name, email address or user id is looked up directly (GetUserId, then DescribeUser), never by listing the directory. A name with wildcards (* ? [ ]) lists the directory page by page and keeps the matching user names; users are written as each page arrives, so the first ones show up at once even in a large directory.</para>
/// <para>Without a name it lists every user. Objects carry UserName and UserId, so they pipe into Set-IdcUser, Remove-IdcUser, Add-IdcGroupMember and Get-IdcGroupMembership.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcUser alice</code>
/// <para>Gets the user alice.</para>
/// </example>
/// <example>
/// <code>Get-IdcUser -UserName 'ops-*' | Format-Table UserName, DisplayName, Email</code>
/// <para>Lists the users whose user name starts with ops-.</para>
/// </example>
/// <example>
/// <code>Get-IdcUser -UserId 90676a0b1c-1234-5678-9abc-def012345678</code>
/// <para>Gets a user by id.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcUser")]
[OutputType(typeof(IdcUser))]
public sealed class GetIdcUserCommand : IdcCmdlet
{
    /// <summary>User names, email addresses or ids; wildcards list the directory and filter by user name. All users when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [Alias("Name")]
    public string[]? UserName { get; set; }

    /// <summary>User ids (taken from piped objects by property name); used instead of UserName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? UserId { get; set; }

    protected override void ProcessRecord()
    {
        var users = new UserService(CurrentSession);
        var ids = UserId?.Where(i => !string.IsNullOrEmpty(i)).ToArray() ?? Array.Empty<string>();
        var names = UserName?.Where(n => !string.IsNullOrEmpty(n)).ToArray() ?? Array.Empty<string>();
        if (ids.Length > 0)
        {
            foreach (var id in ids) WriteOne(users, id);
            return;
        }
        if (names.Length == 0)
        {
            WriteListing(users, null, "*");
            return;
        }
        foreach (var name in names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n))) WriteOne(users, name);
        var patterns = names.Where(WildcardPattern.ContainsWildcardCharacters)
            .Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
        if (patterns.Length > 0) WriteListing(users, n => patterns.Any(p => p.IsMatch(n)), string.Join(",", names));
    }

    private void WriteListing(UserService users, Func<string, bool>? match, string target)
    {
        try
        {
            foreach (var user in Stream(users.ListAsync(match, CancellationToken))) WriteObject(user);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcListUsersFailed", target);
        }
    }

    private void WriteOne(UserService users, string nameOrId)
    {
        try
        {
            WriteObject(Run(ct => users.GetAsync(nameOrId, ct)));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcGetUserFailed");
            WriteItemError(e, errorId, nameOrId, category);
        }
    }
}
