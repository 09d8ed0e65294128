using System.Collections.Concurrent;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>Records the operation (X-Amz-Target) of every request that passes, so tests can count write calls.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _operations = new();

    public RecordingHandler(HttpMessageHandler? inner = null) : base(inner ?? new HttpClientHandler()) { }

    public IReadOnlyList<string> Operations => _operations.ToArray();

    /// <summary>Operations that change state (anything but Describe/Get/List/Is).</summary>
    public IReadOnlyList<string> Writes => Operations.Where(IsWrite).ToArray();

    public void Clear() { while (_operations.TryDequeue(out _)) { } }

    public static bool IsWrite(string operation) =>
        !(operation.StartsWith("Describe") || operation.StartsWith("Get") || operation.StartsWith("List") || operation.StartsWith("Is"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _operations.Enqueue(OperationOf(request));
        return base.SendAsync(request, cancellationToken);
    }

    public static string OperationOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues("X-Amz-Target", out var v) ? v.First().Split('.').Last() : "?";
}
