using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// PowerShell 7: the private load context of the engine and its libraries (AWSSDK.*, Polly, ...), read from
/// dependencies/. Another module's AWSSDK.Core in the default context (AWS.Tools) and ours never meet, in either
/// import order. What PowerShell itself ships (System.Text.Json, Microsoft.Bcl.AsyncInterfaces, ...) at the version
/// asked for or newer is shared instead, so types crossing between the cmdlets and the engine keep one identity.
/// Only used on .NET; Windows PowerShell never touches this type.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static EngineLoadContext? _instance;
    private static bool _subscribed;

    private readonly string _dependencies;
    private readonly Dictionary<string, string> _platform;

    private EngineLoadContext(string dependencies, Dictionary<string, string> platform)
    {
        _dependencies = dependencies;
        _platform = platform;
    }

    /// <summary>Lets the default context find the engine (the only assembly it is asked for) in this context.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            _instance ??= new EngineLoadContext(ModuleLayout.DependenciesDirectory, PlatformAssemblies());
            if (_subscribed) return;
            Default.Resolving += OnDefaultResolving;
            _subscribed = true;
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            if (!_subscribed) return;
            Default.Resolving -= OnDefaultResolving;
            _subscribed = false;
        }
    }

    private static Assembly? OnDefaultResolving(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, ModuleLayout.EngineAssemblyName, StringComparison.OrdinalIgnoreCase)
            ? _instance?.LoadFromAssemblyName(name)
            : null;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var file = ChooseFile(assemblyName, _dependencies, PlatformVersion);
        return file == null ? null : LoadFromAssemblyPath(file);
    }

    /// <summary>
    /// The file of dependencies/ this context loads for <paramref name="requested"/>; null leaves it to the default
    /// context: the platform's copy when it is new enough, or whatever the default context finds for a name we don't ship.
    /// </summary>
    public static string? ChooseFile(AssemblyName requested, string dependencies, Func<string, Version?> platformVersion)
    {
        var file = ModuleLayout.DependencyFile(dependencies, requested.Name);
        if (file == null) return null;
        var platform = platformVersion(requested.Name!);
        return platform != null && (requested.Version == null || platform >= requested.Version) ? null : file;
    }

    private Version? PlatformVersion(string simpleName)
    {
        if (!_platform.TryGetValue(simpleName, out var path)) return null;
        try { return AssemblyName.GetAssemblyName(path).Version; }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>What the default context loads by itself: the runtime's and PowerShell's own assemblies (the host's TPA list).</summary>
    private static Dictionary<string, string> PlatformAssemblies()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            map[Path.GetFileNameWithoutExtension(path)] = path;
        return map;
    }
}
