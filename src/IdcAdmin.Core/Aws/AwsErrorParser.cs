using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace IdcAdmin.Core.Aws;

/// <summary>Turns an AWS JSON 1.1 error response into the typed exception for its code.</summary>
public static class AwsErrorParser
{
    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal)
    {
        "ResourceNotFoundException", "AccountNotFoundException", "OrganizationalUnitNotFoundException",
        "ParentNotFoundException", "ChildNotFoundException", "RootNotFoundException",
        "AWSOrganizationsNotInUseException", "TargetNotFoundException", "UnknownOperationException",
    };
    private static readonly HashSet<string> Conflict = new(StringComparer.Ordinal)
    {
        "ConflictException", "ConcurrentModificationException", "DuplicateOrganizationalUnitException",
        "DuplicateAccountException",
    };
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "TooManyRequestsException", "Throttling", "ThrottledException",
        "RequestLimitExceeded", "ProvisionedThroughputExceededException", "SlowDown",
    };
    private static readonly HashSet<string> AccessDenied = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDeniedForDependencyException", "UnrecognizedClientException",
        "InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken", "ExpiredTokenException",
        "InvalidClientTokenId", "SignatureDoesNotMatch",
    };
    private static readonly HashSet<string> Validation = new(StringComparer.Ordinal)
    {
        "ValidationException", "InvalidInputException", "ConstraintViolationException", "SerializationException",
        "InvalidParameterException",
    };
    private static readonly HashSet<string> Quota = new(StringComparer.Ordinal)
    {
        "ServiceQuotaExceededException", "LimitExceededException",
    };

    public static AwsServiceException Parse(HttpStatusCode status, HttpResponseMessage? response, string body, string service, string operation)
    {
        string? code = Header(response, "x-amzn-ErrorType");
        string? message = null, reason = null;
        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
        var isJson = body.TrimStart().StartsWith("{", StringComparison.Ordinal);
        if (isJson)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                code ??= String(root, "__type") ?? String(root, "code");
                message = String(root, "message") ?? String(root, "Message");
                reason = String(root, "Reason");
                requestId ??= String(root, "RequestId");
            }
            catch (JsonException) { isJson = false; }
        }
        code = Normalize(code);
        if (code == null && !isJson && body.Trim().Length > 0)
            return new AwsUnexpectedResponseException(status, response?.Content?.Headers.ContentType?.MediaType, requestId, service, operation);
        code ??= (int)status >= 500 ? "InternalServerException" : $"Http{(int)status}";
        message ??= $"HTTP {(int)status} {status}";
        return Create(code, message, requestId, status, service, operation, reason);
    }

    public static AwsServiceException Create(string code, string message, string? requestId, HttpStatusCode status, string service, string operation, string? reason = null)
    {
        if (NotFound.Contains(code)) return new AwsNotFoundException(code, message, requestId, status, service, operation, reason);
        if (Conflict.Contains(code)) return new AwsConflictException(code, message, requestId, status, service, operation, reason);
        if (Throttling.Contains(code)) return new AwsThrottlingException(code, message, requestId, status, service, operation, reason);
        if (AccessDenied.Contains(code)) return new AwsAccessDeniedException(code, message, requestId, status, service, operation, reason);
        if (Validation.Contains(code)) return new AwsValidationException(code, message, requestId, status, service, operation, reason);
        if (Quota.Contains(code)) return new AwsQuotaExceededException(code, message, requestId, status, service, operation, reason);
        return new AwsServiceException(code, message, requestId, status, service, operation, reason);
    }

    /// <summary>"aws.protocoltests#NotFound:http://..." → "NotFound".</summary>
    internal static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code!;
        var colon = c.IndexOf(':');
        if (colon >= 0) c = c.Substring(0, colon);
        var hash = c.LastIndexOf('#');
        if (hash >= 0) c = c.Substring(hash + 1);
        return c.Trim();
    }

    private static string? Header(HttpResponseMessage? response, string name) =>
        response != null && response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
