using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IdcAdmin.Infrastructure;

/// <summary>
/// Runs on Import-Module / Remove-Module, before any cmdlet touches the engine: on PowerShell 7 the engine loads into
/// its private load context; on Windows PowerShell 5.1 our own assemblies' failed loads are answered from dependencies/.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static bool _subscribed;
    // One copy of each dependency for all our assemblies (LoadFile would otherwise load a file again per request).
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.OrdinalIgnoreCase);

    public void OnImport() => Register();

    /// <summary>
    /// Called by IdcAdmin.Loader.ps1 (a nested module, imported before the cmdlet assembly is read) because PowerShell
    /// reads the cmdlet classes, whose parameters use engine types, before it calls <see cref="OnImport"/>. Idempotent.
    /// </summary>
    public static void Register()
    {
        if (!DependencyResolver.IsNeeded(RuntimeInformation.FrameworkDescription))
        {
            RegisterLoadContext();
            return;
        }
        lock (Gate)
        {
            if (_subscribed) return;
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
            _subscribed = true;
        }
    }

    public void OnRemove(PSModuleInfo module)
    {
        if (!DependencyResolver.IsNeeded(RuntimeInformation.FrameworkDescription))
        {
            UnregisterLoadContext();
            return;
        }
        lock (Gate)
        {
            if (!_subscribed) return;
            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            _subscribed = false;
        }
    }

    // Separate methods, so the .NET Framework never compiles a reference to AssemblyLoadContext.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterLoadContext() => EngineLoadContext.Register();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UnregisterLoadContext() => EngineLoadContext.Unregister();

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var requester = args.RequestingAssembly;
        var file = DependencyResolver.Resolve(args.Name, requester?.IsDynamic == false ? requester.Location : null,
            ModuleLayout.ModuleDirectory, f => AssemblyName.GetAssemblyName(f).Version);
        // LoadFile, not LoadFrom: a copy another module loaded with the same identity (AWS.Tools' AWSSDK.Core) is not
        // handed to us, nor ours to it.
        return file == null ? null : Loaded.GetOrAdd(file, Assembly.LoadFile);
    }
}
