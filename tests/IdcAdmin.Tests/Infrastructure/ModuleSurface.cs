using IdcAdmin.HelpGen;

namespace IdcAdmin.Tests.Infrastructure;

/// <summary>The cmdlets and the output types of the built module, read once per test run.</summary>
public static class ModuleSurface
{
    private static readonly Lazy<(IReadOnlyList<CommandModel> Commands, IReadOnlyDictionary<string, HashSet<string>> Types)> Loaded = new(Load);

    /// <summary>Every class with [Cmdlet] in IdcAdmin.dll.</summary>
    public static IReadOnlyList<CommandModel> Commands => Loaded.Value.Commands;

    /// <summary>Full name of every type in the module's own assemblies, with its public property names.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Types => Loaded.Value.Types;

    public static XmlDocumentation Docs { get; } = new(AppContext.BaseDirectory);

    private static (IReadOnlyList<CommandModel>, IReadOnlyDictionary<string, HashSet<string>>) Load()
    {
        using var reader = new CmdletReader(Repo.CmdletAssembly);
        // Compiler-generated types (EmbeddedAttribute and the like) repeat across assemblies: merge by name.
        var types = reader.ModuleTypes().Where(t => t.FullName != null).GroupBy(t => t.FullName!).ToDictionary(
            g => g.Key,
            g => g.SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)).Select(p => p.Name).ToHashSet());
        return (reader.ReadCommands(), types);
    }
}
