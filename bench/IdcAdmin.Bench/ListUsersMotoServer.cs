using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IdcAdmin.Bench;

/// <summary>A private moto_server on a free loopback port for the list-users benchmark; stopped on dispose.</summary>
internal sealed class ListUsersMotoServer : IAsyncDisposable
{
    private readonly Process _process;

    private ListUsersMotoServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ListUsersMotoServer> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "moto_server")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("moto_server was not found on PATH. Install it with: pip install \"moto[server]\"");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo(executable, $"-H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("moto_server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ListUsersMotoServer(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"moto_server exited with code {process.ExitCode}.");
            try
            {
                using var r = await http.GetAsync(server.Url + "/moto-api/data.json");
                if (r.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("moto_server did not answer within 60 s.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Counts ListUsers requests, so the benchmark can show the first user arrived after one page.</summary>
internal sealed class ListUsersPageCounter : DelegatingHandler
{
    private int _pages;

    public ListUsersPageCounter() : base(new HttpClientHandler()) { }

    public int Pages => Volatile.Read(ref _pages);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var target) && target.First().EndsWith(".ListUsers", StringComparison.Ordinal))
            Interlocked.Increment(ref _pages);
        return base.SendAsync(request, cancellationToken);
    }
}
