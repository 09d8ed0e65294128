using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;

namespace IdcAdmin;

/// <summary>The one connect path of the cmdlets that connect: Connect-IdcInstance and Initialize-IdcAdministrator.</summary>
public abstract partial class IdcCmdletBase
{
    /// <summary>Opens the connection the settings describe; a bad configuration stops the cmdlet (IdcConnectConfiguration).</summary>
    private protected AwsConnection OpenConnection(Func<AwsConnectionSettings> settings, object? target)
    {
        try
        {
            return AwsConnection.Create(settings());
        }
        catch (Exception e) when (e is AwsConfigurationException or ArgumentException)
        {
            ThrowTerminating(e, "IdcConnectConfiguration", target);
            throw;   // not reached: ThrowTerminating throws
        }
    }

    /// <summary>
    /// Runs one step that yields the session (finding or creating the instance). When it fails, <paramref name="failure"/>
    /// names the error to stop with, and the connection is closed; null leaves the connection open and returns null, for a
    /// failure the caller answers itself.
    /// </summary>
    private protected IdcSession? ConnectStep(AwsConnection connection, Func<CancellationToken, Task<IdcSession>> step,
        Func<Exception, (string ErrorId, object? Target, ErrorCategory? Category)?> failure)
    {
        try
        {
            return Run(step);
        }
        catch (PipelineStoppedException)
        {
            connection.Dispose();
            throw;
        }
        catch (Exception e)
        {
            if (failure(e) is not { } stop) return null;
            connection.Dispose();
            ThrowTerminating(e, stop.ErrorId, stop.Target, stop.Category);
            throw;   // not reached: ThrowTerminating throws
        }
    }
}
