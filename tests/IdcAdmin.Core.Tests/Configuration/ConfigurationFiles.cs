using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>Configuration files written to a private temporary folder for one test.</summary>
public sealed class ConfigurationFiles : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "idc-config-" + Guid.NewGuid().ToString("N")[..8]);

    public ConfigurationFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public IdcConfiguration Json(string text, string name = "access.json") => ConfigurationParser.ParseJsonFile(Write(name, text));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
