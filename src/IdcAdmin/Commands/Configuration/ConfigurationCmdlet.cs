using System;
using System.Management.Automation;
using IdcAdmin.Commands.PermissionSet;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>What Compare and Sync share: reading and checking the file, then comparing it with the live instance.</summary>
public abstract class ConfigurationCmdlet : IdcCmdlet
{
    /// <summary>The configuration file: a .psd1 data file or a .json file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The checked file and its drift; a terminating IdcConfigurationInvalid error (nothing written) when the file has problems.</summary>
    protected ConfigurationPlan Plan()
    {
        var session = CurrentSession;
        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var configuration = ConfigurationFile.LoadOrStop(this, file, PermissionSetCmdlet.PartitionOf(session.InstanceArn));
        foreach (var warning in configuration.Warnings) WriteWarning(warning);
        ConfigurationPlan plan;
        try
        {
            plan = Run(ct => new ConfigurationPlanner(session, Output).PlanAsync(configuration, ct));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            ThrowTerminating(e, "IdcConfigurationReadFailed", file);
            throw;
        }
        if (plan.HasProblems)
        {
            ThrowTerminatingError(ConfigurationFile.Invalid(new ConfigurationException(plan.Problems)));
        }
        return plan;
    }
}
