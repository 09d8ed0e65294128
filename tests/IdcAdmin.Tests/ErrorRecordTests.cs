using System.Management.Automation;
using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Infrastructure;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// Error records say honestly what went wrong: each kind of failure gets its category and the cmdlet's stable Idc… id
/// (the lock-out guard's refusal always IdcLockoutGuard); no error id in the source is a raw SDK or exception name.
/// (The records themselves, with their target objects, are checked in Pester: this process has only PowerShell's
/// reference assembly.)
/// </summary>
public sealed class ErrorRecordTests
{
    private static AwsServiceException Aws(string code, HttpStatusCode status = HttpStatusCode.BadRequest, string? reason = null) =>
        AwsErrorParser.Create(code, "message", "req-1", status, "sso-admin", "ListInstances", reason);

    public static TheoryData<string, Exception, string, ErrorCategory> Table() => new()
    {
        { "refused port", new AwsConnectionException(AwsConnectionFailure.Refused, "sso-admin", "ListInstances", new Uri("http://127.0.0.1:9"), null, null), "IdcConnectFailed", ErrorCategory.ConnectionError },
        { "silent endpoint", new AwsConnectionException(AwsConnectionFailure.ResponseTimeout, "sso-admin", "ListInstances", new Uri("http://127.0.0.1:9"), TimeSpan.FromSeconds(30), null), "IdcConnectFailed", ErrorCategory.ConnectionError },
        { "unresolvable host", new AwsConnectionException(AwsConnectionFailure.NameNotResolved, "sso-admin", "ListInstances", new Uri("http://nowhere.invalid"), null, null), "IdcConnectFailed", ErrorCategory.ConnectionError },
        { "connection lost during a grant", new AwsConnectionException(AwsConnectionFailure.Dropped, "sso-admin", "CreateAccountAssignment", new Uri("http://127.0.0.1:9"), null, null), "IdcGrantAccountAccessFailed", ErrorCategory.ConnectionError },
        { "access denied", Aws("AccessDeniedException"), "IdcListUsersFailed", ErrorCategory.PermissionDenied },
        { "expired credentials", Aws("ExpiredTokenException"), "IdcListUsersFailed", ErrorCategory.PermissionDenied },
        { "bad signature", Aws("InvalidSignatureException", HttpStatusCode.Forbidden), "IdcListUsersFailed", ErrorCategory.PermissionDenied },
        { "throttling exhausted", Aws("ThrottlingException"), "IdcGrantAccountAccessFailed", ErrorCategory.LimitsExceeded },
        { "not found", Aws("ResourceNotFoundException"), "IdcPermissionSetReadFailed", ErrorCategory.ObjectNotFound },
        { "name in use", Aws("ConflictException", reason: "UNIQUENESS_CONSTRAINT_VIOLATION"), "IdcNewGroupFailed", ErrorCategory.ResourceExists },
        { "change still settling", Aws("ConflictException"), "IdcPermissionSetUpdateFailed", ErrorCategory.ResourceBusy },
        { "rejected input", Aws("ValidationException"), "IdcPermissionSetCreateFailed", ErrorCategory.InvalidArgument },
        { "quota", Aws("ServiceQuotaExceededException"), "IdcPermissionSetCreateFailed", ErrorCategory.QuotaExceeded },
        { "service failing", Aws("InternalServerException", HttpStatusCode.InternalServerError), "IdcListUsersFailed", ErrorCategory.ResourceUnavailable },
        { "emulator lacks the operation", new AwsUnexpectedResponseException(HttpStatusCode.InternalServerError, "text/html", null, "sso-admin", "TagResource"), "IdcPermissionSetUpdateFailed", ErrorCategory.InvalidResult },
        { "bad region or profile", new AwsConfigurationException("'us east 1' is not an AWS region name"), "IdcConnectConfiguration", ErrorCategory.InvalidArgument },
        { "SDK client error", new AmazonClientException("bad region"), "IdcConnectConfiguration", ErrorCategory.InvalidArgument },
        { "timeout", new TimeoutException("slow"), "IdcAssignmentTimeout", ErrorCategory.OperationTimeout },
        { "security", new System.Security.SecurityException("no"), "IdcConnectFailed", ErrorCategory.SecurityError },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_failure_gets_its_category_and_the_cmdlets_id(string what, Exception failure, string errorId, ErrorCategory category)
    {
        Assert.True(ErrorRecords.CategoryOf(failure) == category, $"{what}: {ErrorRecords.CategoryOf(failure)}");
        Assert.Equal(errorId, ErrorRecords.IdOf(failure, errorId));
    }

    [Fact]
    public void The_lock_out_guard_refusal_is_IdcLockoutGuard_PermissionDenied_whatever_the_cmdlet()
    {
        var refusal = new AdministratorLockoutException("delete user alice", "123456789012", new[] { "u-1" });

        Assert.Equal("IdcLockoutGuard", ErrorRecords.IdOf(refusal, "IdcRemoveUserFailed"));
        Assert.Equal(ErrorCategory.PermissionDenied, ErrorRecords.CategoryOf(refusal));
    }

    [Fact]
    public void Every_error_id_the_cmdlets_write_is_a_stable_Idc_id()
    {
        var offenders = new List<string>();
        var ids = new SortedSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            // The id argument of WriteItemError/ThrowTerminating/new ErrorRecord and every ErrorId-style constant.
            foreach (Match m in Regex.Matches(text, @"(?:WriteItemError|ThrowTerminating|new ErrorRecord)\((?:[^;""]|""[^""]*"")*?,\s*""([^""]*)""") )
                ids.Add(m.Groups[1].Value);
            foreach (Match m in Regex.Matches(text, @"ErrorId\s*=\s*""([^""]*)"""))
                ids.Add(m.Groups[1].Value);
            foreach (Match m in Regex.Matches(text, @"\(""(Idc[A-Za-z]*)"",\s*""(?:user|group|User|Group)"""))
                ids.Add(m.Groups[1].Value);
        }
        foreach (var id in ids)
            if (!Regex.IsMatch(id, "^Idc[A-Z][A-Za-z]+$")) offenders.Add(id);

        Assert.True(ids.Count >= 40, $"only {ids.Count} ids found: {string.Join(", ", ids)}");
        Assert.Contains("IdcLockoutGuard", ids);
        Assert.True(offenders.Count == 0, "Error ids that are not Idc…: " + string.Join(", ", offenders));
    }
}
