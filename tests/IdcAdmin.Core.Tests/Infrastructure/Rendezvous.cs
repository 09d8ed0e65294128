using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// Shows which calls are in flight together without timing them: holds the call named <c>held</c> until calls named
/// by each of <c>awaited</c> have reached the server, then lets it through, and records whether they all came while
/// it was held (<see cref="Met"/>). A caller that sends them only after the held call's answer never meets it; the
/// hold then ends after a generous guard, so such a caller finishes (slowly) and the test fails on <see cref="Met"/>
/// instead of hanging. Calls are named by <c>name</c> (operation and request body).
/// </summary>
public sealed class Rendezvous : DelegatingHandler
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly Func<string, JsonObject, string> _name;
    private readonly string _held;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited;
    private int _met = -1;

    public Rendezvous(HttpMessageHandler inner, Func<string, JsonObject, string> name, string held, params string[] awaited) : base(inner)
    {
        _name = name;
        _held = held;
        _awaited = new ConcurrentDictionary<string, TaskCompletionSource>(awaited.Select(a => KeyValuePair.Create(a, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))));
    }

    /// <summary>Names calls by their operation alone.</summary>
    public static string ByOperation(string operation, JsonObject body) => operation;

    /// <summary>Whether every awaited call arrived while the held one waited (false until the held call came).</summary>
    public bool Met => Volatile.Read(ref _met) == 1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = RecordingHandler.OperationOf(request);
        var text = request.Content == null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var name = _name(operation, JsonNode.Parse(text) as JsonObject ?? new JsonObject());
        if (_awaited.TryGetValue(name, out var arrived)) arrived.TrySetResult();
        if (name == _held && Volatile.Read(ref _met) == -1)
        {
            var all = Task.WhenAll(_awaited.Values.Select(a => a.Task));
            var met = await Task.WhenAny(all, Task.Delay(HangGuard, cancellationToken)) == all;
            Interlocked.CompareExchange(ref _met, met ? 1 : 0, -1);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
