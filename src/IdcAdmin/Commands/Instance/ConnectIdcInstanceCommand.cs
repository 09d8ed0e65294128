using System;
using System.Management.Automation;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Infrastructure;

namespace IdcAdmin.Commands.Instance;

/// <summary>Finds the Identity Center instance the credentials administer and keeps the connection for this runspace.</summary>
[Cmdlet(VerbsCommunications.Connect, "IdcInstance")]
[OutputType(typeof(IdcInstance))]
public sealed class ConnectIdcInstanceCommand : IdcCmdlet
{
    /// <summary>A profile of the shared AWS config/credentials files (static keys, SSO, assume-role or process).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>The region Identity Center is enabled in.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>Which instance, when the credentials see more than one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^arn:aws[\w-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$")]
    public string? InstanceArn { get; set; }

    /// <summary>Send every request to this endpoint instead of AWS (a local emulator, a VPC endpoint).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>Client-side request budget shared by the Identity Center APIs (AWS allows about 20/s per account).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public double RequestsPerSecond { get; set; } = RequestRateLimiter.DefaultRequestsPerSecond;

    protected override void EndProcessing()
    {
        AwsConnection connection;
        try
        {
            connection = AwsConnection.Create(new AwsConnectionSettings
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
