using System;
using System.Management.Automation;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Infrastructure;

/// <summary>Builds error records with stable ids, a real category and the failed input as target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception e, string errorId, object? target, ErrorCategory? category = null)
    {
        // The lock-out guard's refusal has one id on every path, whatever the cmdlet's fallback id.
        if (e is Core.Access.AdministratorLockoutException) errorId = Core.Access.AdministratorLockoutException.ErrorId;
        var record = new ErrorRecord(e, errorId, category ?? CategoryOf(e), target);
        if (e is AwsServiceException aws && aws.RequestId != null)
            record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = $"AWS request id: {aws.RequestId}" };
        return record;
    }

    public static ErrorCategory CategoryOf(Exception e) => e switch
    {
        Core.Access.AdministratorLockoutException => ErrorCategory.PermissionDenied,
        AwsNotFoundException => ErrorCategory.ObjectNotFound,
        AwsConflictException c when c.IsUniquenessViolation => ErrorCategory.ResourceExists,
        AwsConflictException => ErrorCategory.ResourceBusy,
        AwsThrottlingException => ErrorCategory.LimitsExceeded,
        AwsAccessDeniedException => ErrorCategory.PermissionDenied,
        AwsValidationException => ErrorCategory.InvalidArgument,
        AwsQuotaExceededException => ErrorCategory.QuotaExceeded,
        AwsConfigurationException => ErrorCategory.InvalidArgument,
        AwsConnectionException => ErrorCategory.ConnectionError,
        Amazon.Runtime.AmazonClientException => ErrorCategory.InvalidArgument,
        AwsServiceException => ErrorCategory.InvalidResult,
        ArgumentException => ErrorCategory.InvalidArgument,
        TimeoutException => ErrorCategory.OperationTimeout,
        System.Security.SecurityException or UnauthorizedAccessException => ErrorCategory.SecurityError,
        OperationCanceledException => ErrorCategory.OperationStopped,
        System.Net.Http.HttpRequestException => ErrorCategory.ConnectionError,
        _ => ErrorCategory.NotSpecified,
    };
}
