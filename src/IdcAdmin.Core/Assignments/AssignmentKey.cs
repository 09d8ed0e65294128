using System;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Core.Assignments;

/// <summary>One account assignment: a principal, a permission set, an account. Equal keys are the same assignment.</summary>
public sealed class AssignmentKey : IEquatable<AssignmentKey>
{
    public AssignmentKey(string accountId, string permissionSetArn, PrincipalKind principalKind, string principalId)
    {
        AccountId = accountId;
        PermissionSetArn = permissionSetArn;
        PrincipalKind = principalKind;
        PrincipalId = principalId;
    }

    public string AccountId { get; }
    public string PermissionSetArn { get; }
    public PrincipalKind PrincipalKind { get; }
    public string PrincipalId { get; }

    public bool Equals(AssignmentKey? other) => other != null && AccountId == other.AccountId && PermissionSetArn == other.PermissionSetArn
        && PrincipalKind == other.PrincipalKind && PrincipalId == other.PrincipalId;

    public override bool Equals(object? obj) => Equals(obj as AssignmentKey);

    public override int GetHashCode()
    {
        unchecked
        {
            var h = AccountId.GetHashCode();
            h = h * 31 + PermissionSetArn.GetHashCode();
            h = h * 31 + (int)PrincipalKind;
            return h * 31 + PrincipalId.GetHashCode();
        }
    }

    public override string ToString() => $"{PrincipalKind} {PrincipalId} -> {PermissionSetArn} @ {AccountId}";
}
