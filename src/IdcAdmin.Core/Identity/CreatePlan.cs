using System.Collections.Generic;

namespace IdcAdmin.Core.Identity;

/// <summary>What creating a user or group will do, decided by reading only; the write happens in a second step.</summary>
public enum CreateOutcome
{
    /// <summary>Nothing by that name exists: create it.</summary>
    Create,
    /// <summary>It exists with the same attributes: return it, change nothing.</summary>
    ReturnExisting,
    /// <summary>It exists with other attributes and -Force was given: update the differing ones.</summary>
    UpdateExisting,
}

/// <summary>
/// The read-only first half of a create: validated input, what exists, what differs. The cmdlet asks ShouldProcess
/// between planning and applying, so -WhatIf never reaches a write call.
/// </summary>
public sealed class CreatePlan<TDefinition, TResult> where TResult : class
{
    public CreatePlan(TDefinition definition, CreateOutcome outcome, TResult? existing, IReadOnlyList<string> differences)
    {
        Definition = definition;
        Outcome = outcome;
        Existing = existing;
        Differences = differences;
    }

    public TDefinition Definition { get; }
    public CreateOutcome Outcome { get; }
    public TResult? Existing { get; }
    /// <summary>The fields that differ from what exists (empty unless <see cref="CreateOutcome.UpdateExisting"/>).</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>Whether applying the plan sends a write call.</summary>
    public bool Writes => Outcome != CreateOutcome.ReturnExisting;
}

/// <summary>The read-only first half of an update: the current object and the operations that would change it.</summary>
public sealed class UpdatePlan<TResult>
{
    public UpdatePlan(TResult current, string id, List<IdentityStore.Model.AttributeOperation> operations)
    {
        Current = current;
        Id = id;
        Operations = operations;
    }

    public TResult Current { get; }
    public string Id { get; }
    public List<IdentityStore.Model.AttributeOperation> Operations { get; }
    public bool Writes => Operations.Count > 0;
    public IEnumerable<string> ChangedPaths
    {
        get { foreach (var o in Operations) yield return o.AttributePath!; }
    }
}
