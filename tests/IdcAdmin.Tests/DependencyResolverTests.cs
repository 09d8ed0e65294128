using System.Reflection;
using IdcAdmin.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>How the module answers Windows PowerShell 5.1's failed dependency loads.</summary>
public sealed class DependencyResolverTests : IDisposable
{
    private readonly string _moduleDir = Directory.CreateTempSubdirectory("idcadmin-resolver-").FullName;

    public DependencyResolverTests() => File.WriteAllBytes(Path.Combine(_moduleDir, "System.Memory.dll"), []);

    public void Dispose() => Directory.Delete(_moduleDir, recursive: true);

    [Theory]
    [InlineData(".NET Framework 4.8.9032.0", true)]
    [InlineData(".NET 8.0.11", false)]
    [InlineData(".NET Core 3.1.32", false)]
    public void Only_the_NET_Framework_needs_the_resolver(string framework, bool needed) =>
        Assert.Equal(needed, DependencyResolver.IsNeeded(framework));

    [Fact]
    public void A_request_for_another_version_is_answered_with_the_module_folders_file()
    {
        var (loaded, file) = DependencyResolver.Resolve(
            "System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", [], _moduleDir);
        Assert.Null(loaded);
        Assert.Equal(Path.Combine(_moduleDir, "System.Memory.dll"), file);
    }

    [Fact]
    public void An_already_loaded_copy_that_is_new_enough_wins_over_the_file()
    {
        var present = new AssemblyName("System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        var (loaded, file) = DependencyResolver.Resolve("System.Memory, Version=4.0.1.1", [new AssemblyName("Other, Version=9.0.0.0"), present], _moduleDir);
        Assert.Same(present, loaded);
        Assert.Null(file);
    }

    [Fact]
    public void An_older_loaded_copy_does_not_answer_a_newer_request()
    {
        var old = new AssemblyName("System.Memory, Version=4.0.0.0");
        var (loaded, file) = DependencyResolver.Resolve("System.Memory, Version=4.0.1.1", [old], _moduleDir);
        Assert.Null(loaded);
        Assert.NotNull(file);
    }

    [Theory]
    [InlineData("Not.In.The.Module, Version=1.0.0.0")]
    [InlineData("System.Memory.resources, Version=4.0.1.1, Culture=de")]
    [InlineData("")]
    public void Assemblies_the_module_does_not_ship_are_left_to_others(string requested) =>
        Assert.Equal((null, null), DependencyResolver.Resolve(requested, [], _moduleDir));
}
