using System.Management.Automation;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Gives users or groups a permission set on AWS accounts, for one account or a whole organization.</summary>
/// <remarks>
/// <para>Every combination of the given users and groups, permission sets and accounts is assigned. Input is gathered from
/// the whole pipeline first, then names are resolved (an unknown user, group, permission set or account stops the batch
/// before anything is sent), assignments that already exist are skipped without a call, and suspended accounts are
/// skipped with a warning.</para>
/// <para>The requests run concurrently within AWS's limits: at most 10 outstanding, about 20 requests per second shared
/// with every other Identity Center call of the session, with throttling and conflicts retried. The command waits until
/// each request has SUCCEEDED or FAILED, showing progress over the batch. A FAILED request becomes an error with AWS's
/// reason and the account as target while the others go on. With -NoWait the pending requests are returned at once;
/// pipe them to Wait-IdcAccountAssignment.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse | Grant-IdcAccountAccess -Group Developers -PermissionSet ReadOnlyAccess</code>
/// <para>Gives the Developers group read-only access to every account under the Workloads OU and its children.</para>
/// </example>
/// <example>
/// <code>Grant-IdcAccountAccess -User alice -PermissionSet AdministratorAccess -Account 111122223333, Sandbox</code>
/// <para>Gives alice administrator access to two accounts, one named by id and one by name.</para>
/// </example>
/// <example>
/// <code>$pending = Grant-IdcAccountAccess -Group Auditors -PermissionSet SecurityAudit -Account (Get-IdcAccount) -NoWait
/// $pending | Wait-IdcAccountAssignment</code>
/// <para>Sends the requests for every account without waiting, then waits for them later.</para>
/// </example>
[Cmdlet(VerbsSecurity.Grant, "IdcAccountAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AccountAssignmentResult))]
public sealed class GrantIdcAccountAccessCommand : AssignmentChangeCmdlet
{
    protected override AssignmentOperation Operation => AssignmentOperation.Create;

    protected override bool Approve(PlannedAssignment item) =>
        ShouldProcessChange($"account '{item.Account.Name}' ({item.Account.AccountId})", $"Grant {item.Description}");
}
