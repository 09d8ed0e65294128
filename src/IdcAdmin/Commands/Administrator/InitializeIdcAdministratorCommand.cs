using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Guide;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;
using IdcAdmin.Commands.Instance;
using IdcAdmin.Commands.PermissionSet;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Administrator;

/// <summary>Sets up first-time administrative access to AWS through IAM Identity Center in one safe, re-runnable command.</summary>
/// <remarks>
/// <para>Does what the AWS guide "Create an administrative user in IAM Identity Center" does by hand: creates (or reuses)
/// the user, an optional administrators group with the user in it, the AdministratorAccess permission set, and assigns it
/// on the organization's management account (or the accounts given), waiting until AWS has finished each assignment.</para>
/// <para>Only what is missing is created: running it again changes nothing. -WhatIf lists every step it would take and
/// writes nothing. The result lists the steps AWS offers no API for (the invitation email, MFA, signing out of the root
/// user), each with where to do it in the console, and the access portal URL to sign in at.</para>
/// <para>When not connected, it connects with -ProfileName/-Region/-EndpointUrl. When Identity Center is not enabled it
/// says what to do; in a standalone account -CreateInstance creates an account instance first.</para>
/// </remarks>
/// <example>
/// <code>Initialize-IdcAdministrator -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe</code>
/// <para>Creates alice and the AdministratorAccess permission set (1 hour sessions) and assigns it to alice on the management account.</para>
/// </example>
/// <example>
/// <code>Initialize-IdcAdministrator -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe -GroupName Admins -AccountId 111111111111, 222222222222 -WhatIf</code>
/// <para>Shows each step it would take to give an Admins group with alice in it administrative access to two accounts, without changing anything.</para>
/// </example>
[Cmdlet(VerbsData.Initialize, "IdcAdministrator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AdministratorSetupResult))]
public sealed class InitializeIdcAdministratorCommand : IdcCmdlet, IConnectionParameters
{
    /// <summary>The administrator's user name (sign-in name), at most 128 characters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    public string UserName { get; set; } = "";

    /// <summary>The administrator's primary email address; AWS sends sign-in mails there.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = "";

    /// <summary>The administrator's first name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string GivenName { get; set; } = "";

    /// <summary>The administrator's last name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string FamilyName { get; set; } = "";

    /// <summary>The display name; defaults to "GivenName FamilyName".</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    /// <summary>An administrators group: the user joins it and the group, not the user, is assigned.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string? GroupName { get; set; }

    /// <summary>The AWS account ids to give administrative access to; by default the organization's management account.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^\d{12}$")]
    [ArgumentCompleter(typeof(AccountIdCompleter))]
    public string[]? AccountId { get; set; }

    /// <summary>The permission set's name; it is created with the AWS managed policy AdministratorAccess when missing.</summary>
    [Parameter]
    [ValidateLength(1, 32)]
    [ValidatePattern(@"^[\w+=,.@-]+$")]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string PermissionSetName { get; set; } = "AdministratorAccess";

    /// <summary>How long a console or CLI session of the permission set lasts, 1 to 12 hours (default 1 hour): a TimeSpan such as 04:00:00 or ISO 8601 such as PT4H.</summary>
    [Parameter]
    [SessionDurationTransformation]
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When Identity Center is not enabled in a standalone account, create an account instance first.</summary>
    [Parameter]
    public SwitchParameter CreateInstance { get; set; }

    /// <summary>The AWS profile to connect with, when not already connected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>The region to connect to, when not already connected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>An endpoint to send every request to (a local emulator), when not already connected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>A credentials file to read -ProfileName from, when not already connected (as AWS.Tools' -ProfileLocation).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileLocation { get; set; }

    /// <summary>AWS credentials as an object (AWS.Tools' Get-AWSCredential), when not already connected.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Credential { get; set; }

    /// <summary>An access key id with -SecretKey (and -SessionToken), when not already connected.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key of -AccessKey: a string or a SecureString.</summary>
    [Parameter]
    [Instance.SecretTransformation]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary keys: a string or a SecureString.</summary>
    [Parameter]
    [Instance.SecretTransformation]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    protected override void ProcessRecord()
    {
        var session = Session ?? SessionStore.Current(SessionState) ?? ConnectOrCreate();
        if (session == null) return;
        try
        {
            var request = Request();
            AdministratorSetupValidator.Validate(request);
            var setup = new AdministratorSetup(session, Output, ShouldProcessFromEngine);
            var result = Run(ct => setup.RunAsync(request, ct));
            WriteFailedAssignments(result);
            WriteObject(result);
        }
        catch (ArgumentException e)
        {
            // Refused by the input checks (here or the engine's own, e.g. the permission set name) before anything was written.
            WriteItemError(e, InputErrorId(e), UserName, ErrorCategory.InvalidArgument);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcAdministratorSetupFailed", UserName);
        }
    }

    private void WriteFailedAssignments(AdministratorSetupResult result)
    {
        foreach (var a in result.Assignments)
            if (a.Status == "FAILED")
                WriteItemError(new InvalidOperationException($"AWS could not assign {a.PermissionSetName} on account {a.AccountId}: {a.FailureReason}"),
                    "IdcAssignmentFailed", a.AccountId, ErrorCategory.InvalidResult);
    }

    private AdministratorSetupRequest Request() => new()
    {
        UserName = UserName,
        Email = Email,
        GivenName = GivenName,
        FamilyName = FamilyName,
        DisplayName = DisplayName,
        GroupName = GroupName,
        AccountIds = AccountId ?? Array.Empty<string>(),
        PermissionSetName = PermissionSetName,
        SessionDuration = SessionDuration,
    };

    /// <summary>The identity rules' own id (IdcUserInvalidEmail …) where there is one.</summary>
    private static string InputErrorId(ArgumentException e) =>
        e is IdentityInputException identity ? identity.ErrorId : "IdcAdministratorInvalidInput";

    private IdcSession? ConnectOrCreate()
    {
        var connection = OpenConnection(() => this.ToSettings(), ProfileName);
        var session = ConnectStep(connection, ct => IdcConnector.ConnectAsync(connection, null, ct), e => e switch
        {
            IdcConnectException { Error: IdcConnectError.NotEnabled } when CreateInstance => null,   // answered below
            IdcConnectException { Error: IdcConnectError.NotEnabled } => ("IdcNotEnabled", Region, ErrorCategory.ObjectNotFound),
            _ => ("IdcConnectFailed", Region, null),
        });
        if (session == null)
        {
            if (!ShouldProcessChange(connection.Region, "Create an account instance of IAM Identity Center"))
            {
                connection.Dispose();
                return null;
            }
            session = ConnectStep(connection, ct => AccountInstanceCreator.CreateAsync(connection, null, ct),
                _ => ("IdcCreateInstanceFailed", Region, null))!;
            WriteVerbose($"Created account instance {session.InstanceArn}.");
        }
        SessionStore.Set(session, SessionState);
        return session;
    }
}
