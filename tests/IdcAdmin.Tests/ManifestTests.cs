using System.Xml;
using System.Xml.Linq;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>module/IdcAdmin.psd1 agrees with the compiled cmdlets, the build's version and the shipped files.</summary>
public sealed class ManifestTests
{
    private static readonly Manifest Manifest = new(Repo.ManifestPath);

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlet_classes()
    {
        var exported = Manifest.CmdletsToExport.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var built = ModuleSurface.Commands.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notBuilt = exported.Except(built).OrderBy(n => n).ToList();
        var notExported = built.Except(exported).OrderBy(n => n).ToList();
        Assert.True(notBuilt.Count == 0 && notExported.Count == 0,
            $"CmdletsToExport differs from the cmdlet classes.\n" +
            $"  In the manifest, no class ({notBuilt.Count}): {string.Join(", ", notBuilt)}\n" +
            $"  A class, not in the manifest ({notExported.Count}): {string.Join(", ", notExported)}");
    }

    [Fact]
    public void CmdletsToExport_names_each_cmdlet_once_and_without_wildcards()
    {
        var names = Manifest.CmdletsToExport;
        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => n.IndexOfAny(['*', '?', '[']) >= 0);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void ModuleVersion_is_the_build_version() => Assert.Equal(Repo.Version, Manifest.ModuleVersion);

    [Fact]
    public void RootModule_is_the_cmdlet_assembly() => Assert.Equal("IdcAdmin.dll", Manifest.RootModule);

    [Fact]
    public void Every_format_file_in_the_module_folder_is_listed() =>
        Assert.Empty(Directory.GetFiles(Repo.ModuleDirectory, "*.Format.ps1xml").Select(Path.GetFileName)
            .Except(Manifest.FormatsToProcess, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Every_types_file_is_listed_exists_and_extends_types_the_module_defines()
    {
        Assert.Empty(Directory.GetFiles(Repo.ModuleDirectory, "*.Types.ps1xml").Select(Path.GetFileName)
            .Except(Manifest.TypesToProcess, StringComparer.OrdinalIgnoreCase));
        Assert.NotEmpty(Manifest.TypesToProcess);
        foreach (var file in Manifest.TypesToProcess)
        {
            var path = Path.Combine(Repo.ModuleDirectory, file);
            Assert.True(File.Exists(path), $"TypesToProcess lists {file}, which is not in module/.");
            var types = XDocument.Load(path).Root!.Elements("Type").Select(t => t.Element("Name")!.Value.Trim()).ToList();
            Assert.NotEmpty(types);
            Assert.Empty(types.Where(t => !ModuleSurface.Types.ContainsKey(t)));
        }
    }

    public static TheoryData<string> FormatFiles() => new(Manifest.FormatsToProcess);

    [Theory]
    [MemberData(nameof(FormatFiles))]
    public void A_listed_format_file_is_well_formed_and_shows_real_types_and_properties(string file)
    {
        var path = Path.Combine(Repo.ModuleDirectory, file);
        Assert.True(File.Exists(path), $"FormatsToProcess lists {file}, which is not in module/.");
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (XmlException e) { throw new Xunit.Sdk.XunitException($"{file} is not well-formed XML: {e.Message}"); }
        Assert.Equal("Configuration", doc.Root!.Name.LocalName);

        var views = doc.Descendants("View").ToList();
        Assert.NotEmpty(views);
        var problems = new List<string>();
        foreach (var view in views)
        {
            var typeNames = view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()).ToList() ?? [];
            foreach (var type in typeNames.Where(t => !ModuleSurface.Types.ContainsKey(t)))
                problems.Add($"view '{view.Element("Name")?.Value}' selects {type}, which no module assembly defines");
            // A property a view shows must exist on the one type it selects (a typo shows an empty column).
            if (typeNames.Count == 1 && ModuleSurface.Types.TryGetValue(typeNames[0], out var properties))
                problems.AddRange(view.Descendants("PropertyName").Select(p => p.Value.Trim())
                    .Where(p => !properties.Contains(p))
                    .Select(p => $"view '{view.Element("Name")?.Value}' shows {p}, which {typeNames[0]} does not have"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_about_topic_ships_in_the_module_folder()
    {
        var about = Path.Combine(Repo.ModuleDirectory, "en-US", "about_IdcAdmin.help.txt");
        Assert.True(File.Exists(about));
        Assert.Contains("about_IdcAdmin", File.ReadAllText(about));
    }
}
