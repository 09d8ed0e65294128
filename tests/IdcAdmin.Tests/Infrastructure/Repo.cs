using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IdcAdmin.Tests.Infrastructure;

/// <summary>Paths of the repository and of the cmdlet assembly this test run built.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string ModuleDirectory => Path.Combine(Root, "module");
    public static string ManifestPath => Path.Combine(ModuleDirectory, "IdcAdmin.psd1");

    /// <summary>IdcAdmin.dll as built for this test run, with its XML docs and dependencies beside it.</summary>
    public static string CmdletAssembly => Path.Combine(AppContext.BaseDirectory, "IdcAdmin.dll");

    /// <summary>The one version of the module, from Directory.Build.props.</summary>
    public static string Version =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IdcAdmin.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IdcAdmin.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The module manifest read as text (it is PowerShell data; no PowerShell is needed to read these keys).</summary>
public sealed class Manifest
{
    private readonly string _text;

    public Manifest(string path) => _text = File.ReadAllText(path);

    public string ModuleVersion => Scalar("ModuleVersion");
    public string RootModule => Scalar("RootModule");
    public IReadOnlyList<string> CmdletsToExport => List("CmdletsToExport");
    public IReadOnlyList<string> FormatsToProcess => List("FormatsToProcess");
    public IReadOnlyList<string> TypesToProcess => List("TypesToProcess");

    private string Scalar(string key)
    {
        var m = Regex.Match(_text, $@"^\s*{key}\s*=\s*['""](?<v>[^'""]*)['""]", RegexOptions.Multiline);
        return m.Success ? m.Groups["v"].Value : throw new InvalidDataException($"The manifest has no {key}.");
    }

    private IReadOnlyList<string> List(string key)
    {
        var m = Regex.Match(_text, $@"^\s*{key}\s*=\s*@\((?<body>[^)]*)\)", RegexOptions.Multiline);
        if (!m.Success) throw new InvalidDataException($"The manifest has no {key} = @(...) list.");
        var body = Regex.Replace(m.Groups["body"].Value, "#.*$", "", RegexOptions.Multiline);
        return Regex.Matches(body, @"'(?<v>[^']*)'|""(?<v>[^""]*)""").Select(x => x.Groups["v"].Value).ToList();
    }
}
