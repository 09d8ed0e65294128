using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Tests.Infrastructure;

namespace IdcAdmin.Core.Tests.PermissionSets;

/// <summary>
/// Forwards everything to moto except the permission set calls moto 5.2.1 does not implement (permissions boundary,
/// tags), which it answers from memory as AWS would; and, when asked, refuses one operation with an AWS error so a
/// test can make a step of a multi-step write fail.
/// </summary>
public sealed class MotoGapsHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, JsonObject> _boundaries = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _tags = new();
    private readonly ConcurrentQueue<string> _operations = new();

    public MotoGapsHandler() : base(new HttpClientHandler()) { }

    /// <summary>The operation to refuse, and the AWS error it gets.</summary>
    public string? Refuse { get; set; }
    public string RefusalCode { get; set; } = "ValidationException";
    public string RefusalMessage { get; set; } = "Refused by the test";

    public IReadOnlyList<string> Operations => _operations.ToArray();
    public IReadOnlyList<string> Writes => Operations.Where(RecordingHandler.IsWrite).ToArray();
    public int CountOf(string operation) => Operations.Count(o => o == operation);
    public void Clear() { while (_operations.TryDequeue(out _)) { } }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = RecordingHandler.OperationOf(request);
        _operations.Enqueue(operation);
        if (operation == Refuse)
            return ScriptedResponse.Error(HttpStatusCode.BadRequest, RefusalCode, RefusalMessage).ToHttp();
        var text = request.Content == null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        var arn = (string?)body["PermissionSetArn"] ?? (string?)body["ResourceArn"] ?? "";
        switch (operation)
        {
            case "GetPermissionsBoundaryForPermissionSet":
                return _boundaries.TryGetValue(arn, out var b)
                    ? Ok(new JsonObject { ["PermissionsBoundary"] = b.DeepClone() })
                    : ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "Could not find PermissionsBoundary").ToHttp();
            case "PutPermissionsBoundaryToPermissionSet":
                _boundaries[arn] = (JsonObject)body["PermissionsBoundary"]!.DeepClone();
                return Ok(new JsonObject());
            case "DeletePermissionsBoundaryFromPermissionSet":
                return _boundaries.TryRemove(arn, out _)
                    ? Ok(new JsonObject())
                    : ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "Could not find PermissionsBoundary").ToHttp();
            case "ListTagsForResource":
                var list = new JsonArray(Tags(arn).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
                return Ok(new JsonObject { ["Tags"] = list });
            case "TagResource":
                foreach (var t in body["Tags"]!.AsArray()) Tags(arn)[(string)t!["Key"]!] = (string)t["Value"]!;
                return Ok(new JsonObject());
            case "UntagResource":
                foreach (var k in body["TagKeys"]!.AsArray()) Tags(arn).TryRemove((string)k!, out _);
                return Ok(new JsonObject());
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (operation == "CreatePermissionSet" && response.IsSuccessStatusCode && body["Tags"] is JsonArray createTags)
        {
            var created = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var newArn = (string)created["PermissionSet"]!["PermissionSetArn"]!;
            foreach (var t in createTags) Tags(newArn)[(string)t!["Key"]!] = (string)t["Value"]!;
        }
        return response;
    }

    private ConcurrentDictionary<string, string> Tags(string arn) => _tags.GetOrAdd(arn, _ => new ConcurrentDictionary<string, string>());

    private static HttpResponseMessage Ok(JsonObject body)
    {
        var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };
        r.Headers.TryAddWithoutValidation("x-amzn-RequestId", Guid.NewGuid().ToString());
        return r;
    }
}
