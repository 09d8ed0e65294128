using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IdcAdmin.Bench;

/// <summary>A private moto_server on a free loopback port for a benchmark; stopped when disposed.</summary>
public sealed class BenchMotoServer : IDisposable
{
    private readonly Process _process;

    private BenchMotoServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BenchMotoServer> StartAsync()
    {
        var exe = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "moto_server")).FirstOrDefault(File.Exists)
                  ?? throw new InvalidOperationException("moto_server was not found on PATH. Install it with: pip install \"moto[server]\"");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo(exe, $"-H 127.0.0.1 -p {port}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                using var r = await http.GetAsync(url + "/moto-api/data.json");
                if (r.IsSuccessStatusCode) return new BenchMotoServer(process, url);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"moto_server did not answer on {url}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
