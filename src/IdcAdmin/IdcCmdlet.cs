using System;
using System.Management.Automation;
using IdcAdmin.Core.Session;
using IdcAdmin.Infrastructure;

namespace IdcAdmin;

/// <summary>
/// Base of every IdcAdmin cmdlet that works in a session: the one given with -Session, else the runspace's default
/// (from Connect-IdcInstance). Resolved here once for all cmdlets.
/// </summary>
public abstract class IdcCmdlet : IdcCmdletBase
{
    private IdcSession? _sessionOfRun;

    /// <summary>
    /// The session to work in (from Connect-IdcInstance -PassThru) instead of this runspace's default: for thread jobs,
    /// ForEach-Object -Parallel, runspaces of your own, or more than one instance at a time.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public IdcSession? Session { get; set; }

    /// <summary>The session this cmdlet works in; stops the cmdlet with the error id IdcNotConnected when there is none.</summary>
    protected IdcSession CurrentSession
    {
        get
        {
            // The runspace (so its default) is known only on the pipeline thread; engine work started by Run or
            // Stream runs on other threads and gets the session its cmdlet saw when it started the work.
            var session = Session ?? _sessionOfRun ?? DefaultSession();
            if (session is { IsEnded: false }) return session;
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(session != null
                    ? "This session was ended by Disconnect-IdcInstance. Run Connect-IdcInstance -PassThru for a new one."
                    : "Not connected to IAM Identity Center. Run Connect-IdcInstance first (for example: Connect-IdcInstance -ProfileName management -Region eu-west-1), " +
                      "or pass -Session (from Connect-IdcInstance -PassThru) in a thread job or a ForEach-Object -Parallel script block."),
                "IdcNotConnected", ErrorCategory.ConnectionError, null));
            return null!;
        }
    }

    /// <summary>The runspace's default session; null off the pipeline thread, where no runspace is current.</summary>
    private IdcSession? DefaultSession() =>
        System.Management.Automation.Runspaces.Runspace.DefaultRunspace == null ? null : SessionStore.Current(SessionState);

    protected override void RememberSession()
    {
        if ((Session ?? DefaultSession()) is { } session) _sessionOfRun = session;
    }
}
