using System;
using System.Management.Automation;
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
public sealed partial class ConnectIdcInstanceCommand : IdcCmdlet
{
    /// <summary>A profile of the shared AWS config/credentials files (static keys, SSO, assume-role or process).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
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
    public double RequestsPerSecond { get; set; } = RequestRateLimiter.DefaultRequestsPerSecond;

    protected override void EndProcessing()
    {
        AwsConnection connection;
        try
        {
            connection = AwsConnection.Create(SandboxSettings() ?? new AwsConnectionSettings
            {
                ProfileName = ProfileName,
                Region = Region,
                EndpointUrl = EndpointUrl,
                RequestsPerSecond = RequestsPerSecond,
                Log = AmbientCallLog.Instance,
            });
        }
        catch (Exception e) when (e is AwsConfigurationException or ArgumentException)
        {
            ThrowTerminating(e, "IdcConnectConfiguration", ProfileName);
            return;
        }
        try
        {
            var session = Run(ct => IdcConnector.ConnectAsync(connection, InstanceArn, ct));
            SeedSandbox(session);
            SessionStore.Set(session);
            WriteVerbose($"Connected to {session.InstanceArn} (identity store {session.IdentityStoreId}) in {session.Instance.Region}.");
            WriteObject(session.Instance);
        }
        catch (IdcConnectException e)
        {
            connection.Dispose();
            var category = e.Error switch
            {
                IdcConnectError.AccessDenied => ErrorCategory.PermissionDenied,
                IdcConnectError.Ambiguous => ErrorCategory.InvalidArgument,
                _ => ErrorCategory.ObjectNotFound,
            };
            ThrowTerminating(e, "IdcConnect" + e.Error, InstanceArn ?? Region, category);
        }
        catch (Exception e) when (e is not PipelineStoppedException)
        {
            connection.Dispose();
            ThrowTerminating(e, "IdcConnectFailed", InstanceArn ?? Region);
        }
        base.EndProcessing();
    }
}
