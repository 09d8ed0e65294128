using System.Reflection;
using IdcAdmin.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>Which assemblies PowerShell 7 loads privately from dependencies/ and which it shares with PowerShell.</summary>
public sealed class EngineLoadContextTests : IDisposable
{
    private readonly string _dependencies = Directory.CreateTempSubdirectory("idcadmin-alc-").FullName;

    public EngineLoadContextTests()
    {
        foreach (var name in new[] { "AWSSDK.Core", "System.Text.Json", "IdcAdmin.Core" })
            File.WriteAllBytes(Path.Combine(_dependencies, name + ".dll"), []);
    }

    public void Dispose() => Directory.Delete(_dependencies, recursive: true);

    private static Version? Platform(string name) => name switch
    {
        "System.Text.Json" => new Version(10, 0, 0, 0),
        // A host that somehow carries an AWSSDK.Core: ours is still private.
        "AWSSDK.Core" => new Version(3, 3, 0, 0),
        _ => null,
    };

    [Theory]
    [InlineData("AWSSDK.Core, Version=4.0.0.0")]
    [InlineData("IdcAdmin.Core, Version=0.1.0.0")]
    public void A_library_the_platform_lacks_at_that_version_is_loaded_privately(string requested) =>
        Assert.Equal(Path.Combine(_dependencies, new AssemblyName(requested).Name + ".dll"),
            EngineLoadContext.ChooseFile(new AssemblyName(requested), _dependencies, Platform));

    [Fact]
    public void What_PowerShell_ships_new_enough_is_shared_so_types_keep_one_identity() =>
        Assert.Null(EngineLoadContext.ChooseFile(new AssemblyName("System.Text.Json, Version=8.0.0.0"), _dependencies, Platform));

    [Fact]
    public void A_name_we_do_not_ship_is_left_to_the_default_context() =>
        Assert.Null(EngineLoadContext.ChooseFile(new AssemblyName("System.Runtime, Version=8.0.0.0"), _dependencies, Platform));
}
