using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// The sandbox's wire: answers signed AWS JSON 1.1 requests (POST /, X-Amz-Target, SigV4 Authorization) in process,
/// with AWS's status codes, x-amzn-ErrorType headers and error bodies, so the module's real transport runs above it.
/// </summary>
public sealed class SandboxHttpHandler : HttpMessageHandler
{
    private readonly SandboxState _state;
    private readonly Dictionary<string, SandboxService> _byTarget;
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public SandboxHttpHandler(SandboxState state, params SandboxService[] services)
    {
        _state = state;
        _byTarget = services.ToDictionary(s => s.Service.TargetPrefix, StringComparer.Ordinal);
    }

    /// <summary>Requests answered per operation ("sso-admin:CreatePermissionSet"), refusals included.</summary>
    public IReadOnlyDictionary<string, long> Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content == null ? "" : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() ?? "" : "";
        var dot = target.LastIndexOf('.');
        var requestId = Guid.NewGuid().ToString();
        if (dot < 0 || !_byTarget.TryGetValue(target.Substring(0, dot), out var service))
            return Error(new SandboxError("UnknownOperationException", $"The operation {target} is not known."), "", requestId);
        var operation = target.Substring(dot + 1);
        _calls.AddOrUpdate(service.Service.Id + ":" + operation, 1, (_, n) => n + 1);
        try
        {
            CheckSignature(request, service.Service);
            if (request.Method != HttpMethod.Post) throw new SandboxError("UnknownOperationException", "AWS JSON 1.1 requests are POST.");
            using var doc = Parse(body);
            object response;
            lock (_state.Gate)
            {
                _state.Throttle?.Take(_state.Now);
                _state.Settle();
                if (!service.TryInvoke(operation, doc.RootElement, out response))
                    throw new SandboxError("UnknownOperationException", $"The sandbox does not emulate {service.Service.Id} {operation}.");
            }
            var json = response is System.Text.Json.Nodes.JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(response, response.GetType(), AwsJson.Options);
            var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = Json(json), RequestMessage = request };
            ok.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
            return ok;
        }
        catch (SandboxError e)
        {
            return Error(e, service.Service.Id, requestId);
        }
    }

    // The signature itself cannot be checked without the secret key; what is checked is that the request was signed
    // for the right service, as AWS's front door rejects a request scoped to another.
    private static void CheckSignature(HttpRequestMessage request, AwsService service)
    {
        var auth = request.Headers.TryGetValues("Authorization", out var values) ? values.FirstOrDefault() : null;
        if (auth == null || !auth.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
            throw new SandboxError("MissingAuthenticationTokenException", "Missing Authentication Token", HttpStatusCode.Forbidden);
        if (!auth.Contains("/" + service.SigningName + "/aws4_request") || !auth.Contains("Signature="))
            throw new SandboxError("InvalidSignatureException", $"Credential should be scoped to correct service: '{service.SigningName}'.", HttpStatusCode.Forbidden);
        if (!request.Headers.Contains("X-Amz-Date")) throw new SandboxError("IncompleteSignatureException", "X-Amz-Date is missing.", HttpStatusCode.Forbidden);
    }

    private static JsonDocument Parse(string body)
    {
        try { return JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body); }
        catch (JsonException) { throw new SandboxError("SerializationException", "The request body is not valid JSON."); }
    }

    private static HttpResponseMessage Error(SandboxError e, string serviceId, string requestId)
    {
        var error = new Dictionary<string, string> { ["__type"] = $"com.amazonaws.{serviceId}#{e.Code}", ["Message"] = e.Message };
        if (e.Reason != null) error["Reason"] = e.Reason;
        var response = new HttpResponseMessage(e.Status) { Content = Json(JsonSerializer.Serialize(error)) };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", e.Code);
        return response;
    }

    private static StringContent Json(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        return content;
    }
}
