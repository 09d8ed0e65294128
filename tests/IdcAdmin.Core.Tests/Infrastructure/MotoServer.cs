using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using Xunit;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// A real moto_server on a free loopback port for the test run: started once, stopped after the last test.
/// Missing moto is a failure with the install command, never a silent skip.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;
    public string EndpointUrl => Endpoint.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var executable = FindOnPath("moto_server")
            ?? throw new InvalidOperationException("moto_server was not found on PATH. Install it with: pip install \"moto[server]\"");
        var port = FreePort();
        var start = new ProcessStartInfo(executable, $"-H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering.");
            try
            {
                using var r = await http.GetAsync(new Uri(Endpoint, "moto-api/data.json"));
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"moto_server did not answer on {Endpoint} within 60 s.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Forgets everything moto holds (organizations, users, permission sets).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var r = await http.PostAsync(new Uri(Endpoint, "moto-api/reset"), new StringContent(""));
        r.EnsureSuccessStatusCode();
    }

    /// <summary>A connection through the real signed HTTP path to this moto, with fast retries and a generous rate.</summary>
    public AwsConnection Connect(string region = "us-east-1", HttpMessageHandler? innerHandler = null, IAwsCallLog? log = null,
        RequestRateLimiter? limiter = null, AWSCredentials? credentials = null) =>
        new(credentials ?? TestCredentials, region, new AwsTransportOptions
        {
            EndpointUrl = EndpointUrl,
            InnerHandler = innerHandler,
            Log = log,
            RateLimiter = limiter ?? RequestRateLimiter.PerSecond(1000, burst: 1000),
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
        });

    /// <summary>Connects and discovers moto's instance in that region, as Connect-IdcInstance does.</summary>
    public async Task<IdcSession> SessionAsync(string region = "us-east-1", HttpMessageHandler? innerHandler = null) =>
        await IdcConnector.ConnectAsync(Connect(region, innerHandler), null, CancellationToken.None);

    public static readonly AWSCredentials TestCredentials = new BasicAWSCredentials("AKIDMOTOTESTING", "moto-test-secret");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>Every test class that talks to moto joins this collection and shares the one server.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
