using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Configuration;

/// <summary>One thing wrong with a configuration file, where it is: file, line and key path (Groups[1].Members[0]).</summary>
public sealed class ConfigurationProblem
{
    public ConfigurationProblem(string file, int line, string keyPath, string message)
    {
        File = file;
        Line = line;
        KeyPath = keyPath;
        Message = message;
    }

    public string File { get; }
    public int Line { get; }
    public string KeyPath { get; }
    public string Message { get; }

    public override string ToString() => $"{File}:{Line}: {(KeyPath.Length > 0 ? KeyPath + ": " : "")}{Message}";
}

/// <summary>A configuration that cannot be applied; raised before any write, with every problem found.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base($"The configuration has {problems.Count} problem(s); nothing was changed.{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public IReadOnlyList<ConfigurationProblem> Problems { get; }
}
