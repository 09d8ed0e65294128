using System;
using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Lists who has which permission set on which AWS account, with names resolved.</summary>
/// <remarks>
/// <para>Filter by user or group, permission set and account, in any combination; with no filter every assignment of
/// the organization is listed. Results stream as they are read, and the cheapest listing is used: per principal when a
/// user or group is given, per account only the permission sets provisioned to it, per permission set only the accounts
/// it is provisioned to.</para>
/// <para>With -IncludeGroups a user's group memberships are followed too, answering "what can this user reach": rows that
/// come from a group carry the group as principal and the user in MemberUserName.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcAccountAssignment -Account Prod</code>
/// <para>Lists every assignment on the Prod account.</para>
/// </example>
/// <example>
/// <code>Get-IdcAccountAssignment -User alice -IncludeGroups</code>
/// <para>Lists everything alice can reach, directly or through her groups.</para>
/// </example>
/// <example>
/// <code>Get-IdcAccountAssignment -PermissionSet AdministratorAccess | Format-Table PrincipalName, AccountName</code>
/// <para>Shows who holds administrator access where.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcAccountAssignment")]
[OutputType(typeof(AccountAssignmentEntry))]
public sealed class GetIdcAccountAssignmentCommand : AccountAccessCmdlet
{
    /// <summary>For users, also list what their groups are assigned.</summary>
    [Parameter]
    public SwitchParameter IncludeGroups { get; set; }

    protected override void ProcessRecord()
    {
        var filter = new AssignmentFilter { IncludeGroups = IncludeGroups };
        filter.Principals.AddRange(PrincipalsOfRecord());
        filter.PermissionSets.AddRange(NonEmpty(PermissionSet));
        filter.Accounts.AddRange(NonEmpty(Account));
        var query = new AssignmentQuery(CurrentSession, unreadableDetails: Output);
        try
        {
            foreach (var entry in Stream(query.StreamAsync(filter, CancellationToken))) WriteObject(entry);
            WriteResolutionErrors(query.Unresolved);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcListAssignmentsFailed", null);
        }
    }
}
