namespace IdcAdmin.Core.Access;

/// <summary>Which asynchronous assignment request: granting (create) or revoking (delete).</summary>
public enum AssignmentOperation
{
    Create,
    Delete,
}
