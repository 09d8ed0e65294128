using System.Collections.Generic;

namespace IdcAdmin.Core.Access;

/// <summary>What an effective-access question is about; the filters given narrow it together.</summary>
public sealed class EffectiveAccessFilter
{
    /// <summary>User names or ids: what these users reach.</summary>
    public List<string> Users { get; } = new();
    /// <summary>Group names or ids: what comes through these groups, to each of their members.</summary>
    public List<string> Groups { get; } = new();
    /// <summary>Account ids or names: who reaches these accounts.</summary>
    public List<string> Accounts { get; } = new();
    /// <summary>Permission set names or ARNs: who holds these sets anywhere.</summary>
    public List<string> PermissionSets { get; } = new();
    public EffectiveAccessPath Path { get; set; } = EffectiveAccessPath.Auto;
}
