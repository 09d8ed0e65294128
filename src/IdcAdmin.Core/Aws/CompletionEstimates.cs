using System.Collections.Concurrent;

namespace IdcAdmin.Core.Aws;

/// <summary>The session's learned completion times, one per kind of asynchronous request (they take different times).</summary>
public sealed class CompletionEstimates
{
    public const string AssignmentCreation = "AccountAssignmentCreation";
    public const string AssignmentDeletion = "AccountAssignmentDeletion";
    public const string Provisioning = "PermissionSetProvisioning";

    private readonly ConcurrentDictionary<string, CompletionEstimate> _byKind = new();

    /// <summary>The estimate for <paramref name="kind"/>, started at the polling settings' first interval.</summary>
    public CompletionEstimate For(string kind, PollOptions polling) =>
        _byKind.GetOrAdd(kind, _ => new CompletionEstimate(polling.Interval, polling.Timeout));
}
