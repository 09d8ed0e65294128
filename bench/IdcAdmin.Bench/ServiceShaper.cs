using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IdcAdmin.Bench;

/// <summary>
/// Makes a local emulator behave like Identity Center for timing. Every call takes <see cref="Latency"/>; the server
/// answers ThrottlingException beyond <see cref="RequestsPerSecond"/> (a token bucket, as AWS meters) and at random
/// for <see cref="ThrottleRate"/> of calls. Every asynchronous request (assignment creation and deletion, permission
/// set provisioning) stays IN_PROGRESS for <see cref="CompletionTime"/> (± <see cref="CompletionSpread"/>) after it
/// was accepted, and a new one is refused while <see cref="MaxInFlight"/> of its kind are in progress. Provisioning
/// and the provisioning listings are answered here from what was assigned and provisioned (moto gets them wrong).
/// Sits under the signer, in front of the emulator.
/// </summary>
public sealed class ServiceShaper : DelegatingHandler
{
    private readonly object _gate = new();
    private readonly Random _random = new(7);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, AsyncRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _throttled = new();
    /// <summary>Permission set ARN → accounts it is provisioned to, in the order provisioned.</summary>
    private readonly ConcurrentDictionary<string, List<string>> _provisioned = new();
    private double _tokens;
    private double _refilledAt;
    private int _inFlightRefusals;
    private int _overRate;
    private readonly ConcurrentQueue<CallTrace> _trace = new();

    public ServiceShaper(HttpMessageHandler inner) : base(inner) { }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(40);
    public double RequestsPerSecond { get; set; } = 20;
    public double ThrottleRate { get; set; }
    /// <summary>How long an asynchronous request takes after AWS accepted it.</summary>
    public TimeSpan CompletionTime { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Each request's completion time is drawn uniformly from CompletionTime ± this.</summary>
    public TimeSpan CompletionSpread { get; set; } = TimeSpan.Zero;
    /// <summary>Asynchronous requests of one kind in progress at once; more are refused with ThrottlingException.</summary>
    public int MaxInFlight { get; set; } = 10;

    /// <summary>Calls that reached the service, throttled ones included.</summary>
    public int Calls => _calls.Values.Sum();
    public int Throttled => _throttled.Values.Sum();
    /// <summary>Creations, deletions or provisionings refused because too many of their kind were in progress.</summary>
    public int InFlightRefusals => Volatile.Read(ref _inFlightRefusals);
    /// <summary>Calls throttled because the caller went over <see cref="RequestsPerSecond"/> (not at random).</summary>
    public int OverRate => Volatile.Read(ref _overRate);
    public int CallsOf(string operation) => _calls.TryGetValue(operation, out var n) ? n : 0;
    public int ThrottledOf(string operation) => _throttled.TryGetValue(operation, out var n) ? n : 0;
    /// <summary>Calls by operation, throttled ones included.</summary>
    public IReadOnlyDictionary<string, int> CallsByOperation => new SortedDictionary<string, int>(_calls);

    /// <summary>One call as the emulator saw it: sent at (before the latency), answered at, and whether it was throttled.</summary>
    public sealed record CallTrace(TimeSpan Sent, TimeSpan Answered, string Operation, string Outcome);

    /// <summary>Every call since the last <see cref="ResetCounters"/>, to show where a case's time goes.</summary>
    public IReadOnlyList<CallTrace> Trace => _trace.OrderBy(t => t.Sent).ToList();

    /// <summary>The emulator's clock, which <see cref="Trace"/> is timed by.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public void ResetCounters()
    {
        _trace.Clear();
        _calls.Clear();
        _throttled.Clear();
        Interlocked.Exchange(ref _inFlightRefusals, 0);
        Interlocked.Exchange(ref _overRate, 0);
    }

    /// <summary>Marks a permission set provisioned to an account without a request (organization seeding).</summary>
    public void MarkProvisioned(string permissionSetArn, string accountId) => AddProvisioned(permissionSetArn, accountId);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = _clock.Elapsed;
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First().Split('.').Last() : "";
        var response = await ShapeAsync(request, operation, cancellationToken);
        var outcome = response.IsSuccessStatusCode ? "ok" : response.Headers.TryGetValues(RefusalHeader, out var r) ? r.First()
            : response.Headers.TryGetValues("x-amzn-ErrorType", out var e) ? e.First() : ((int)response.StatusCode).ToString();
        _trace.Enqueue(new CallTrace(sent, _clock.Elapsed, operation, outcome));
        return response;
    }

    private async Task<HttpResponseMessage> ShapeAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        if (Admit() is { } refusal)
        {
            _throttled.AddOrUpdate(operation, 1, (_, n) => n + 1);
            var refused = Error("ThrottlingException", "Rate exceeded");
            refused.Headers.TryAddWithoutValidation(RefusalHeader, refusal);
            return refused;
        }
        var body = request.Content == null ? new JsonObject() : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? new JsonObject();
        switch (operation)
        {
            case "CreateAccountAssignment":
                return await StartAssignmentAsync(request, body, "AccountAssignmentCreationStatus", cancellationToken);
            case "DeleteAccountAssignment":
                return await StartAssignmentAsync(request, body, "AccountAssignmentDeletionStatus", cancellationToken);
            case "DescribeAccountAssignmentCreationStatus":
                return Describe(body["AccountAssignmentCreationRequestId"]?.GetValue<string>(), "AccountAssignmentCreationStatus");
            case "DescribeAccountAssignmentDeletionStatus":
                return Describe(body["AccountAssignmentDeletionRequestId"]?.GetValue<string>(), "AccountAssignmentDeletionStatus");
            case "ListAccountAssignmentCreationStatus":
                return ListStatuses(body, "AccountAssignmentCreationStatus", "AccountAssignmentsCreationStatus");
            case "ListAccountAssignmentDeletionStatus":
                return ListStatuses(body, "AccountAssignmentDeletionStatus", "AccountAssignmentsDeletionStatus");
            case "ListPermissionSetProvisioningStatus":
                return ListStatuses(body, "PermissionSetProvisioningStatus", "PermissionSetsProvisioningStatus");
            case "ProvisionPermissionSet":
                return StartProvisioning(body);
            case "DescribePermissionSetProvisioningStatus":
                return Describe(body["ProvisionPermissionSetRequestId"]?.GetValue<string>(), "PermissionSetProvisioningStatus");
            case "ListAccountsForProvisionedPermissionSet":
                // Versions are not modelled: every account holds the latest one, so none is listed as outdated.
                if (Text(body, "ProvisioningStatus") == "LATEST_PERMISSION_SET_NOT_PROVISIONED") return Page(new List<string>(), body, "AccountIds");
                return Page(_provisioned.TryGetValue(Text(body, "PermissionSetArn"), out var accounts) ? Snapshot(accounts) : new List<string>(), body, "AccountIds");
            case "GetPermissionsBoundaryForPermissionSet": // moto lacks it; AWS answers this for a set without a boundary
                return Error("ResourceNotFoundException", "The permission set has no permissions boundary");
            case "ListTagsForResource": // moto lacks it
                return Json(new JsonObject { ["Tags"] = new JsonArray() });
            case "ListPermissionSetsProvisionedToAccount":
                var account = Text(body, "AccountId");
                return Page(_provisioned.Where(p => Snapshot(p.Value).Contains(account)).Select(p => p.Key).OrderBy(a => a, StringComparer.Ordinal).ToList(), body, "PermissionSets");
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Why the emulator throttled a call (random or over-rate), for the trace; the client does not read it.</summary>
    private const string RefusalHeader = "x-bench-refusal";

    /// <summary>Null when the call is admitted, else why it is throttled.</summary>
    private string? Admit()
    {
        lock (_gate)
        {
            if (ThrottleRate > 0 && _random.NextDouble() < ThrottleRate) return "random";
            var now = _clock.Elapsed.TotalSeconds;
            _tokens = Math.Min(RequestsPerSecond, _tokens + (now - _refilledAt) * RequestsPerSecond);
            _refilledAt = now;
            if (_tokens < 1)
            {
                _overRate++;
                return "over-rate";
            }
            _tokens -= 1;
            return null;
        }
    }

    /// <summary>Reserves an in-flight place for a new request of <paramref name="kind"/>, or says the limit is reached.</summary>
    private (string Placeholder, AsyncRequest Request)? Reserve(string kind, JsonObject status)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (_requests.Values.Count(r => r.Kind == kind && r.DoneAt > now) >= MaxInFlight)
            {
                Interlocked.Increment(ref _inFlightRefusals);
                return null;
            }
            var spread = CompletionSpread.TotalSeconds * (2 * _random.NextDouble() - 1);
            var request = new AsyncRequest(kind, now, now + CompletionTime + TimeSpan.FromSeconds(spread), status);
            var placeholder = "reserved-" + Guid.NewGuid();
            _requests[placeholder] = request;
            return (placeholder, request);
        }
    }

    private async Task<HttpResponseMessage> StartAssignmentAsync(HttpRequestMessage request, JsonObject body, string member, CancellationToken cancellationToken)
    {
        if (Reserve(member, new JsonObject()) is not { } reserved) return InFlightRefusal();
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _requests.TryRemove(reserved.Placeholder, out _);
            return response;
        }
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var status = answer[member]!.AsObject();
        var id = status["RequestId"]!.GetValue<string>();
        var final = (JsonObject)status.DeepClone();
        _requests[id] = reserved.Request with { Final = final };
        _requests.TryRemove(reserved.Placeholder, out _);
        if (member == "AccountAssignmentCreationStatus") AddProvisioned(Text(body, "PermissionSetArn"), Text(body, "TargetId"));
        status["Status"] = "IN_PROGRESS";
        response.Dispose();
        return Json(answer);
    }

    private HttpResponseMessage StartProvisioning(JsonObject body)
    {
        var arn = Text(body, "PermissionSetArn");
        var account = Text(body, "TargetId");
        var id = Guid.NewGuid().ToString();
        var final = new JsonObject
        {
            ["AccountId"] = account, ["PermissionSetArn"] = arn, ["RequestId"] = id, ["Status"] = "SUCCEEDED",
            ["CreatedDate"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
        };
        if (Reserve("PermissionSetProvisioningStatus", final) is not { } reserved) return InFlightRefusal();
        _requests.TryRemove(reserved.Placeholder, out _);
        _requests[id] = reserved.Request;
        AddProvisioned(arn, account);
        var started = (JsonObject)final.DeepClone();
        started["Status"] = "IN_PROGRESS";
        return Json(new JsonObject { ["PermissionSetProvisioningStatus"] = started });
    }

    private HttpResponseMessage Describe(string? requestId, string member)
    {
        if (requestId == null || !_requests.TryGetValue(requestId, out var r) || r.Kind != member)
            return Error("ResourceNotFoundException", $"Request {requestId} not found");
        var status = (JsonObject)r.Final.DeepClone();
        if (_clock.Elapsed < r.DoneAt) status["Status"] = "IN_PROGRESS";
        return Json(new JsonObject { [member] = status });
    }

    /// <summary>
    /// The instance's requests of one kind, newest first (AWS does not document the order; a client must not rely
    /// on it), a page of MaxResults at a time, with an optional status filter.
    /// </summary>
    private HttpResponseMessage ListStatuses(JsonObject body, string kind, string member)
    {
        var now = _clock.Elapsed;
        var filter = body["Filter"]?["Status"]?.GetValue<string>();
        var items = _requests.Values.Where(r => r.Kind == kind && r.Final["RequestId"] != null)
            .OrderByDescending(r => r.Accepted)
            .Select(r => (Id: r.Final["RequestId"]!.GetValue<string>(), Status: now < r.DoneAt ? "IN_PROGRESS" : r.Final["Status"]!.GetValue<string>(), Created: r.Final["CreatedDate"]?.DeepClone()))
            .Where(r => filter == null || r.Status == filter).ToList();
        var size = body["MaxResults"]?.GetValue<int>() ?? 100;
        var start = int.TryParse(body["NextToken"]?.GetValue<string>(), out var s) ? s : 0;
        var page = new JsonObject
        {
            [member] = new JsonArray(items.Skip(start).Take(size).Select(i => (JsonNode)new JsonObject { ["RequestId"] = i.Id, ["Status"] = i.Status, ["CreatedDate"] = i.Created }).ToArray()),
        };
        if (start + size < items.Count) page["NextToken"] = (start + size).ToString();
        return Json(page);
    }

    private void AddProvisioned(string permissionSetArn, string accountId)
    {
        var accounts = _provisioned.GetOrAdd(permissionSetArn, _ => new List<string>());
        lock (accounts) if (!accounts.Contains(accountId)) accounts.Add(accountId);
    }

    private static List<string> Snapshot(List<string> list) { lock (list) return list.ToList(); }

    /// <summary>One page of at most MaxResults (100 by default), with AWS's NextToken.</summary>
    private static HttpResponseMessage Page(List<string> items, JsonObject body, string member)
    {
        var size = body["MaxResults"]?.GetValue<int>() ?? 100;
        var start = int.TryParse(body["NextToken"]?.GetValue<string>(), out var s) ? s : 0;
        var page = new JsonObject { [member] = new JsonArray(items.Skip(start).Take(size).Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()) };
        if (start + size < items.Count) page["NextToken"] = (start + size).ToString();
        return Json(page);
    }

    private static HttpResponseMessage InFlightRefusal()
    {
        var refused = Error("ThrottlingException", "Too many requests in progress");
        refused.Headers.TryAddWithoutValidation(RefusalHeader, "in-flight");
        return refused;
    }

    private static string Text(JsonObject body, string name) => body[name]?.GetValue<string>() ?? "";

    private static HttpResponseMessage Json(JsonObject body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
    };

    private static HttpResponseMessage Error(string type, string message)
    {
        var r = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent($"{{\"__type\":\"{type}\",\"message\":\"{message}\"}}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        r.Headers.TryAddWithoutValidation("x-amzn-ErrorType", type);
        return r;
    }

    private sealed record AsyncRequest(string Kind, TimeSpan Accepted, TimeSpan DoneAt, JsonObject Final);
}
