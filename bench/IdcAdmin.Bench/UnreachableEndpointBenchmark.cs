using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Bench;

/// <summary>
/// Wall time for Connect's first call to fail, with the default retry and timeout settings, against endpoints that
/// cannot answer: a refused port, a host name that does not resolve, a plain-HTTP port spoken to over TLS, and a
/// port that accepts connections and never answers. Prints each time against its bound.
/// </summary>
public sealed class UnreachableEndpointBenchmark : IBenchmark
{
    public string Name => "unreachable";
    public string Description => "time to fail for refused, unresolvable, TLS-mismatched and silent endpoints (default settings)";

    public async Task RunAsync(string[] args)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        // Accepts and holds every connection, answering nothing.
        _ = Task.Run(async () => { while (true) { try { held.Add(await silent.AcceptTcpClientAsync()); } catch { return; } } });
        using var plain = new TcpListener(IPAddress.Loopback, 0);
        plain.Start();
        // Answers every connection with plain HTTP, which a TLS client cannot read as a handshake.
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    using var c = await plain.AcceptTcpClientAsync();
                    var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    await c.GetStream().WriteAsync(bytes);
                }
                catch { return; }
            }
        });

        var cases = new (string Name, string Endpoint, double BoundSeconds)[]
        {
            ("refused port", $"http://127.0.0.1:{FreePort()}", 5),
            ("unresolvable host", "http://idcadmin-bench.invalid", 5),
            ("TLS to a plain-HTTP port", $"https://127.0.0.1:{((IPEndPoint)plain.LocalEndpoint).Port}", 5),
            ("silent endpoint", $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", 35),
        };
        Console.WriteLine($"{"endpoint",-26} {"failed after",12} {"bound",7} {"ratio",6}  error");
        foreach (var (name, endpoint, bound) in cases)
        {
            var watch = Stopwatch.StartNew();
            string outcome;
            using (var connection = AwsConnection.Create(new AwsConnectionSettings
                   { Credentials = new BasicAWSCredentials("AKIDBENCH", "bench-secret"), Region = "us-east-1", EndpointUrl = endpoint }))
            {
                try
                {
                    await IdcConnector.ConnectAsync(connection, null, CancellationToken.None);
                    outcome = "connected (unexpected)";
                }
                catch (Exception e)
                {
                    outcome = $"{e.GetType().Name}: {e.Message}";
                }
            }
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"{name,-26} {seconds,10:0.00} s {bound,5:0} s {seconds / bound,6:0.00}  {outcome}");
        }
        silent.Stop();
        plain.Stop();
        foreach (var c in held) c.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
