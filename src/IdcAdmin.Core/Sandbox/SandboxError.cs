using System;
using System.Net;

namespace IdcAdmin.Core.Sandbox;

/// <summary>An error the sandbox answers with, as AWS would: its code, HTTP status, message and optional reason.</summary>
public sealed class SandboxError : Exception
{
    public SandboxError(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest, string? reason = null) : base(message)
    {
        Code = code;
        Status = status;
        Reason = reason;
    }

    public string Code { get; }
    public HttpStatusCode Status { get; }
    /// <summary>identitystore's ConflictException says why (UNIQUENESS_CONSTRAINT_VIOLATION, CONCURRENT_MODIFICATION).</summary>
    public string? Reason { get; }

    public static SandboxError Validation(string message) => new("ValidationException", message);
    public static SandboxError NotFound(string message) => new("ResourceNotFoundException", message);
    public static SandboxError Conflict(string message, string? reason = null) => new("ConflictException", message, reason: reason);
    public static SandboxError Unique(string message) => Conflict(message, "UNIQUENESS_CONSTRAINT_VIOLATION");
}
