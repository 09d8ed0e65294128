using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IdcAdmin.Bench;

/// <summary>
/// Makes a local emulator behave like the real service for timing: every call takes <see cref="Latency"/>, the
/// server answers ThrottlingException beyond <see cref="RequestsPerSecond"/> (a token bucket, as AWS meters) and at
/// random for <see cref="ThrottleRate"/> of calls, and account assignments report IN_PROGRESS for the first
/// <see cref="PollsInProgress"/> status polls. Sits under the signer, in front of the emulator.
/// </summary>
public sealed class ServiceShaper : DelegatingHandler
{
    private readonly object _gate = new();
    private readonly Random _random = new(7);
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private double _tokens;
    private DateTime _refilled = DateTime.UtcNow;
    private int _calls;
    private int _throttled;

    public ServiceShaper(HttpMessageHandler inner) : base(inner) { }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(40);
    public double RequestsPerSecond { get; set; } = 20;
    public double ThrottleRate { get; set; }
    public int PollsInProgress { get; set; } = 2;

    /// <summary>Calls that reached the service, throttled ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);
    public int Throttled => Volatile.Read(ref _throttled);

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _throttled, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, cancellationToken);
        Interlocked.Increment(ref _calls);
        if (!Admit())
        {
            Interlocked.Increment(ref _throttled);
            return Throttling();
        }
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First().Split('.').Last() : "";
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return response;
        if (operation == "CreateAccountAssignment") return await RewriteAsync(response, "AccountAssignmentCreationStatus", created: true);
        if (operation == "DescribeAccountAssignmentCreationStatus") return await RewriteAsync(response, "AccountAssignmentCreationStatus", created: false);
        return response;
    }

    private bool Admit()
    {
        lock (_gate)
        {
            if (ThrottleRate > 0 && _random.NextDouble() < ThrottleRate) return false;
            var now = DateTime.UtcNow;
            _tokens = Math.Min(RequestsPerSecond, _tokens + (now - _refilled).TotalSeconds * RequestsPerSecond);
            _refilled = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>The emulator finishes assignments at once; report IN_PROGRESS until the request has been polled enough.</summary>
    private async Task<HttpResponseMessage> RewriteAsync(HttpResponseMessage response, string member, bool created)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var status = body[member]!.AsObject();
        var id = status["RequestId"]!.GetValue<string>();
        var polls = created ? _polls[id] = 0 : _polls.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (polls <= PollsInProgress && status["Status"]?.GetValue<string>() == "SUCCEEDED") status["Status"] = "IN_PROGRESS";
        var rewritten = new HttpResponseMessage(response.StatusCode)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        foreach (var h in response.Headers) rewritten.Headers.TryAddWithoutValidation(h.Key, h.Value);
        response.Dispose();
        return rewritten;
    }

    private static HttpResponseMessage Throttling()
    {
        var r = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        r.Headers.TryAddWithoutValidation("x-amzn-ErrorType", "ThrottlingException");
        return r;
    }
}
