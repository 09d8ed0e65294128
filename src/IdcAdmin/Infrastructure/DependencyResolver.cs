using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) binds strong-named dependencies by exact version and has no per-module load
/// context, so a dependency built against System.Memory 4.0.1.1 fails next to the 4.0.1.2 we ship. This answers such
/// requests by simple name: an assembly already loaded wins (one copy of each type), else the module folder's file.
/// </summary>
internal static class DependencyResolver
{
    /// <summary>Only .NET Framework needs help; .NET (PowerShell 7) resolves the module's dependencies itself.</summary>
    public static bool IsNeeded(string frameworkDescription) =>
        frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to load for a failed request: a loaded assembly's name, or a file of the module folder, or null.</summary>
    public static (AssemblyName? Loaded, string? File) Resolve(string requested, IEnumerable<AssemblyName> loaded, string moduleDirectory)
    {
        AssemblyName name;
        try { name = new AssemblyName(requested); }
        catch (Exception e) when (e is ArgumentException or FileLoadException) { return (null, null); }
        if (string.IsNullOrEmpty(name.Name) || name.Name!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase)) return (null, null);

        var file = Path.Combine(moduleDirectory, name.Name + ".dll");
        if (!File.Exists(file)) return (null, null);
        var already = loaded
            .Where(a => string.Equals(a.Name, name.Name, StringComparison.OrdinalIgnoreCase))
            .Where(a => name.Version == null || (a.Version != null && a.Version >= name.Version))
            .OrderByDescending(a => a.Version)
            .FirstOrDefault();
        return already != null ? (already, null) : (null, file);
    }
}
