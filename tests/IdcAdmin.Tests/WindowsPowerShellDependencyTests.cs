using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using IdcAdmin.Infrastructure;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, so its loading is checked on the built module (output/IdcAdmin/&lt;version&gt;,
/// made by build.ps1 -Task Build, which -Task Test runs first): every assembly reference of every shipped assembly is
/// satisfied by .NET Framework 4.7.2 (or PowerShell 5.1's own System.Management.Automation) at that version or newer,
/// or else by the module's resolver, which answers our own assemblies' requests from dependencies/.
/// </summary>
public sealed class WindowsPowerShellDependencyTests
{
    private static string ModuleOutput => Path.Combine(Repo.Root, "output", "IdcAdmin", Repo.Version);

    private static readonly Dictionary<string, Version> WindowsPowerShellPlatform = ReadPlatform();

    private sealed record Shipped(string Path, string Name, Version Version, IReadOnlyList<AssemblyName> References);

    private static IReadOnlyList<Shipped> ShippedAssemblies()
    {
        Assert.True(File.Exists(Path.Combine(ModuleOutput, "IdcAdmin.psd1")), $"The module is not built in {ModuleOutput}. Run: ./build.ps1 -Task Build");
        var files = Directory.GetFiles(ModuleOutput, "*.dll").Concat(Directory.GetFiles(Path.Combine(ModuleOutput, ModuleLayout.DependenciesFolderName), "*.dll"));
        return files.Select(Read).ToList();
    }

    private static Shipped Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToList();
        return new Shipped(path, md.GetString(definition.Name), definition.Version, references);
    }

    private static Dictionary<string, Version> ReadPlatform()
    {
        var package = typeof(WindowsPowerShellDependencyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Net472ReferenceAssemblies").Value!;
        var framework = Path.Combine(package, "build", ".NETFramework", "v4.7.2");
        var platform = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(framework, "*.dll").Concat(Directory.GetFiles(Path.Combine(framework, "Facades"), "*.dll")))
        {
            AssemblyName name;
            try { name = AssemblyName.GetAssemblyName(file); }
            catch (BadImageFormatException) { continue; } // a netmodule, not an assembly
            platform[name.Name!] = name.Version!;
        }
        // Windows PowerShell 5.1 itself.
        platform["System.Management.Automation"] = new Version(3, 0, 0, 0);
        return platform;
    }

    /// <summary>
    /// The cmdlet assembly's private load context (AssemblyLoadContext) is created only on .NET; Windows PowerShell
    /// never compiles the code that names it, so never binds this reference.
    /// </summary>
    private static bool OnlyOnDotNet(Shipped assembly, AssemblyName reference) =>
        assembly.Name == "IdcAdmin" && reference.Name == "System.Runtime.Loader";

    [Fact]
    public void The_platform_list_is_the_real_NET_Framework()
    {
        Assert.True(WindowsPowerShellPlatform.Count > 200, $"only {WindowsPowerShellPlatform.Count} .NET Framework assemblies were read");
        Assert.Equal(new Version(4, 0, 0, 0), WindowsPowerShellPlatform["mscorlib"]);
        Assert.Equal(new Version(2, 0, 0, 0), WindowsPowerShellPlatform["netstandard"]);
    }

    [Fact]
    public void The_module_folder_holds_only_the_cmdlet_assembly_and_dependencies_holds_the_engine()
    {
        Assert.Equal(new[] { "IdcAdmin.dll" }, Directory.GetFiles(ModuleOutput, "*.dll").Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(ModuleOutput, ModuleLayout.DependenciesFolderName, "IdcAdmin.Core.dll")));
        Assert.True(File.Exists(Path.Combine(ModuleOutput, ModuleLayout.DependenciesFolderName, "AWSSDK.Core.dll")));
    }

    [Fact]
    public void Every_reference_of_every_shipped_assembly_is_satisfied_by_the_platform_or_the_resolver()
    {
        var shipped = ShippedAssemblies();
        var unsatisfied = new List<string>();
        var byResolver = 0;
        foreach (var assembly in shipped)
        foreach (var reference in assembly.References)
        {
            if (OnlyOnDotNet(assembly, reference)) continue;
            if (WindowsPowerShellPlatform.TryGetValue(reference.Name!, out var platform) && platform >= (reference.Version ?? new Version())) continue;
            var file = DependencyResolver.Resolve(reference.FullName, assembly.Path, ModuleOutput, f => AssemblyName.GetAssemblyName(f).Version);
            if (file != null && shipped.Any(s => s.Path == file && s.Name == reference.Name && s.Version >= reference.Version)) { byResolver++; continue; }
            unsatisfied.Add($"{assembly.Name} → {reference.FullName}");
        }
        Assert.True(unsatisfied.Count == 0, "References nothing satisfies on Windows PowerShell 5.1:\n  " + string.Join("\n  ", unsatisfied));
        // The engine and the AWS SDK come through the resolver: the check did look at them.
        Assert.True(byResolver >= 5, $"only {byResolver} references were satisfied by the resolver");
    }

    [Fact]
    public void On_PowerShell_7_the_cmdlet_assembly_names_only_the_engine_and_what_the_platform_provides()
    {
        // What the default load context serves: .NET's own assemblies (this test runs on the .NET PowerShell 7.6 uses)
        // and the two PowerShell ships itself.
        // Only the shared framework's files: the test host's own list also holds the packages this test project uses.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        platform.Add("System.Management.Automation");
        platform.Add("Microsoft.Bcl.AsyncInterfaces");
        var cmdlets = Read(Path.Combine(ModuleOutput, "IdcAdmin.dll"));

        var others = cmdlets.References.Where(r => r.Name != ModuleLayout.EngineAssemblyName && !platform.Contains(r.Name!)).Select(r => r.FullName).ToList();

        Assert.True(others.Count == 0, "The cmdlet assembly names libraries it would load beside other modules' copies:\n  " + string.Join("\n  ", others));
        Assert.Contains(cmdlets.References, r => r.Name == ModuleLayout.EngineAssemblyName);
    }

    [Fact]
    public void The_resolver_refuses_the_same_references_to_an_assembly_outside_the_module()
    {
        var stranger = Path.Combine(Path.GetTempPath(), "AWS.Tools.Common", "AWSSDK.Core.dll");
        foreach (var reference in ShippedAssemblies().SelectMany(a => a.References))
            Assert.Null(DependencyResolver.Resolve(reference.FullName, stranger, ModuleOutput, f => AssemblyName.GetAssemblyName(f).Version));
    }
}
