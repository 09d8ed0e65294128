using System.Collections.Concurrent;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>Keeps what the engine reported, for assertions on warnings and progress.</summary>
public sealed class RecordingOutput : IOutputWriter
{
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<ProgressReport> Progress { get; } = new();
    public void WriteVerbose(string message) { }
    public void WriteWarning(string message) => Warnings.Enqueue(message);
    public void WriteDebug(string message) { }
    public void WriteProgress(ProgressReport progress) => Progress.Enqueue(progress);
}
