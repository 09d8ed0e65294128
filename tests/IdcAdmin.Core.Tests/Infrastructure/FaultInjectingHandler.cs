using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// Sits between the signer and the real backend and answers ThrottlingException, a 5xx or drops the connection
/// before the request reaches the backend; so a fault never causes a hidden write. Apart from those, the operations in
/// <see cref="DropReplyAfterApply"/> (or <see cref="ServerErrorAfterApply"/>) reach the backend on their first
/// attempt, which applies them, and then lose the reply: the client sees a dropped connection (or a 500) for a write
/// that happened.
/// Whether attempt n of a request faults is a function of the seed, the request (operation and body) and n only,
/// never of the order in which concurrent requests arrive: a seed gives the same faults to every call on every run,
/// however the threads are scheduled. Requests with identical bodies share one sequence of attempts.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly int _seed;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _faultsInARow = new();
    private int _mostFaultsInARow;

    public FaultInjectingHandler(HttpMessageHandler inner, int seed = 42) : base(inner) => _seed = seed;

    public double ThrottleRate { get; init; }
    public double ServerErrorRate { get; init; }
    public double DropRate { get; init; }
    public TimeSpan Latency { get; init; }

    /// <summary>Operations whose first attempt is applied by the backend and then answered by a dropped connection.</summary>
    public HashSet<string> DropReplyAfterApply { get; } = new(StringComparer.Ordinal);
    /// <summary>Operations whose first attempt is applied by the backend and then answered by a 500.</summary>
    public HashSet<string> ServerErrorAfterApply { get; } = new(StringComparer.Ordinal);
    /// <summary>Writes applied whose reply was lost.</summary>
    public int AppliedThenLost;
    private readonly ConcurrentDictionary<string, bool> _lostOnce = new();

    public int Throttled;
    public int ServerErrors;
    public int Dropped;
    public int Passed;

    /// <summary>The most faults one request met in a row: how deep the retries went.</summary>
    public int MostFaultsInARow => Volatile.Read(ref _mostFaultsInARow);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        var key = RecordingHandler.OperationOf(request) + "\n" + (request.Content == null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        var operation = RecordingHandler.OperationOf(request);
        if ((DropReplyAfterApply.Contains(operation) || ServerErrorAfterApply.Contains(operation)) && _lostOnce.TryAdd(operation, true))
        {
            using var applied = await base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref AppliedThenLost);
            if (ServerErrorAfterApply.Contains(operation))
                return ScriptedResponse.Error(HttpStatusCode.InternalServerError, "InternalServerException", "Internal failure").ToHttp();
            throw new HttpRequestException("The connection was reset", new SocketException((int)SocketError.ConnectionReset));
        }
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var draw = Draw(key, attempt);
        if (draw < ThrottleRate + ServerErrorRate + DropRate)
        {
            var inARow = _faultsInARow.AddOrUpdate(key, 1, (_, n) => n + 1);
            int most;
            while (inARow > (most = Volatile.Read(ref _mostFaultsInARow)) && Interlocked.CompareExchange(ref _mostFaultsInARow, inARow, most) != most) { }
        }
        else _faultsInARow[key] = 0;
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

    /// <summary>A uniform number in [0, 1) fixed by the seed, the request and the attempt number.</summary>
    private double Draw(string key, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}\n{attempt}\n{key}"));
        return (BitConverter.ToUInt64(hash, 0) >> 11) * (1.0 / (1UL << 53));
    }
}
