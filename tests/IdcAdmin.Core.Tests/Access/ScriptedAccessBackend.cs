using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>
/// An in-memory Identity Center + Organizations for the asynchronous paths moto cannot show: assignment requests stay
/// IN_PROGRESS for a number of polls, some accounts FAIL, and the number of requests outstanding at once is measured.
/// </summary>
public sealed class ScriptedAccessBackend
{
    public const string InstanceArn = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
    public const string PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef";
    public const string PermissionSetName = "ReadOnly";
    public const string GroupName = "Devs";
    public const string GroupId = "11111111-2222-3333-4444-555555555555";

    private readonly ConcurrentDictionary<string, (string Account, int Polls, long Created)> _requests = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, bool> _finished = new();
    private int _outstanding;
    private int _maxOutstanding;

    public ScriptedAccessBackend(int accounts)
    {
        AccountIds = Enumerable.Range(1, accounts).Select(i => (100000000000L + i).ToString()).ToList();
        Handler = new ScriptedHandler()
            .On("ListRoots", _ => new { Roots = new[] { new { Id = "r-ab12", Name = "Root", Arn = "arn:aws:organizations::1:root/o-1/r-ab12" } } })
            .On("ListOrganizationalUnitsForParent", _ => new { OrganizationalUnits = Array.Empty<object>() })
            .On("ListAccountsForParent", _ => new { Accounts = AccountIds.Select(id => new { Id = id, Name = "acct-" + id[^3..], Status = "ACTIVE" }).ToArray() })
            .On("GetGroupId", _ => new { GroupId, IdentityStoreId = "d-1234567890" })
            .On("ListPermissionSets", _ => new { PermissionSets = new[] { PermissionSetArn } })
            .On("DescribePermissionSet", _ => new { PermissionSet = new { Name = PermissionSetName, PermissionSetArn } })
            .On("ListAccountAssignmentsForPrincipal", _ => new { AccountAssignments = Array.Empty<object>() })
            .On("CreateAccountAssignment", Create)
            .On("DescribeAccountAssignmentCreationStatus", Describe)
            .On("ListAccountAssignmentCreationStatus", List);
    }

    public ScriptedHandler Handler { get; }
    public List<string> AccountIds { get; }
    /// <summary>Polls a request answers IN_PROGRESS before its final status.</summary>
    public int PollsInProgress { get; set; } = 2;
    /// <summary>
    /// When set, a request finishes this long after it was accepted, as in AWS, instead of after
    /// <see cref="PollsInProgress"/> polls.
    /// </summary>
    public TimeSpan? CompletionTime { get; set; }
    /// <summary>Accounts whose requests end FAILED.</summary>
    public HashSet<string> FailingAccounts { get; } = new();
    /// <summary>Never finish: every poll answers IN_PROGRESS.</summary>
    public bool NeverFinish { get; set; }
    /// <summary>
    /// No request finishes before this many have been outstanding at once: a caller that keeps its cap of
    /// concurrent requests reaches it however slowly it sends, one that exceeds the cap exceeds it.
    /// </summary>
    public int HoldUntilOutstanding { get; set; }
    public int MaxOutstanding => Volatile.Read(ref _maxOutstanding);
    /// <summary>When set, every this-many-th call of a session is throttled before reaching <see cref="Handler"/>.</summary>
    public int ThrottleEvery { get; set; }
    /// <summary>The throttler in front of the last session's calls, when <see cref="ThrottleEvery"/> is set.</summary>
    public SporadicThrottler? Throttler { get; private set; }

    /// <summary>A session on this backend; <paramref name="front"/> may put a handler in front of it (it gets the backend as its inner handler).</summary>
    public IdcSession Session(Func<HttpMessageHandler, DelegatingHandler>? front = null)
    {
        HttpMessageHandler inner = ThrottleEvery > 0 ? Throttler = new SporadicThrottler(Handler, ThrottleEvery) : Handler;
        var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", new AwsTransportOptions
        {
            EndpointUrl = "http://127.0.0.1:1",
            InnerHandler = front?.Invoke(inner) ?? inner,
            RateLimiter = RequestRateLimiter.PerSecond(1000, 1000),
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) },
        });
        return new IdcSession(connection, new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" })
        {
            Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(30) },
        };
    }

    private object Create(JsonObject body)
    {
        var account = body["TargetId"]!.GetValue<string>();
        var id = Guid.NewGuid().ToString();
        _requests[id] = (account, 0, _clock.ElapsedTicks);
        var now = Interlocked.Increment(ref _outstanding);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxOutstanding)) && Interlocked.CompareExchange(ref _maxOutstanding, now, seen) != seen) { }
        return new { AccountAssignmentCreationStatus = Status(id, account, "IN_PROGRESS", null) };
    }

    private ScriptedResponse Describe(JsonObject body)
    {
        var id = body["AccountAssignmentCreationRequestId"]!.GetValue<string>();
        if (!_requests.TryGetValue(id, out var r))
            return ScriptedResponse.Error(HttpStatusCode.BadRequest, "ResourceNotFoundException", "No such request");
        var unfinished = CompletionTime is { } completion
            ? TimeSpan.FromSeconds((_clock.ElapsedTicks - r.Created) / (double)System.Diagnostics.Stopwatch.Frequency) < completion
            : r.Polls < PollsInProgress;
        if (!_finished.ContainsKey(id) && (NeverFinish || unfinished || MaxOutstanding < HoldUntilOutstanding))
        {
            _requests[id] = (r.Account, r.Polls + 1, r.Created);
            return ScriptedResponse.Ok(new { AccountAssignmentCreationStatus = Status(id, r.Account, "IN_PROGRESS", null) });
        }
        // Reported finished: no longer outstanding for the caller (counted once), still describable for its reason.
        if (_finished.TryAdd(id, true)) Interlocked.Decrement(ref _outstanding);
        var failed = FailingAccounts.Contains(r.Account);
        return ScriptedResponse.Ok(new
        {
            AccountAssignmentCreationStatus = Status(id, r.Account, failed ? "FAILED" : "SUCCEEDED", failed ? "Received a 404 status error: Not supported account." : null),
        });
    }

    /// <summary>Every request not yet reported finished, with its status now; finished ones leave the list once reported.</summary>
    private object List(JsonObject body)
    {
        var statuses = _requests.Keys.ToList().Select(id => (id, Describe(new JsonObject { ["AccountAssignmentCreationRequestId"] = id })))
            .Select(p => new { RequestId = p.id, Status = JsonNode.Parse(p.Item2.Body)!["AccountAssignmentCreationStatus"]!["Status"]!.GetValue<string>() }).ToArray();
        return new { AccountAssignmentsCreationStatus = statuses };
    }

    private static object Status(string id, string account, string status, string? reason) => new
    {
        Status = status, RequestId = id, FailureReason = reason, TargetId = account, TargetType = "AWS_ACCOUNT",
        PermissionSetArn, PrincipalType = "GROUP", PrincipalId = GroupId,
    };
}
