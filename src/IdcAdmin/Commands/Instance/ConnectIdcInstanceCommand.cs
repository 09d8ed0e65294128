using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Instance;

/// <summary>Finds the Identity Center instance the credentials administer and keeps the connection for this runspace.</summary>
/// <remarks>
/// <para>Connect-IdcInstance resolves credentials and region the way the AWS CLI does (environment variables, then the
/// shared config and credentials files, including SSO and assume-role profiles, then container and instance roles),
/// lists the Identity Center instances those credentials can see, and keeps the one it finds for every later IdcAdmin
/// cmdlet in this runspace. It returns the instance: its ARN, identity store id, owner account, region and the
/// default access portal URL users sign in to.</para>
/// <para>When the credentials see more than one instance, choose one with -InstanceArn. When Identity Center is not
/// enabled in the region, the error says how to enable it; the AWS API cannot enable an organization instance.</para>
/// <para>-EndpointUrl sends every request to another endpoint, such as a local emulator (moto_server); the
/// AWS_ENDPOINT_URL environment variable and its per-service forms (AWS_ENDPOINT_URL_SSO_ADMIN,
/// AWS_ENDPOINT_URL_IDENTITYSTORE, AWS_ENDPOINT_URL_ORGANIZATIONS) do the same. Connecting again replaces the
/// runspace's connection.</para>
/// </remarks>
/// <example>
/// <code>Connect-IdcInstance -ProfileName management -Region eu-west-1</code>
/// <para>Connects with the credentials of the 'management' profile to the instance enabled in eu-west-1.</para>
/// </example>
/// <example>
/// <code>Connect-IdcInstance -ProfileName management -Login</code>
/// <para>Signs in to the SSO profile 'management' first when it has no valid token (shows a URL and a code to confirm in a browser).</para>
/// </example>
/// <example>
/// <code>
/// $session = Connect-IdcInstance -ProfileName management -PassThru
/// Get-Content names.txt | ForEach-Object -Parallel { Get-IdcUser -UserName $_ -Session $using:session }
/// </code>
/// <para>Keeps the session to pass it with -Session where the runspace's connection is not available.</para>
/// </example>
/// <example>
/// <code>Connect-IdcInstance -Region us-east-1 -InstanceArn arn:aws:sso:::instance/ssoins-1111222233334444</code>
/// <para>Chooses one instance when the credentials can see more than one.</para>
/// </example>
/// <example>
/// <code>
/// moto_server -H 127.0.0.1 -p 5000
/// Connect-IdcInstance -Region us-east-1 -EndpointUrl http://127.0.0.1:5000
/// </code>
/// <para>Connects to a local AWS emulator instead of AWS, for trying runbooks without an AWS account.</para>
/// </example>
/// <example>
/// <code>Connect-IdcInstance -Sandbox -SandboxSeed 42</code>
/// <para>Starts an in-process Identity Center sandbox (a small organization, no AWS account, no credentials) for demos and runbook tests.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "IdcInstance")]
[OutputType(typeof(IdcInstance))]
[OutputType(typeof(IdcSession))]
public sealed partial class ConnectIdcInstanceCommand : IdcCmdletBase, IConnectionParameters
{
    /// <summary>A profile of the shared AWS config/credentials files (static keys, SSO, assume-role or process).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>The region Identity Center is enabled in. Without it, the profile's or AWS_REGION's region is used.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>Which instance to connect to, when the credentials see more than one (arn:aws:sso:::instance/ssoins-…).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^arn:aws[\w-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$")]
    public string? InstanceArn { get; set; }

    /// <summary>Send every request to this endpoint instead of AWS (a local emulator, a VPC endpoint).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>Client-side request budget per second shared by the Identity Center APIs. AWS allows about 20 per second per account, the default.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public double RequestsPerSecond { get; set; } = AwsConnectionSettings.DefaultRequestsPerSecond;

    /// <summary>A credentials file to read -ProfileName from instead of the default one (as AWS.Tools' -ProfileLocation).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileLocation { get; set; }

    /// <summary>AWS credentials as an object, such as AWS.Tools' Get-AWSCredential returns; used instead of any profile.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Credential { get; set; }

    /// <summary>An access key id, with -SecretKey (and -SessionToken for temporary keys); used instead of any profile.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key of -AccessKey: a string or a SecureString.</summary>
    [Parameter]
    [SecretTransformation]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary keys given with -AccessKey and -SecretKey: a string or a SecureString.</summary>
    [Parameter]
    [SecretTransformation]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    /// <summary>
    /// Signs in to IAM Identity Center first when the SSO profile has no valid token: shows a URL and a code to confirm
    /// in a browser, waits for it, and caches the token where the AWS CLI does (~/.aws/sso/cache).
    /// </summary>
    [Parameter]
    public SwitchParameter Login { get; set; }

    /// <summary>
    /// Returns the session too, for -Session of later cmdlets (thread jobs, ForEach-Object -Parallel, several instances
    /// at once). It stays usable after the runspace's default changes, until Disconnect-IdcInstance -Session.
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Seconds allowed to open a connection to an AWS endpoint, name resolution included (default 5).</summary>
    [Parameter]
    [ValidateRange(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds allowed for each response (default 30). An endpoint that never answers fails after one such wait.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int ResponseTimeoutSeconds { get; set; } = 30;

    protected override void EndProcessing()
    {
        var connection = OpenConnection(() => SandboxSettings() ?? AwsSettings(), ProfileName ?? Region);
        var session = ConnectStep(connection, ct => IdcConnector.ConnectAsync(connection, InstanceArn, ct), ConnectFailure)!;
        SeedSandbox(session);   // before the session becomes current: a failed seed leaves the earlier one in place
        // The new session is current for the rest of this pipeline, and for good only once the output went through.
        var handover = SessionStore.Begin(session, SessionState, handedOut: PassThru);
        try
        {
            WriteVerbose($"Connected to {session.InstanceArn} (identity store {session.IdentityStoreId}) in {session.Instance.Region}; " +
                $"connect timeout {ConnectTimeoutSeconds} s, response timeout {ResponseTimeoutSeconds} s.");
            WriteObject(PassThru ? session : session.Instance);
            handover.Commit();
        }
        catch
        {
            handover.Rollback();
            throw;
        }
        base.EndProcessing();
    }

    private AwsConnectionSettings AwsSettings()
    {
        var settings = this.ToSettings();
        settings.SsoLogin = Login ? (url, code) => Output.WriteWarning($"To sign in to IAM Identity Center, open {url} in a browser and confirm the code {code}. Waiting for the sign-in...") : null;
        settings.RequestsPerSecond = RequestsPerSecond;
        settings.Retry = new AwsRetryOptions { ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds), AttemptTimeout = TimeSpan.FromSeconds(ResponseTimeoutSeconds) };
        return settings;
    }

    /// <summary>The error id (IdcConnectAccessDenied, IdcConnectCredentials …), target and category of a failure to connect.</summary>
    private (string, object?, ErrorCategory?)? ConnectFailure(Exception e) => e is IdcConnectException c
        ? ("IdcConnect" + c.Error, InstanceArn ?? Region, c.Error switch
        {
            IdcConnectError.AccessDenied => ErrorCategory.PermissionDenied,
            IdcConnectError.Credentials => ErrorCategory.AuthenticationError,
            IdcConnectError.Ambiguous => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.ObjectNotFound,
        })
        : ("IdcConnectFailed", EndpointUrl ?? InstanceArn ?? Region, null);
}
