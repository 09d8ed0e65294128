using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>A definition that AWS would refuse, with every problem found; raised before anything is written.</summary>
public sealed class PermissionSetValidationException : ArgumentException
{
    public PermissionSetValidationException(string? name, IReadOnlyList<string> problems)
        : base((name != null ? $"Permission set '{name}' is not valid: " : "The permission set is not valid: ") + string.Join(" ", problems))
    {
        PermissionSetName = name;
        Problems = problems;
    }

    public string? PermissionSetName { get; }
    public IReadOnlyList<string> Problems { get; }
}
