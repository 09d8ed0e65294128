namespace IdcAdmin.Core.Configuration;

/// <summary>What a configuration manages.</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum ConfigurationItemKind : long
{
    User,
    Group,
    GroupMember,
    PermissionSet,
    Assignment,
}

// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum DriftChange : long
{
    Add,
    Change,
    Remove,
}

/// <summary>How applying one drift ended (Sync only).</summary>
// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum DriftStatus : long
{
    Applied,
    Failed,
    /// <summary>Not applied: a removal without -Prune, a declined confirmation, or a step it depended on failed.</summary>
    Skipped,
}

/// <summary>
/// One difference between a configuration and the live instance: what (kind, name, property) and which way
/// (current → desired). Compare returns these; Sync applies them and fills in <see cref="Status"/>.
/// </summary>
public sealed class ConfigurationDrift
{
    public ConfigurationDrift(ConfigurationItemKind kind, string name, DriftChange change, string? property = null, string? current = null, string? desired = null)
    {
        Kind = kind;
        Name = name;
        Change = change;
        Property = property;
        Current = current;
        Desired = desired;
    }

    public ConfigurationItemKind Kind { get; }
    /// <summary>The user, group or permission set; for an assignment, its principal.</summary>
    public string Name { get; }
    public DriftChange Change { get; }
    /// <summary>What differs: an attribute, a policy list, Member; for an assignment, its permission set.</summary>
    public string? Property { get; }
    public string? Current { get; }
    public string? Desired { get; }
    public DriftStatus? Status { get; set; }
    /// <summary>Why it failed or was skipped.</summary>
    public string? Message { get; set; }

    /// <summary>What the engine needs to apply it (the declared item, the planned change or assignment).</summary>
    internal object? Payload { get; set; }

    /// <summary>How a confirmation prompt names it.</summary>
    public string Target => $"{Kind} {Name}" + (Property != null ? $" {Property}" : "");

    public string Action => Change switch
    {
        DriftChange.Add => Current == null && Desired != null && Property != null ? $"Add {Desired}" : "Add",
        DriftChange.Remove => Property != null && Current != null ? $"Remove {Current}" : "Remove",
        _ => $"Change '{Current}' to '{Desired}'",
    };

    public override string ToString() => $"{Change} {Target}" + (Current != null || Desired != null ? $": {Current} -> {Desired}" : "");
}
