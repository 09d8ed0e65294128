namespace IdcAdmin.Core.Access;

/// <summary>What kind of input could not be resolved.</summary>
public enum ResolutionErrorKind
{
    User,
    Group,
    PermissionSet,
    Account,
    AmbiguousAccount,
}

/// <summary>An input that names nothing (or more than one thing); reported before anything is sent.</summary>
public sealed class ResolutionError
{
    public ResolutionError(ResolutionErrorKind kind, string value, string message)
    {
        Kind = kind;
        Value = value;
        Message = message;
    }

    public ResolutionErrorKind Kind { get; }
    public string Value { get; }
    public string Message { get; }

    /// <summary>The stable error id a cmdlet reports it under.</summary>
    public string ErrorId => Kind switch
    {
        ResolutionErrorKind.User => "IdcUserNotFound",
        ResolutionErrorKind.Group => "IdcGroupNotFound",
        ResolutionErrorKind.PermissionSet => "IdcPermissionSetNotFound",
        ResolutionErrorKind.AmbiguousAccount => "IdcAccountNameAmbiguous",
        _ => "IdcAccountNotFound",
    };
}
