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

    public static readonly AmbientCallLog Instance = new();

    /// <summary>Set before starting work; flows into every task the work starts.</summary>
    public static Action<string>? Sink
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    public void Debug(string message) => Current.Value?.Invoke(message);
}
