using System;
using System.Management.Automation;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>What the cmdlets addressing one permission set share: turning a name or ARN into the ARN, checking a definition, reporting a failed write.</summary>
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

    /// <summary>
    /// The checked form of a definition built from the cmdlet's parameters (its warnings written), or null after writing
    /// IdcPermissionSetInvalid: nothing is sent for a definition AWS would refuse.
    /// </summary>
    protected PermissionSetSpec? Validate(Func<PermissionSetDefinition> definition, bool forCreate, object? target)
    {
        var partition = PartitionOf(CurrentSession.InstanceArn);
        PermissionSetSpec spec;
        try
        {
            spec = PermissionSetValidator.Validate(definition(), forCreate, partition);
        }
        catch (Exception e) when (e is ArgumentException or System.IO.IOException or System.Text.Json.JsonException)
        {
            WriteItemError(e, "IdcPermissionSetInvalid", target, ErrorCategory.InvalidArgument);
            return null;
        }
        foreach (var warning in spec.Warnings) WriteWarning(warning);
        return spec;
    }

    /// <summary>Runs a write; its failure is the item's error, a failed step categorised by the AWS error behind it.</summary>
    protected void TryWrite(object? target, string errorId, Action write)
    {
        try
        {
            write();
        }
        catch (PermissionSetWriteException e)
        {
            WriteItemError(e, errorId, target, e.InnerException == null ? null : ErrorRecords.CategoryOf(e.InnerException));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, errorId, target);
        }
    }

    /// <summary>The partition (aws, aws-cn …) of an ARN, which decides the ARNs a definition may name.</summary>
    internal static string PartitionOf(string arn) => arn.Split(':') is { Length: > 1 } parts ? parts[1] : "aws";
}
