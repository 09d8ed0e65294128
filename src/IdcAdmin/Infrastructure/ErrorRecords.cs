using System;
using System.Management.Automation;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Lockout;

namespace IdcAdmin.Infrastructure;

/// <summary>Builds error records with stable ids, a real category and the failed input as target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception e, string errorId, object? target, ErrorCategory? category = null)
    {
        var record = new ErrorRecord(e, IdOf(e, errorId), category ?? CategoryOf(e), target);
        if (e is AwsServiceException aws && aws.RequestId != null)
            record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = $"AWS request id: {aws.RequestId}" };
        return record;
    }

    /// <summary>The cmdlet's id, except that the lock-out guard's refusal and an unanswerable prompt have one id on every path.</summary>
    public static string IdOf(Exception e, string errorId) => e switch
    {
        Core.Lockout.AdministratorLockoutException => Core.Lockout.AdministratorLockoutException.ErrorId,
        ConfirmationUnavailableException => ConfirmationUnavailableException.ErrorId,
        _ => errorId,
    };

    public static ErrorCategory CategoryOf(Exception e) => e switch
    {
        Core.Lockout.AdministratorLockoutException => ErrorCategory.PermissionDenied,
        ConfirmationUnavailableException => ErrorCategory.InvalidOperation,
        AwsNotFoundException => ErrorCategory.ObjectNotFound,
        AwsConflictException c when c.IsUniquenessViolation => ErrorCategory.ResourceExists,
        AwsConflictException => ErrorCategory.ResourceBusy,
        AwsThrottlingException => ErrorCategory.LimitsExceeded,
        AwsAccessDeniedException => ErrorCategory.PermissionDenied,
        AwsValidationException => ErrorCategory.InvalidArgument,
        AwsQuotaExceededException => ErrorCategory.QuotaExceeded,
        AwsConfigurationException => ErrorCategory.InvalidArgument,
        AwsConnectionException => ErrorCategory.ConnectionError,
        var sdk when SdkClientErrors.IsClientError(sdk) => ErrorCategory.InvalidArgument,
        AwsUnexpectedResponseException => ErrorCategory.InvalidResult,
        AwsServiceException s when (int)s.StatusCode >= 500 => ErrorCategory.ResourceUnavailable,
        AwsServiceException => ErrorCategory.InvalidResult,
        ArgumentException => ErrorCategory.InvalidArgument,
        TimeoutException => ErrorCategory.OperationTimeout,
        System.Security.SecurityException or UnauthorizedAccessException => ErrorCategory.SecurityError,
        OperationCanceledException => ErrorCategory.OperationStopped,
        System.Net.Http.HttpRequestException => ErrorCategory.ConnectionError,
        _ => ErrorCategory.NotSpecified,
    };
}
