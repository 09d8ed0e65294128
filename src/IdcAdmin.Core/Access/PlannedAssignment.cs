using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Organizations;

namespace IdcAdmin.Core.Access;

/// <summary>One assignment of a batch, resolved to ids, with the names to report it by.</summary>
public sealed class PlannedAssignment
{
    public PlannedAssignment(AssignmentKey key, AwsAccount account, ResolvedPermissionSet permissionSet, ResolvedPrincipal principal)
    {
        Key = key;
        Account = account;
        PermissionSet = permissionSet;
        Principal = principal;
    }

    public AssignmentKey Key { get; }
    public AwsAccount Account { get; }
    public ResolvedPermissionSet PermissionSet { get; }
    public ResolvedPrincipal Principal { get; }

    /// <summary>How a confirmation prompt names it.</summary>
    public string Description => $"{Principal.Kind.ToString().ToLowerInvariant()} '{Principal.Name}' with permission set '{PermissionSet.Name}' on account '{Account.Name}' ({Account.AccountId})";

    public AccountAssignmentResult ToResult(AssignmentOperation operation, AssignmentStatus status) => new()
    {
        Operation = operation,
        Status = status,
        AccountId = Key.AccountId,
        AccountName = Account.Name,
        PermissionSetArn = Key.PermissionSetArn,
        PermissionSetName = PermissionSet.Name,
        PrincipalType = Key.PrincipalKind,
        PrincipalId = Key.PrincipalId,
        PrincipalName = Principal.Name,
    };
}
