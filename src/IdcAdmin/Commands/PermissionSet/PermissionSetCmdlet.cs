using System;
using System.Management.Automation;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>What the cmdlets addressing one permission set share: turning a name or ARN into the ARN.</summary>
public abstract class PermissionSetCmdlet : IdcCmdlet
{
    /// <summary>The ARN of a name or ARN, or null after writing a not-found (or lookup) error for it.</summary>
    protected string? ResolveArn(string nameOrArn)
    {
        // Read on the pipeline thread: the engine work runs where the runspace (and so the session) is unknown.
        var permissionSets = CurrentSession.PermissionSets;
        try
        {
            var arn = Run(ct => permissionSets.FindArnAsync(nameOrArn, ct));
            if (arn != null) return arn;
            WriteItemError(new ItemNotFoundException($"No permission set named '{nameOrArn}' exists in this instance."),
                "IdcPermissionSetNotFound", nameOrArn, ErrorCategory.ObjectNotFound);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcPermissionSetReadFailed", nameOrArn);
        }
        return null;
    }

    /// <summary>The set's name for messages (remembered by the session, so usually no call).</summary>
    protected string NameOf(string arn)
    {
        var permissionSets = CurrentSession.PermissionSets;
        return Run(ct => permissionSets.GetNameAsync(arn, ct));
    }
}
