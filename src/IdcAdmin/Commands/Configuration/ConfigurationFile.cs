using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>Loads a configuration by its extension: .psd1 through PowerShell's data-file reader, .json through the engine's.</summary>
internal static class ConfigurationFile
{
    public static IdcConfiguration Load(string file, string partition)
    {
        if (!File.Exists(file)) throw new ItemNotFoundException($"The configuration file '{file}' does not exist.");
        if (IsJson(file)) return ConfigurationParser.ParseJsonFile(file, partition);
        if (!string.Equals(Path.GetExtension(file), ".psd1", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{file}' is neither a .psd1 nor a .json file.");
        var problems = new List<ConfigurationProblem>();
        var root = PowerShellDataFileReader.Read(file, problems);
        return ConfigurationParser.Parse(root, file, problems, partition);
    }

    public static bool IsJson(string file) => string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase);

}
