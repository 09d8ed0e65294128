using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdcAdmin.Core.Tests.Infrastructure;

/// <summary>
/// An in-memory AWS: answers each operation with a scripted function of its request, for the paths moto cannot show
/// (UpdateUser, boundaries, tags, provisioning status, slow asynchronous statuses).
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<JsonObject, ScriptedResponse>> _routes = new();
    private readonly ConcurrentQueue<(string Operation, JsonObject Body)> _calls = new();

    /// <summary>Answers <paramref name="operation"/> with what <paramref name="respond"/> returns for the request body.</summary>
    public ScriptedHandler On(string operation, Func<JsonObject, ScriptedResponse> respond)
    {
        _routes[operation] = respond;
        return this;
    }

    public ScriptedHandler On(string operation, Func<JsonObject, object> respond) =>
        On(operation, body => ScriptedResponse.Ok(respond(body)));

    public IReadOnlyList<(string Operation, JsonObject Body)> Calls => _calls.ToArray();
    public int CountOf(string operation) => _calls.Count(c => c.Operation == operation);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = RecordingHandler.OperationOf(request);
        var text = request.Content == null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        _calls.Enqueue((operation, body));
        if (!_routes.TryGetValue(operation, out var respond))
            return ScriptedResponse.Error(HttpStatusCode.InternalServerError, "UnscriptedOperation", $"No script for {operation}").ToHttp();
        return respond(body).ToHttp();
    }
}

/// <summary>A status, JSON body and headers to answer with.</summary>
public sealed class ScriptedResponse
{
    public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
    public string Body { get; init; } = "{}";
    public string? ErrorType { get; init; }

    public static ScriptedResponse Ok(object body) => new() { Body = JsonSerializer.Serialize(body) };

    public static ScriptedResponse Error(HttpStatusCode status, string code, string message, string? reason = null) => new()
    {
        Status = status,
        ErrorType = code,
        Body = JsonSerializer.Serialize(reason == null
            ? new Dictionary<string, string> { ["__type"] = code, ["message"] = message }
            : new Dictionary<string, string> { ["__type"] = code, ["message"] = message, ["Reason"] = reason }),
    };

    public HttpResponseMessage ToHttp()
    {
        var r = new HttpResponseMessage(Status) { Content = new StringContent(Body, Encoding.UTF8, "application/x-amz-json-1.1") };
        r.Headers.TryAddWithoutValidation("x-amzn-RequestId", Guid.NewGuid().ToString());
        if (ErrorType != null) r.Headers.TryAddWithoutValidation("x-amzn-ErrorType", ErrorType);
        return r;
    }
}
