using System.Net;
using System.Net.Sockets;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// Sits between the signer and the real backend and, by a seeded draw per attempt, answers ThrottlingException,
/// a 5xx or drops the connection before the request reaches the backend; so a fault never causes a hidden write.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly Random _random;
    private readonly object _gate = new();

    public FaultInjectingHandler(HttpMessageHandler inner, int seed = 42) : base(inner) => _random = new Random(seed);

    public double ThrottleRate { get; init; }
    public double ServerErrorRate { get; init; }
    public double DropRate { get; init; }
    public TimeSpan Latency { get; init; }

    public int Throttled;
    public int ServerErrors;
    public int Dropped;
    public int Passed;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        double draw;
        lock (_gate) draw = _random.NextDouble();
        if (draw < ThrottleRate)
        {
            Interlocked.Increment(ref Throttled);
            return ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded").ToHttp();
        }
        if (draw < ThrottleRate + ServerErrorRate)
        {
            Interlocked.Increment(ref ServerErrors);
            return ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "InternalServerException", "Service unavailable").ToHttp();
        }
        if (draw < ThrottleRate + ServerErrorRate + DropRate)
        {
            Interlocked.Increment(ref Dropped);
            throw new HttpRequestException("The connection was reset", new SocketException((int)SocketError.ConnectionReset));
        }
        Interlocked.Increment(ref Passed);
        return await base.SendAsync(request, cancellationToken);
    }
}
