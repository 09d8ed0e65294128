namespace IdcAdmin.Core.Reporting;

/// <summary>
/// How the engine reports while it works. The cmdlet implements it and forwards to Write-Verbose/Warning/Progress
/// on the pipeline thread; the engine never sees PowerShell.
/// </summary>
public interface IOutputWriter
{
    void WriteVerbose(string message);
    void WriteWarning(string message);
    void WriteDebug(string message);
    void WriteProgress(ProgressReport progress);
}

/// <summary>One progress update of a batch.</summary>
public sealed class ProgressReport
{
    public ProgressReport(int activityId, string activity, string status, int percentComplete, bool completed = false)
    {
        ActivityId = activityId;
        Activity = activity;
        Status = status;
        PercentComplete = percentComplete;
        Completed = completed;
    }

    public int ActivityId { get; }
    public string Activity { get; }
    public string Status { get; }
    public int PercentComplete { get; }
    public bool Completed { get; }
}

/// <summary>Discards everything; for callers that do not care.</summary>
public sealed class NullOutputWriter : IOutputWriter
{
    public static readonly NullOutputWriter Instance = new();
    public void WriteVerbose(string message) { }
    public void WriteWarning(string message) { }
    public void WriteDebug(string message) { }
    public void WriteProgress(ProgressReport progress) { }
}
