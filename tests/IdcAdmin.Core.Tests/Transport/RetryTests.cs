using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>Retries: transient faults are ridden out without duplicate writes, the budget is kept, final errors are not retried.</summary>
public sealed class RetryTests
{
    private const string StoreId = "d-9067230d4f";

    /// <summary>An in-memory identity store that counts each group it creates by name.</summary>
    private static (ScriptedHandler Backend, ConcurrentDictionary<string, int> Writes) GroupBackend()
    {
        var writes = new ConcurrentDictionary<string, int>();
        var backend = new ScriptedHandler().On("CreateGroup", body =>
        {
            var name = body["DisplayName"]!.GetValue<string>();
            writes.AddOrUpdate(name, 1, (_, n) => n + 1);
            return new { GroupId = "g-" + name, IdentityStoreId = StoreId };
        });
        return (backend, writes);
    }

    [Theory]
    [InlineData(0.3, 0.1, 0.0)]
    [InlineData(0.3, 0.1, 0.15)]
    public async Task Concurrent_writes_through_throttling_5xx_and_dropped_connections_each_reach_the_backend_once(double throttle, double serverErrors, double drops)
    {
        var (backend, writes) = GroupBackend();
        var faults = new FaultInjectingHandler(backend, seed: 7) { ThrottleRate = throttle, ServerErrorRate = serverErrors, DropRate = drops };
        // The seed fixes which attempts of which call fault, whatever order the 200 concurrent calls arrive in, so
        // this run is the same every time: its deepest retry streak (asserted below) stays well inside the budget.
        using var connection = ScriptedConnection.Connect(faults, ScriptedConnection.FastRetry(maxAttempts: 20));
        var names = Enumerable.Range(0, 200).Select(i => $"group-{i:D3}").ToArray();

        var results = await Task.WhenAll(names.Select(n =>
            connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = StoreId, DisplayName = n })));

        Assert.Equal(names.Select(n => "g-" + n), results.Select(r => r.GroupId));
        Assert.Equal(200, writes.Count);
        Assert.All(writes, w => Assert.Equal(1, w.Value));
        Assert.True(faults.Throttled > 30, $"only {faults.Throttled} throttles were injected");
        Assert.True(faults.ServerErrors > 5, $"only {faults.ServerErrors} 5xx were injected");
        if (drops > 0) Assert.True(faults.Dropped > 5, $"only {faults.Dropped} drops were injected");
        Assert.True(faults.MostFaultsInARow >= 5, $"no call was retried more than {faults.MostFaultsInARow} times in a row");
        Assert.Equal(200 + faults.Throttled + faults.ServerErrors + faults.Dropped, connection.AttemptCount);
    }

    [Fact]
    public async Task A_call_that_keeps_failing_stops_after_the_retry_budget_with_the_last_AWS_error()
    {
        var attempt = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ =>
            ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", $"Rate exceeded (attempt {Interlocked.Increment(ref attempt)})"));
        using var connection = ScriptedConnection.Connect(backend, ScriptedConnection.FastRetry(maxAttempts: 4));

        var e = await Assert.ThrowsAsync<AwsThrottlingException>(() =>
            connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = StoreId, GroupId = "g" }));

        Assert.Equal(4, backend.CountOf("DescribeGroup"));
        Assert.Equal(4, connection.AttemptCount);
        Assert.Equal("ThrottlingException", e.ErrorCode);
        Assert.Equal("Rate exceeded (attempt 4)", e.AwsMessage);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.Contains(e.RequestId!, e.Message);
        Assert.Equal("DescribeGroup", e.Operation);
        Assert.Equal("identitystore", e.Service);
    }

    [Theory]
    [InlineData("ValidationException", null, typeof(AwsValidationException))]
    [InlineData("ResourceNotFoundException", null, typeof(AwsNotFoundException))]
    [InlineData("AccessDeniedException", null, typeof(AwsAccessDeniedException))]
    [InlineData("ServiceQuotaExceededException", null, typeof(AwsQuotaExceededException))]
    [InlineData("ConflictException", "UNIQUENESS_CONSTRAINT_VIOLATION", typeof(AwsConflictException))]
    public async Task Errors_that_cannot_pass_on_retry_are_not_retried(string code, string? reason, Type expected)
    {
        var backend = new ScriptedHandler().On("CreateGroup", _ => ScriptedResponse.Error(HttpStatusCode.BadRequest, code, "no", reason));
        using var connection = ScriptedConnection.Connect(backend);

        var e = await Assert.ThrowsAnyAsync<AwsServiceException>(() =>
            connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = StoreId, DisplayName = "x" }));

        Assert.IsType(expected, e);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(1, backend.CountOf("CreateGroup"));
    }

    [Fact]
    public async Task A_uniqueness_conflict_says_so()
    {
        var backend = new ScriptedHandler().On("CreateGroup", _ =>
            ScriptedResponse.Error(HttpStatusCode.BadRequest, "ConflictException", "Duplicate DisplayName", "UNIQUENESS_CONSTRAINT_VIOLATION"));
        using var connection = ScriptedConnection.Connect(backend);
        var e = await Assert.ThrowsAsync<AwsConflictException>(() =>
            connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = StoreId, DisplayName = "x" }));
        Assert.True(e.IsUniquenessViolation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CONCURRENT_MODIFICATION")]
    public async Task A_conflict_that_is_not_a_uniqueness_violation_is_retried(string? reason)
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("CreateGroupMembership", _ => Interlocked.Increment(ref attempts) <= 2
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "ConflictException", "Concurrent modification", reason)
            : ScriptedResponse.Ok(new { MembershipId = "m-1", IdentityStoreId = StoreId }));
        using var connection = ScriptedConnection.Connect(backend);

        var result = await connection.IdentityStore.CreateGroupMembershipAsync(new CreateGroupMembershipRequest
        {
            IdentityStoreId = StoreId, GroupId = "g", MemberId = new MemberId { UserId = "u" },
        });

        Assert.Equal("m-1", result.MembershipId);
        Assert.Equal(3, backend.CountOf("CreateGroupMembership"));
    }

    [Fact]
    public async Task Every_attempt_is_freshly_signed()
    {
        var signatures = new ConcurrentQueue<(string? Authorization, string? Date, string? Token)>();
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeUser", _ => Interlocked.Increment(ref attempts) <= 2
            ? ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", "busy")
            : ScriptedResponse.Ok(new { UserId = "u", IdentityStoreId = StoreId }));
        var capture = new HeaderCapturingHandler(backend, r => signatures.Enqueue((
            Header(r, "Authorization"), Header(r, "X-Amz-Date"), Header(r, "X-Amz-Security-Token"))));
        var credentials = new SessionAWSCredentials("AKIDSESSION", "session-secret", "session-token");
        using var connection = ScriptedConnection.Connect(capture, credentials: credentials);

        await connection.IdentityStore.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = StoreId, UserId = "u" });

        Assert.Equal(3, signatures.Count);
        Assert.All(signatures, s =>
        {
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDSESSION/", s.Authorization);
            Assert.Contains("/us-east-1/identitystore/aws4_request", s.Authorization);
            Assert.Matches(@"^\d{8}T\d{6}Z$", s.Date);
            Assert.Equal("session-token", s.Token);
        });
    }

    private static string? Header(HttpRequestMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.First() : null;
}

/// <summary>Shows each request as it leaves the signer, then passes it on.</summary>
public sealed class HeaderCapturingHandler : DelegatingHandler
{
    private readonly Action<HttpRequestMessage> _capture;
    public HeaderCapturingHandler(HttpMessageHandler inner, Action<HttpRequestMessage> capture) : base(inner) => _capture = capture;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _capture(request);
        return base.SendAsync(request, cancellationToken);
    }
}
