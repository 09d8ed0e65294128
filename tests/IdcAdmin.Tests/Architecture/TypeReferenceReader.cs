using Mono.Cecil;
using Mono.Cecil.Cil;

namespace IdcAdmin.Tests.Architecture;

/// <summary>One type naming another: in a signature, an attribute, a local, or an instruction of a method body.</summary>
public sealed record TypeReferenceEdge(string FromAssembly, string FromType, string ToAssembly, string ToType)
{
    public string FromNamespace => NamespaceOf(FromType);
    public string ToNamespace => NamespaceOf(ToType);
    public override string ToString() => $"{FromType} -> {ToType} ({ToAssembly})";
    private static string NamespaceOf(string fullName) => fullName.Contains('.') ? fullName[..fullName.LastIndexOf('.')] : "";
}

/// <summary>
/// Every type reference a compiled assembly makes, read with Mono.Cecil. Nested and compiler-generated types
/// (closures, async state machines) count for the top-level type that holds them, so a lambda's references are
/// its method's.
/// </summary>
public static class TypeReferenceReader
{
    public static IReadOnlyList<TypeReferenceEdge> Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var module = assembly.MainModule;
        var edges = new HashSet<TypeReferenceEdge>();
        foreach (var type in module.GetTypes())
        {
            var from = TopLevel(type).FullName;
            if (from == "<Module>") continue;
            foreach (var reference in Referenced(type))
                foreach (var named in Flatten(reference))
                {
                    var to = TopLevel(named);
                    var toAssembly = named.Scope is AssemblyNameReference scope ? scope.Name : assembly.Name.Name;
                    if (to.FullName != from) edges.Add(new TypeReferenceEdge(assembly.Name.Name, from, toAssembly, to.FullName));
                }
        }
        return edges.ToList();
    }

    /// <summary>The assemblies an assembly's metadata references (System.Management.Automation shows up here first).</summary>
    public static IReadOnlyList<string> AssemblyReferences(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        return assembly.MainModule.AssemblyReferences.Select(r => r.Name).ToList();
    }

    private static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType != null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<TypeReference> Flatten(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Flatten(generic.ElementType)) yield return t;
                foreach (var argument in generic.GenericArguments)
                    foreach (var t in Flatten(argument)) yield return t;
                yield break;
            case TypeSpecification specification: // arrays, by-ref, pointers, modifiers
                foreach (var t in Flatten(specification.ElementType)) yield return t;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType != null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var t in Attributes(type)) yield return t;
        foreach (var g in type.GenericParameters)
            foreach (var c in g.Constraints) yield return c.ConstraintType;
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
            foreach (var t in Attributes(field)) yield return t;
        }
        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (var t in Attributes(property)) yield return t;
        }
        foreach (var e in type.Events) yield return e.EventType;
        foreach (var method in type.Methods)
            foreach (var t in Referenced(method)) yield return t;
    }

    private static IEnumerable<TypeReference> Referenced(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var t in Attributes(method)) yield return t;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
            foreach (var t in Attributes(p)) yield return t;
        }
        foreach (var g in method.GenericParameters)
            foreach (var c in g.Constraints) yield return c.ConstraintType;
        if (!method.HasBody) yield break;
        foreach (var v in method.Body.Variables) yield return v.VariableType;
        foreach (var handler in method.Body.ExceptionHandlers)
            if (handler.CatchType != null) yield return handler.CatchType;
        foreach (var instruction in method.Body.Instructions)
            foreach (var t in Operand(instruction)) yield return t;
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                yield return type;
                break;
            case FieldReference field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
            case MethodReference method:
                yield return method.DeclaringType;
                yield return method.ReturnType;
                foreach (var p in method.Parameters) yield return p.ParameterType;
                if (method is GenericInstanceMethod generic)
                    foreach (var a in generic.GenericArguments) yield return a;
                break;
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.HasCustomAttributes ? provider.CustomAttributes.Select(a => a.AttributeType) : [];
}
