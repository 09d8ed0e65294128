using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IdcAdmin.HelpGen;

/// <summary>
/// Reads cmdlet classes from a compiled module with MetadataLoadContext: the attributes PowerShell binds by, without
/// executing the assembly or needing PowerShell. The PowerShell reference assembly is resolved from this program's folder.
/// </summary>
public sealed class CmdletReader : IDisposable
{
    private const string Sma = "System.Management.Automation.";
    private readonly MetadataLoadContext _context;

    public CmdletReader(string assemblyPath)
    {
        AssemblyPath = Path.GetFullPath(assemblyPath);
        var moduleDir = Path.GetDirectoryName(AssemblyPath)!;
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(moduleDir, "*.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"))
            .Where(File.Exists);
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Assembly = _context.LoadFromAssemblyPath(AssemblyPath);
    }

    public string AssemblyPath { get; }
    public Assembly Assembly { get; }

    /// <summary>Every type of the module's own assemblies: this one and the ones it references that share its name prefix.</summary>
    public IEnumerable<Type> ModuleTypes()
    {
        var prefix = Assembly.GetName().Name!.Split('.')[0] + ".";
        var own = Assembly.GetReferencedAssemblies()
            .Where(n => n.Name!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(_context.LoadFromAssemblyName)
            .Prepend(Assembly);
        return own.SelectMany(a => a.GetTypes());
    }

    /// <summary>Every class carrying [Cmdlet], public or not (so a test can flag a non-public one).</summary>
    public IReadOnlyList<CommandModel> ReadCommands() =>
        Assembly.GetTypes()
            .Select(t => (Type: t, Cmdlet: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
            .Where(x => x.Cmdlet != null)
            .Select(x => ReadCommand(x.Type, x.Cmdlet!))
            .OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal)
            .ToList();

    private static CommandModel ReadCommand(Type type, CustomAttributeData cmdlet) => new()
    {
        TypeFullName = type.FullName!,
        DocId = "T:" + DocName(type),
        AssemblyName = type.Assembly.GetName().Name!,
        Verb = (string)cmdlet.ConstructorArguments[0].Value!,
        Noun = (string)cmdlet.ConstructorArguments[1].Value!,
        IsPublic = type.IsPublic,
        IsSealed = type.IsSealed,
        IsAbstract = type.IsAbstract,
        SupportsShouldProcess = Named(cmdlet, "SupportsShouldProcess") is true,
        SupportsPaging = Named(cmdlet, "SupportsPaging") is true,
        ConfirmImpact = Named(cmdlet, "ConfirmImpact") is int impact ? ConfirmImpactName(impact) : "Medium",
        DefaultParameterSetName = Named(cmdlet, "DefaultParameterSetName") as string,
        OutputTypes = type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute")
            .SelectMany(a => Values(a.ConstructorArguments[0]))
            .Select(v => v is Type t ? t.FullName! : v?.ToString() ?? "")
            .Distinct().ToList(),
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ReadParameter).Where(p => p != null).Select(p => p!).ToList(),
    };

    private static ParameterModel? ReadParameter(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var sets = attributes.Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").Select(a => new ParameterSetModel
        {
            SetName = Named(a, "ParameterSetName") as string ?? ParameterSetModel.AllSets,
            Mandatory = Named(a, "Mandatory") is true,
            Position = Named(a, "Position") is int pos && pos >= 0 ? pos : null,
            ValueFromPipeline = Named(a, "ValueFromPipeline") is true,
            ValueFromPipelineByPropertyName = Named(a, "ValueFromPipelineByPropertyName") is true,
            ValueFromRemainingArguments = Named(a, "ValueFromRemainingArguments") is true,
        }).ToList();
        if (sets.Count == 0) return null;

        var type = property.PropertyType;
        var element = UnderlyingNullable(type) ?? (type.IsArray ? type.GetElementType()! : type);
        element = UnderlyingNullable(element) ?? element;
        var validSet = Attribute(attributes, "ValidateSetAttribute");
        return new ParameterModel
        {
            Name = property.Name,
            DocId = "P:" + DocName(property.DeclaringType!) + "." + property.Name,
            DeclaringAssemblyName = property.DeclaringType!.Assembly.GetName().Name!,
            TypeName = FriendlyName(type),
            TypeFullName = (UnderlyingNullable(type) ?? type).FullName ?? type.Name,
            IsSwitch = type.FullName == Sma + "SwitchParameter",
            SupportsWildcards = Attribute(attributes, "SupportsWildcardsAttribute") != null,
            Aliases = attributes.Where(a => a.AttributeType.FullName == Sma + "AliasAttribute")
                .SelectMany(a => Values(a.ConstructorArguments[0])).Select(v => (string)v!).ToList(),
            ValidValues = validSet != null
                ? Values(validSet.ConstructorArguments[0]).Select(v => (string)v!).ToList()
                : element.IsEnum
                    ? element.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList()
                    : [],
            Sets = sets,
        };
    }

    /// <summary>The name Get-Help shows: String, Int32[], Nullable&lt;T&gt; as T, generics without arity.</summary>
    public static string FriendlyName(Type type)
    {
        if (UnderlyingNullable(type) is { } inner) return FriendlyName(inner);
        if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return name + "[" + string.Join(", ", type.GetGenericArguments().Select(FriendlyName)) + "]";
    }

    /// <summary>T of Nullable&lt;T&gt;; Nullable.GetUnderlyingType does not recognise metadata-only types.</summary>
    private static Type? UnderlyingNullable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : null;

    /// <summary>Type name as XML documentation ids spell it (nested types joined by '.').</summary>
    public static string DocName(Type type) => type.FullName!.Replace('+', '.');

    private static string ConfirmImpactName(int value) => value switch { 0 => "None", 1 => "Low", 3 => "High", _ => "Medium" };

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.FullName == Sma + name);

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

    private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : [argument.Value];

    public void Dispose() => _context.Dispose();
}
