using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>What a New or Set would do, worked out by reading only: the cmdlet shows it (-WhatIf) or applies it.</summary>
public sealed class PermissionSetPlan
{
    public PermissionSetPlan(IdcPermissionSet? current, IReadOnlyList<PermissionSetChange> changes)
    {
        Current = current;
        Changes = changes;
    }

    /// <summary>The set as it is now; null when no set of that name exists.</summary>
    public IdcPermissionSet? Current { get; }
    public IReadOnlyList<PermissionSetChange> Changes { get; }
    public bool Exists => Current != null;
    public bool IsUpToDate => Current != null && Changes.Count == 0;
}

/// <summary>Compares definitions with what exists, reading only what the comparison needs.</summary>
public sealed class PermissionSetPlanner
{
    private readonly IdcSession _session;
    private readonly PermissionSetReader _reader;

    public PermissionSetPlanner(IdcSession session)
    {
        _session = session;
        _reader = new PermissionSetReader(session);
    }

    /// <summary>For New: the existing set of that name (read in full) and how it differs from the spec.</summary>
    public async Task<PermissionSetPlan> PlanCreateAsync(PermissionSetSpec spec, CancellationToken cancellationToken)
    {
        var arn = await _session.PermissionSets.FindArnAsync(spec.Name!, cancellationToken).ConfigureAwait(false);
        if (arn == null) return new PermissionSetPlan(null, new List<PermissionSetChange>());
        var current = await _reader.ReadAsync(arn, PermissionSetDetail.Policies | PermissionSetDetail.PermissionsBoundary | PermissionSetDetail.Tags,
            cancellationToken).ConfigureAwait(false);
        return new PermissionSetPlan(current, PermissionSetDiff.Changes(current, spec));
    }

    /// <summary>For Set: the set (by ARN) and the changes that make it match the spec; parts the spec leaves out are not read.</summary>
    public async Task<PermissionSetPlan> PlanUpdateAsync(string permissionSetArn, PermissionSetSpec spec, CancellationToken cancellationToken)
    {
        var current = await _reader.ReadAsync(permissionSetArn, PermissionSetDiff.DetailNeeded(spec), cancellationToken).ConfigureAwait(false);
        return new PermissionSetPlan(current, PermissionSetDiff.Changes(current, spec));
    }
}
