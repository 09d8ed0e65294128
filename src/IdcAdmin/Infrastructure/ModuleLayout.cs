using System;
using System.IO;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Where the module's files sit: the cmdlet assembly in the module folder, the engine and every library it uses in
/// <c>dependencies/</c>, a folder neither PowerShell 7's default load context nor Windows PowerShell probes, so
/// another module's AWSSDK.Core (AWS.Tools) and ours never meet.
/// </summary>
internal static class ModuleLayout
{
    public const string DependenciesFolderName = "dependencies";

    /// <summary>The engine: the only assembly of dependencies/ the cmdlet assembly names.</summary>
    public const string EngineAssemblyName = "IdcAdmin.Core";

    public static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location)!;

    public static string DependenciesDirectory { get; } = Path.Combine(ModuleDirectory, DependenciesFolderName);

    /// <summary>The file of dependencies/ named after an assembly, or null (satellite resources are never shipped there).</summary>
    public static string? DependencyFile(string dependenciesDirectory, string? simpleName)
    {
        if (string.IsNullOrEmpty(simpleName) || simpleName!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase)) return null;
        var file = Path.Combine(dependenciesDirectory, simpleName + ".dll");
        return File.Exists(file) ? file : null;
    }
}
