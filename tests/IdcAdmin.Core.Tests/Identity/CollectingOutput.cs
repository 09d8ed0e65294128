using System.Collections.Concurrent;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Keeps what the engine reports, so tests can assert on warnings.</summary>
public sealed class CollectingOutput : IOutputWriter
{
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<string> Verbose { get; } = new();

    public void WriteVerbose(string message) => Verbose.Enqueue(message);
    public void WriteWarning(string message) => Warnings.Enqueue(message);
    public void WriteDebug(string message) { }
    public void WriteProgress(ProgressReport progress) { }
}
