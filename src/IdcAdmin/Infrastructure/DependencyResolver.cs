using System;
using System.IO;
using System.Reflection;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has one load context for every module. Our engine and its libraries sit in
/// dependencies/, which it does not probe, so their loads fail and come here. We answer only the requests our own
/// assemblies make (the cmdlet assembly, or a file of dependencies/), never another module's: handing AWS.Tools our
/// AWSSDK.Core 4, or our System.Text.Json, would break it.
/// </summary>
internal static class DependencyResolver
{
    /// <summary>Only .NET Framework needs help; .NET (PowerShell 7) loads the engine into its own load context.</summary>
    public static bool IsNeeded(string frameworkDescription) =>
        frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The file of dependencies/ that answers <paramref name="requested"/>, when <paramref name="requesterLocation"/> (the
    /// file of the assembly whose reference failed) is ours and the file's version is at least the one asked for; else null.
    /// </summary>
    public static string? Resolve(string requested, string? requesterLocation, string moduleDirectory, Func<string, Version?> versionOf)
    {
        if (!IsOurs(requesterLocation, moduleDirectory)) return null;
        AssemblyName name;
        try { name = new AssemblyName(requested); }
        catch (Exception e) when (e is ArgumentException or FileLoadException) { return null; }

        var file = ModuleLayout.DependencyFile(Path.Combine(moduleDirectory, ModuleLayout.DependenciesFolderName), name.Name);
        if (file == null) return null;
        return name.Version == null || versionOf(file) is { } shipped && shipped >= name.Version ? file : null;
    }

    /// <summary>The cmdlet assembly and the files of dependencies/ are ours; an assembly loaded from anywhere else is not.</summary>
    public static bool IsOurs(string? location, string moduleDirectory)
    {
        if (string.IsNullOrEmpty(location)) return false;
        var directory = Path.GetDirectoryName(Path.GetFullPath(location));
        var module = Path.GetFullPath(moduleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var dependencies = Path.Combine(module, ModuleLayout.DependenciesFolderName);
        var comparison = StringComparison.OrdinalIgnoreCase;
        return string.Equals(directory, dependencies, comparison)
               || string.Equals(Path.GetFileName(location), typeof(DependencyResolver).Assembly.GetName().Name + ".dll", comparison)
                  && string.Equals(directory, module, comparison);
    }
}
