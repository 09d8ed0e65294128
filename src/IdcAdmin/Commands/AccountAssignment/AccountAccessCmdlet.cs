using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>
/// The parameters Grant/Revoke/Test/Get share: users and groups (name or id), permission sets (name or ARN) and
/// accounts (id or name), each bindable from piped objects by property name.
/// </summary>
public abstract class AccountAccessCmdlet : IdcCmdlet
{
    /// <summary>Users by user name, email address or user id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "UserName")]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    public string[]? User { get; set; }

    /// <summary>Groups by display name or group id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GroupId", "GroupName")]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string[]? Group { get; set; }

    /// <summary>Permission sets by name or ARN.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string[]? PermissionSet { get; set; }

    /// <summary>AWS accounts by 12-digit id or account name; account objects from Get-IdcAccount bind by AccountId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AccountId")]
    [ArgumentCompleter(typeof(AccountCompleter))]
    public string[]? Account { get; set; }

    /// <summary>The users and groups of the current pipeline record.</summary>
    protected List<PrincipalRef> PrincipalsOfRecord() =>
        NonEmpty(User).Select(u => new PrincipalRef(PrincipalKind.User, u))
            .Concat(NonEmpty(Group).Select(g => new PrincipalRef(PrincipalKind.Group, g))).ToList();

    protected static IEnumerable<string> NonEmpty(string[]? values) =>
        (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());

    /// <summary>The error for a record that names no user or group.</summary>
    protected void WriteNoPrincipalError(object? target) =>
        WriteItemError(new ArgumentException("Give -User or -Group (a name or id), or pipe in users or groups."), "IdcPrincipalRequired", target, ErrorCategory.InvalidArgument);
}
