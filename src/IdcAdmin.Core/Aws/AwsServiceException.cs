using System;
using System.Net;

namespace IdcAdmin.Core.Aws;

/// <summary>An error answered by an AWS service, with its code, message and request id.</summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string errorCode, string message, string? requestId, HttpStatusCode statusCode, string service, string operation, string? reason = null)
        : base(Compose(errorCode, message, requestId, service, operation))
    {
        ErrorCode = errorCode;
        AwsMessage = message;
        RequestId = requestId;
        StatusCode = statusCode;
        Service = service;
        Operation = operation;
        Reason = reason;
    }

    public string ErrorCode { get; }
    /// <summary>The service's own message, unchanged.</summary>
    public string AwsMessage { get; }
    public string? RequestId { get; }
    public HttpStatusCode StatusCode { get; }
    public string Service { get; }
    public string Operation { get; }
    /// <summary>The Reason member some errors carry (identitystore ConflictException, organizations ConstraintViolationException).</summary>
    public string? Reason { get; }

    /// <summary>Whether sending the same request again may succeed.</summary>
    public virtual bool IsRetryable => (int)StatusCode >= 500;

    private static string Compose(string code, string message, string? requestId, string service, string operation) =>
        $"{service} {operation} failed: {code}: {message}" + (requestId != null ? $" (request id {requestId})" : "");
}

/// <summary>The resource named in the request does not exist.</summary>
public sealed class AwsNotFoundException : AwsServiceException
{
    public AwsNotFoundException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    public override bool IsRetryable => false;
}

/// <summary>The request clashes with the current state: an existing name, or a concurrent change still settling.</summary>
public sealed class AwsConflictException : AwsServiceException
{
    public AwsConflictException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    /// <summary>A uniqueness violation will never pass on retry; concurrent modification will.</summary>
    public bool IsUniquenessViolation => string.Equals(Reason, "UNIQUENESS_CONSTRAINT_VIOLATION", StringComparison.Ordinal);
    public override bool IsRetryable => !IsUniquenessViolation;
}

/// <summary>The caller is sending too fast.</summary>
public sealed class AwsThrottlingException : AwsServiceException
{
    public AwsThrottlingException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    public override bool IsRetryable => true;
}

/// <summary>The caller's credentials are missing, invalid or lack the permission.</summary>
public sealed class AwsAccessDeniedException : AwsServiceException
{
    public AwsAccessDeniedException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    public override bool IsRetryable => false;
}

/// <summary>The request was rejected as malformed or out of range.</summary>
public sealed class AwsValidationException : AwsServiceException
{
    public AwsValidationException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    public override bool IsRetryable => false;
}

/// <summary>A service quota would be exceeded.</summary>
public sealed class AwsQuotaExceededException : AwsServiceException
{
    public AwsQuotaExceededException(string c, string m, string? r, HttpStatusCode s, string svc, string op, string? reason = null) : base(c, m, r, s, svc, op, reason) { }
    public override bool IsRetryable => false;
}

/// <summary>
/// The endpoint answered with something that is not an AWS JSON error, such as an HTML error page: a local emulator
/// that lacks the operation, or a proxy in the way. Gateway errors (502, 503, 504) may pass on retry; others will not.
/// </summary>
public sealed class AwsUnexpectedResponseException : AwsServiceException
{
    public AwsUnexpectedResponseException(HttpStatusCode status, string? contentType, string? requestId, string service, string operation)
        : base("UnexpectedResponse",
            $"HTTP {(int)status} {status} with a {contentType ?? "non-JSON"} body instead of an AWS JSON error. The endpoint may not implement " +
            $"{operation} (local emulators lack some operations) or is not the AWS {service} endpoint.",
            requestId, status, service, operation)
    {
        ContentType = contentType;
    }

    /// <summary>The media type of the body that was answered, e.g. text/html.</summary>
    public string? ContentType { get; }

    public override bool IsRetryable => StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
