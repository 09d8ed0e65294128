using System;
using System.Threading;

namespace IdcAdmin.Core.Aws;

/// <summary>
/// A call log that forwards to whoever is running the current async flow: a session outlives each cmdlet,
/// so its transport logs to the cmdlet that set <see cref="Sink"/> around its work.
/// </summary>
public sealed class AmbientCallLog : IAwsCallLog
{
    private static readonly AsyncLocal<Action<string>?> Current = new();
    private static readonly AsyncLocal<Action<string>?> CurrentVerbose = new();

    public static readonly AmbientCallLog Instance = new();

    /// <summary>Set before starting work; flows into every task the work starts.</summary>
    public static Action<string>? Sink
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Where retries are told (the cmdlet's Verbose stream); set like <see cref="Sink"/>.</summary>
    public static Action<string>? VerboseSink
    {
        get => CurrentVerbose.Value;
        set => CurrentVerbose.Value = value;
    }

    public void Debug(string message) => Current.Value?.Invoke(message);

    public void Verbose(string message) => CurrentVerbose.Value?.Invoke(message);
}
