using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>
/// Reads the official AWS service models from botocore's package folder on this machine. Missing python3 or botocore
/// fails with the install command: the conformance tests never skip.
/// </summary>
public static class BotocoreModels
{
    private static readonly Lazy<string> DataFolder = new(FindDataFolder);
    private static readonly ConcurrentDictionary<string, ServiceModel> Cache = new();

    public static ServiceModel Load(string serviceId) => Cache.GetOrAdd(serviceId, id =>
    {
        var serviceFolder = Path.Combine(DataFolder.Value, id);
        if (!Directory.Exists(serviceFolder))
            throw new InvalidOperationException($"botocore at {DataFolder.Value} has no model for '{id}'. Upgrade it: pip install -U botocore");
        // API versions are dated folders; the newest is the model the SDKs use.
        var version = Directory.GetDirectories(serviceFolder).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).Last();
        return new ServiceModel(id, ReadJson(version, "service-2"), ReadJson(version, "paginators-1"));
    });

    private static JsonElement ReadJson(string folder, string name)
    {
        var plain = Path.Combine(folder, name + ".json");
        var gz = plain + ".gz";
        using Stream stream = File.Exists(gz)
            ? new GZipStream(File.OpenRead(gz), CompressionMode.Decompress)
            : File.Exists(plain) ? File.OpenRead(plain) : throw new FileNotFoundException($"{name}.json(.gz) not found in {folder}");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }

    private static string FindDataFolder()
    {
        const string install = "The model-conformance tests read the official AWS models from botocore. Install it with: pip install botocore";
        var start = new ProcessStartInfo("python3", "-c \"import botocore,os;print(os.path.dirname(botocore.__file__))\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start. " + install);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("python3 was not found on PATH. " + install, e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"python3 could not import botocore ({error.Trim()}). " + install);
            var data = Path.Combine(output.Trim(), "data");
            return Directory.Exists(data) ? data : throw new InvalidOperationException($"botocore has no data folder at {data}. " + install);
        }
    }
}
