namespace IdcAdmin.Core.Access;

/// <summary>Which asynchronous assignment request: granting (create) or revoking (delete).</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum AssignmentOperation : long
{
    Create,
    Delete,
}
