using System.Collections.Generic;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// A configuration compared with the live instance: the drift in dependency order, or the problems (names that exist
/// neither in the file nor live, targets that name nothing) that stop it before any write.
/// </summary>
public sealed class ConfigurationPlan
{
    public List<ConfigurationDrift> Drift { get; } = new();
    public List<ConfigurationProblem> Problems { get; } = new();
    public bool HasProblems => Problems.Count > 0;
}
