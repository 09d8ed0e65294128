using System;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// A rename to a name another user or group already has: refused before the update is sent, so the caller gets one
/// stable id instead of the service's uniqueness error.
/// </summary>
public sealed class IdentityNameInUseException : Exception
{
    public IdentityNameInUseException(string errorId, string what, string name, string otherId)
        : base($"Another {what} is already named '{name}' (id {otherId}); choose a different name.")
    {
        ErrorId = errorId;
        Name = name;
        OtherId = otherId;
    }

    public string ErrorId { get; }
    public string Name { get; }
    public string OtherId { get; }
}
