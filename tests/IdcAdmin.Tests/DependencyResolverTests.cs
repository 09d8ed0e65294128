using IdcAdmin.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>How the module answers Windows PowerShell 5.1's failed dependency loads: only for its own assemblies.</summary>
public sealed class DependencyResolverTests : IDisposable
{
    private readonly string _moduleDir = Directory.CreateTempSubdirectory("idcadmin-resolver-").FullName;
    private string Dependencies => Path.Combine(_moduleDir, "dependencies");
    private string OurEngine => Path.Combine(Dependencies, "IdcAdmin.Core.dll");
    private static readonly Func<string, Version?> Shipped = _ => new Version(4, 0, 1, 2);

    public DependencyResolverTests()
    {
        Directory.CreateDirectory(Dependencies);
        File.WriteAllBytes(Path.Combine(Dependencies, "System.Memory.dll"), []);
    }

    public void Dispose() => Directory.Delete(_moduleDir, recursive: true);

    [Theory]
    [InlineData(".NET Framework 4.8.9032.0", true)]
    [InlineData(".NET 8.0.11", false)]
    [InlineData(".NET Core 3.1.32", false)]
    public void Only_the_NET_Framework_needs_the_resolver(string framework, bool needed) =>
        Assert.Equal(needed, DependencyResolver.IsNeeded(framework));

    [Fact]
    public void A_request_of_our_engine_for_an_older_version_is_answered_with_the_dependencies_file() =>
        Assert.Equal(Path.Combine(Dependencies, "System.Memory.dll"),
            DependencyResolver.Resolve("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", OurEngine, _moduleDir, Shipped));

    [Fact]
    public void A_request_of_the_cmdlet_assembly_is_answered() =>
        Assert.NotNull(DependencyResolver.Resolve("System.Memory, Version=4.0.1.1", Path.Combine(_moduleDir, "IdcAdmin.dll"), _moduleDir, Shipped));

    [Theory]
    [InlineData("/elsewhere/AWS.Tools.Common/AWSSDK.Core.dll")]
    [InlineData("/elsewhere/SomeModule.dll")]
    [InlineData(null)]
    public void Another_modules_request_is_left_alone(string? requester) =>
        Assert.Null(DependencyResolver.Resolve("System.Memory, Version=4.0.1.1", requester, _moduleDir, Shipped));

    [Fact]
    public void Another_assembly_in_the_module_folder_is_not_ours()
    {
        var stranger = Path.Combine(_moduleDir, "Stranger.dll");
        Assert.Null(DependencyResolver.Resolve("System.Memory, Version=4.0.1.1", stranger, _moduleDir, Shipped));
    }

    [Fact]
    public void A_shipped_file_older_than_the_request_does_not_answer_it() =>
        Assert.Null(DependencyResolver.Resolve("System.Memory, Version=4.0.2.0", OurEngine, _moduleDir, Shipped));

    [Theory]
    [InlineData("Not.In.The.Module, Version=1.0.0.0")]
    [InlineData("System.Memory.resources, Version=4.0.1.1, Culture=de")]
    [InlineData("")]
    public void Assemblies_the_module_does_not_ship_are_left_to_others(string requested) =>
        Assert.Null(DependencyResolver.Resolve(requested, OurEngine, _moduleDir, Shipped));
}
