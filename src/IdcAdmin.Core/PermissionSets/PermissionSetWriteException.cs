using System;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>A create or update that failed part way, saying which step failed and what was left behind.</summary>
public sealed class PermissionSetWriteException : Exception
{
    public PermissionSetWriteException(string permissionSetName, string failedStep, string message, Exception inner)
        : base(message, inner)
    {
        PermissionSetName = permissionSetName;
        FailedStep = failedStep;
    }

    public string PermissionSetName { get; }
    /// <summary>The step that AWS refused, e.g. "attach AWS managed policy ReadOnlyAccess".</summary>
    public string FailedStep { get; }
}
