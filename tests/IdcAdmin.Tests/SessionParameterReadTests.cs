using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// A cmdlet works in <c>CurrentSession</c> (-Session, else the runspace's default). Reading the -Session parameter
/// itself gives null whenever the user did not pass it, and compiles without a warning, so it is checked here.
/// </summary>
public sealed class SessionParameterReadTests
{
    /// <summary>The base that resolves the session, and the two cmdlets for which -Session itself is the input.</summary>
    private static readonly string[] Allowed =
    {
        "IdcAdmin.IdcCmdlet",
        "IdcAdmin.Commands.Instance.DisconnectIdcInstanceCommand",
        "IdcAdmin.Commands.Administrator.InitializeIdcAdministratorCommand",
    };

    public static IReadOnlyList<string> TypesReadingTheSessionParameter(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        return assembly.MainModule.GetTypes()
            .Where(t => t.Methods.Any(m => m.HasBody && m.Body.Instructions.Any(ReadsSessionParameter)))
            .Select(Outermost)
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    private static bool ReadsSessionParameter(Instruction instruction) =>
        (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt)
        && instruction.Operand is MethodReference { Name: "get_Session" } method
        && method.DeclaringType.FullName == "IdcAdmin.IdcCmdlet";

    // Lambdas and async state machines are nested types of the cmdlet that wrote them.
    private static string Outermost(TypeDefinition type) => type.DeclaringType == null ? type.FullName : Outermost(type.DeclaringType);

    [Fact]
    public void Only_the_base_Disconnect_and_Initialize_read_the_Session_parameter_itself()
    {
        var readers = TypesReadingTheSessionParameter(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.dll"));
        Assert.Empty(readers.Except(Allowed));
        Assert.Contains("IdcAdmin.IdcCmdlet", readers);
    }
}
