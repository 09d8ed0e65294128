using System;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Configuration;

public enum ConfigurationNodeKind
{
    Map,
    List,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// One value of a configuration file, with the line it came from: the neutral tree that both readers (PowerShell
/// data file, JSON) produce, so the checks and their messages are written once.
/// </summary>
public sealed class ConfigurationNode
{
    private ConfigurationNode(ConfigurationNodeKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public ConfigurationNodeKind Kind { get; }
    /// <summary>1-based line in the file.</summary>
    public int Line { get; }
    /// <summary>String, double or bool for scalars.</summary>
    public object? Value { get; private set; }
    /// <summary>Keys in file order, each with its value (maps only).</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigurationNode>> Entries { get; private set; } = Array.Empty<KeyValuePair<string, ConfigurationNode>>();
    public IReadOnlyList<ConfigurationNode> Items { get; private set; } = Array.Empty<ConfigurationNode>();
    /// <summary>A note an export adds for people (an account id's name); written to .psd1 files only.</summary>
    public string? Comment { get; private set; }

    public static ConfigurationNode Text(string value, string? comment = null) => new(ConfigurationNodeKind.String, 0) { Value = value, Comment = comment };

    public static ConfigurationNode Map(int line, IEnumerable<KeyValuePair<string, ConfigurationNode>> entries) =>
        new(ConfigurationNodeKind.Map, line) { Entries = entries.ToList() };

    public static ConfigurationNode List(int line, IEnumerable<ConfigurationNode> items) =>
        new(ConfigurationNodeKind.List, line) { Items = items.ToList() };

    public static ConfigurationNode Scalar(int line, object? value) => value switch
    {
        null => new ConfigurationNode(ConfigurationNodeKind.Null, line),
        string s => new ConfigurationNode(ConfigurationNodeKind.String, line) { Value = s },
        bool b => new ConfigurationNode(ConfigurationNodeKind.Boolean, line) { Value = b },
        _ => new ConfigurationNode(ConfigurationNodeKind.Number, line) { Value = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>A name for the kind in messages ("a list", "text").</summary>
    public string Describe() => Kind switch
    {
        ConfigurationNodeKind.Map => "a table (@{ } / { })",
        ConfigurationNodeKind.List => "a list",
        ConfigurationNodeKind.String => "text",
        ConfigurationNodeKind.Number => "a number",
        ConfigurationNodeKind.Boolean => "$true/$false",
        _ => "$null",
    };
}
