using System;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// Input refused before any call to AWS: carries a stable error id (e.g. IdcUserInvalidEmail) and the offending field,
/// so a runbook can tell one refusal from another.
/// </summary>
public sealed class IdentityInputException : ArgumentException
{
    public IdentityInputException(string errorId, string field, string message) : base(message, field)
    {
        ErrorId = errorId;
        Field = field;
    }

    public string ErrorId { get; }
    public string Field { get; }
}

/// <summary>A user, group or membership named in the input does not exist.</summary>
public sealed class IdentityNotFoundException : Exception
{
    public IdentityNotFoundException(string errorId, string what, string nameOrId)
        : base($"No {what} '{nameOrId}' exists in the identity store.")
    {
        ErrorId = errorId;
        NameOrId = nameOrId;
    }

    public string ErrorId { get; }
    public string NameOrId { get; }
}

/// <summary>
/// Creating something that already exists with other attributes: names the fields that differ, because silently
/// keeping or overwriting either side would surprise whoever re-runs the runbook.
/// </summary>
public sealed class IdentityConflictException : Exception
{
    public IdentityConflictException(string errorId, string what, string name, System.Collections.Generic.IReadOnlyList<string> differingFields)
        : base($"{what} '{name}' already exists with different {string.Join(", ", differingFields)}. " +
               $"Use -Force to update it to the given values, or Set-Idc{what} to change it.")
    {
        ErrorId = errorId;
        Name = name;
        DifferingFields = differingFields;
    }

    public string ErrorId { get; }
    public string Name { get; }
    public System.Collections.Generic.IReadOnlyList<string> DifferingFields { get; }
}
