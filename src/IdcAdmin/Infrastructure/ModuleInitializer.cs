using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IdcAdmin.Infrastructure;

/// <summary>Runs on Import-Module / Remove-Module: on .NET Framework, resolves the module's own dependencies.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static bool _subscribed;
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    public void OnImport()
    {
        if (!DependencyResolver.IsNeeded(RuntimeInformation.FrameworkDescription)) return;
        lock (Gate)
        {
            if (_subscribed) return;
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
            _subscribed = true;
        }
    }

    public void OnRemove(PSModuleInfo module)
    {
        lock (Gate)
        {
            if (!_subscribed) return;
            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            _subscribed = false;
        }
    }

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies();
        var (already, file) = DependencyResolver.Resolve(args.Name, loaded.Select(a => a.GetName()), ModuleDirectory);
        if (already != null) return loaded.First(a => a.GetName().FullName == already.FullName);
        return file != null ? Assembly.LoadFrom(file) : null;
    }
}
