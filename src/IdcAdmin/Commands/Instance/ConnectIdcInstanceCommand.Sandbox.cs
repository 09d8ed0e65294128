using System;
using System.Collections;
using System.Management.Automation;
using IdcAdmin.Commands.Configuration;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Sandbox;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.Instance;

/// <summary>The -Sandbox parameters of Connect-IdcInstance: an in-process Identity Center instead of AWS.</summary>
public sealed partial class ConnectIdcInstanceCommand
{
    /// <summary>
    /// Connect to a new in-process IAM Identity Center sandbox instead of AWS: no account, credentials or network.
    /// It emulates identitystore, sso-admin and organizations with AWS's documented behaviour (validation, uniqueness,
    /// asynchronous assignments and provisioning, boundaries, tags, paging). Disconnect-IdcInstance discards it.
    /// </summary>
    [Parameter]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>Makes the sandbox's ids and account numbers the same on every run.</summary>
    [Parameter]
    public int? SandboxSeed { get; set; }

    /// <summary>
    /// The sandbox's organization: a hashtable of OUs, each holding account names or nested OUs; the key Accounts
    /// lists accounts at that level and ManagementAccount names the management account, e.g.
    /// @{ Workloads = @{ Prod = 'prod1','prod2'; Dev = 'dev' }; Accounts = 'shared' }.
    /// Default: a management account, Workloads/Prod (prod), Workloads/Staging (staging) and Security (audit, log-archive).
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? SandboxOrganization { get; set; }

    /// <summary>How long the sandbox keeps assignments and provisioning IN_PROGRESS (default 1 second).</summary>
    [Parameter]
    public TimeSpan? SandboxOperationDelay { get; set; }

    /// <summary>Requests per second above which the sandbox answers ThrottlingException, as AWS does when its limit is passed.</summary>
    [Parameter]
    [ValidateRange(0.1, 10000)]
    public double? SandboxThrottleRate { get; set; }

    /// <summary>The most items one page of a sandbox listing holds (default 100); small values exercise paging.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int? SandboxPageSize { get; set; }

    /// <summary>
    /// A configuration file in the Sync-IdcConfiguration format (.psd1 or .json) whose users, groups, memberships,
    /// permission sets and assignments the new sandbox starts with. It is checked before the sandbox starts, and its
    /// account and OU targets must exist in the sandbox's organization (the default one, or -SandboxOrganization).
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SandboxConfigurationPath { get; set; }

    private IdcConfiguration? _sandboxConfiguration;

    private AwsConnectionSettings? SandboxSettings()
    {
        if (!Sandbox.IsPresent)
        {
            if (SandboxSeed != null || SandboxOrganization != null || SandboxConfigurationPath != null || SandboxOperationDelay != null || SandboxThrottleRate != null || SandboxPageSize != null)
                throw new ArgumentException("The -Sandbox* options need -Sandbox.");
            return null;
        }
        if (ProfileName != null || EndpointUrl != null || InstanceArn != null)
            throw new ArgumentException("-Sandbox cannot be combined with -ProfileName, -EndpointUrl or -InstanceArn: the sandbox needs no AWS account.");
        if (SandboxConfigurationPath != null)
        {
            // Checked before the sandbox exists; the sandbox's ARNs are in the aws partition.
            _sandboxConfiguration = ConfigurationFile.LoadOrStop(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(SandboxConfigurationPath), "aws");
            foreach (var warning in _sandboxConfiguration.Warnings) WriteWarning(warning);
        }
        var options = new SandboxOptions
        {
            Seed = SandboxSeed,
            Organization = SandboxOrganization == null ? null : SandboxOrganizationOutline.FromDictionary(SandboxOrganization),
            ThrottleRequestsPerSecond = SandboxThrottleRate,
            Region = Region ?? "us-east-1",
        };
        if (SandboxOperationDelay is { } delay)
            options.OperationDelay = delay >= TimeSpan.Zero && delay <= TimeSpan.FromHours(1) ? delay
                : throw new ArgumentException("-SandboxOperationDelay must be between 0 and 1 hour.");
        if (SandboxPageSize is { } size) options.MaxPageSize = size;
        var sandbox = new IdcSandbox(options);
        WriteVerbose($"Sandbox started with seed {sandbox.Seed}: {sandbox.State.Accounts.Count} accounts, instance {sandbox.State.InstanceArn}.");
        return sandbox.Settings(RequestsPerSecond, AmbientCallLog.Instance);
    }

    /// <summary>Applies -SandboxConfigurationPath to the new sandbox; on failure the sandbox is dropped and no session is kept.</summary>
    private void SeedSandbox(IdcSession session)
    {
        if (_sandboxConfiguration is not { } configuration) return;
        try
        {
            Run(ct => SandboxConfigurationSeed.ApplyAsync(session, configuration, Output, ct));
        }
        catch (ConfigurationException e)
        {
            session.Dispose();
            ThrowTerminatingError(ConfigurationFile.Invalid(e));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            session.Dispose();
            ThrowTerminating(e, "IdcSandboxSeedFailed", SandboxConfigurationPath, ErrorCategory.InvalidResult);
        }
    }
}
