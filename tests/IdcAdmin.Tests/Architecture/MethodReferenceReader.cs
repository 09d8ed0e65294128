using Mono.Cecil;

namespace IdcAdmin.Tests.Architecture;

/// <summary>One type calling (or taking a delegate to) a method of another: <c>DeclaringType.Method</c>.</summary>
public sealed record MethodReferenceEdge(string FromAssembly, string FromType, string DeclaringType, string Method)
{
    public string FromNamespace => FromType.Contains('.') ? FromType[..FromType.LastIndexOf('.')] : "";
    public override string ToString() => $"{FromType} -> {DeclaringType}.{Method}";
}

/// <summary>
/// Every method a compiled assembly's code refers to, read with Mono.Cecil from the method bodies. As in
/// <see cref="TypeReferenceReader"/>, nested and compiler-generated types (closures, async state machines, iterators)
/// count for the top-level type that holds them.
/// </summary>
public static class MethodReferenceReader
{
    public static IReadOnlyList<MethodReferenceEdge> Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var edges = new HashSet<MethodReferenceEdge>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = TopLevel(type).FullName;
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var instruction in method.Body.Instructions)
                    if (instruction.Operand is MethodReference called)
                        edges.Add(new MethodReferenceEdge(assembly.Name.Name, from, TopLevel(called.DeclaringType).FullName, called.Name));
        }
        return edges.ToList();
    }

    private static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType != null) type = type.DeclaringType;
        return type is GenericInstanceType generic ? generic.ElementType : type;
    }
}
