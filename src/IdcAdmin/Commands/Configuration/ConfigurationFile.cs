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
        if (Directory.Exists(file)) throw new ArgumentException($"'{file}' is a directory; give the configuration file (.psd1 or .json) in it.");
        if (!File.Exists(file)) throw new ItemNotFoundException($"The configuration file '{file}' does not exist.");
        if (IsJson(file)) return ConfigurationParser.ParseJsonFile(file, partition);
        if (!IsKnownFormat(file)) throw new ArgumentException(NotAFormat(file));
        var problems = new List<ConfigurationProblem>();
        var root = PowerShellDataFileReader.Read(file, problems);
        return ConfigurationParser.Parse(root, file, problems, partition);
    }

    /// <summary>
    /// Loads the file, or stops <paramref name="cmdlet"/> with IdcConfigurationInvalid (the problems, each with file,
    /// line and key path, as target) or IdcConfigurationUnreadable.
    /// </summary>
    public static IdcConfiguration LoadOrStop(Cmdlet cmdlet, string file, string partition)
    {
        try
        {
            return Load(file, partition);
        }
        catch (ConfigurationException e)
        {
            cmdlet.ThrowTerminatingError(Invalid(e));
            throw;
        }
        catch (Exception e) when (e is ItemNotFoundException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, "IdcConfigurationUnreadable", e is ItemNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, file));
            throw;
        }
    }

    /// <summary>The record of a configuration that cannot be applied, nothing written.</summary>
    public static ErrorRecord Invalid(ConfigurationException e) => new(e, "IdcConfigurationInvalid", ErrorCategory.InvalidData, e.Problems);

    public static bool IsJson(string file) => string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the two formats Compare- and Sync-IdcConfiguration read: .psd1 and .json.</summary>
    public static bool IsKnownFormat(string file) =>
        IsJson(file) || string.Equals(Path.GetExtension(file), ".psd1", StringComparison.OrdinalIgnoreCase);

    public static string NotAFormat(string file) => $"'{file}' is neither a .psd1 nor a .json file.";

}
