using Xunit;

namespace IdcAdmin.Tests.Architecture;

/// <summary>
/// Every confirmation goes through the cmdlet base (ShouldProcessChange and the helpers built on it), which is where a
/// prompt nobody can answer becomes IdcConfirmationUnavailable and -Force skips only the prompt. A cmdlet calling
/// PowerShell's ShouldProcess or ShouldContinue itself would bypass both, so the compiled cmdlets are read for it.
/// </summary>
public sealed class ConfirmationTests
{
    private const string Base = "IdcAdmin.IdcCmdletBase";
    private static readonly IReadOnlyList<MethodReferenceEdge> CmdletCalls = MethodReferenceReader.Read(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.dll"));

    /// <summary>Calls to PowerShell's own confirmation from any type but the cmdlet base.</summary>
    public static IEnumerable<MethodReferenceEdge> DirectConfirmations(IEnumerable<MethodReferenceEdge> calls) =>
        calls.Where(c => c.DeclaringType is "System.Management.Automation.Cmdlet" or "System.Management.Automation.ICommandRuntime"
                         && c.Method is "ShouldProcess" or "ShouldContinue"
                         && c.FromType != Base);

    [Fact]
    public void Only_the_cmdlet_base_asks_PowerShell_to_confirm()
    {
        Assert.Contains(CmdletCalls, c => c.FromType == Base && c.Method == "ShouldProcess"); // the read found the one caller
        Assert.Empty(DirectConfirmations(CmdletCalls).Select(c => c.ToString()));
    }

    [Fact]
    public void A_cmdlet_asking_PowerShell_itself_is_caught()
    {
        var bad = new MethodReferenceEdge("IdcAdmin", "IdcAdmin.Commands.User.NewIdcUserCommand", "System.Management.Automation.Cmdlet", "ShouldProcess");
        var fine = new MethodReferenceEdge("IdcAdmin", Base, "System.Management.Automation.Cmdlet", "ShouldProcess");
        Assert.Equal(new[] { bad }, DirectConfirmations(new[] { bad, fine }));
    }
}
