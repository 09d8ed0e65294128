using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>
/// Retries as the AWS SDKs' standard/adaptive modes: attempts are counted, timeouts read from the settings; nothing
/// here measures wall time.
/// </summary>
public sealed class RetryModeTests
{
    private const string StoreId = "d-1234567890";
    private static readonly DescribeGroupRequest Request = new() { IdentityStoreId = StoreId, GroupId = "g" };

    private sealed class ListLog : IAwsCallLog
    {
        public readonly ConcurrentQueue<string> Verbose = new();
        public void Debug(string message) { }
        void IAwsCallLog.Verbose(string message) => Verbose.Enqueue(message);
    }

    /// <summary>The defaults' attempt counts and timeouts, with millisecond backoff.</summary>
    private static AwsRetryOptions Defaults() => new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public void The_defaults_are_three_attempts_a_5_s_connect_timeout_and_a_30_s_response_timeout()
    {
        var options = new AwsRetryOptions();
        Assert.Equal(3, options.MaxAttempts);
        Assert.True(options.ThrottleMaxAttempts > options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
    }

    [Fact]
    public void A_connection_applies_the_configured_connect_and_response_timeouts_to_every_client()
    {
        using var connection = AwsConnection.Create(new AwsConnectionSettings
        {
            Credentials = MotoServer.TestCredentials, Region = "us-east-1", EndpointUrl = "http://127.0.0.1:1",
            Retry = new AwsRetryOptions { ConnectTimeout = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromSeconds(7) },
        });

        Assert.Equal(3, connection.Transports.Count);
        foreach (var transport in connection.Transports)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), transport.Retry.AttemptTimeout);
            // The handler the request really goes through carries the connect timeout.
            Assert.Equal(TimeSpan.FromSeconds(2), HttpHandlerFactory.ConnectTimeoutOf(transport.InnerHandler));
        }
    }

    [Fact]
    public async Task A_refused_port_fails_after_three_attempts_with_a_connection_error_naming_the_endpoint()
    {
        var endpoint = $"http://127.0.0.1:{FreePort()}";
        using var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1",
            new AwsTransportOptions { EndpointUrl = endpoint, Retry = Defaults() });

        var e = await Assert.ThrowsAsync<AwsConnectionException>(() => connection.IdentityStore.DescribeGroupAsync(Request));

        Assert.Equal(AwsConnectionFailure.Refused, e.Failure);
        Assert.Equal(3, connection.AttemptCount);
        Assert.Equal(3, e.Attempts);
        Assert.Contains(endpoint, e.Message);
        Assert.Contains("refused", e.Message);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_not_retried()
    {
        using var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1",
            new AwsTransportOptions { EndpointUrl = "http://idcadmin-test.invalid", Retry = Defaults() });

        var e = await Assert.ThrowsAsync<AwsConnectionException>(() => connection.IdentityStore.DescribeGroupAsync(Request));

        Assert.Equal(AwsConnectionFailure.NameNotResolved, e.Failure);
        Assert.Equal(1, connection.AttemptCount);
        Assert.Contains("idcadmin-test.invalid", e.Message);
    }

    [Fact]
    public async Task A_5xx_is_tried_three_times()
    {
        var backend = new ScriptedHandler().On("DescribeGroup", _ => ScriptedResponse.Error(HttpStatusCode.InternalServerError, "InternalServerException", "boom"));
        using var connection = ScriptedConnection.Connect(backend, Defaults());

        await Assert.ThrowsAsync<AwsServiceException>(() => connection.IdentityStore.DescribeGroupAsync(Request));

        Assert.Equal(3, backend.CountOf("DescribeGroup"));
    }

    [Fact]
    public async Task Throttling_is_retried_longer_than_a_5xx_and_the_session_rate_slows_down_then_recovers()
    {
        var throttleNext = 1;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Volatile.Read(ref throttleNext) == 1
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = StoreId }));
        var limiter = RequestRateLimiter.PerSecond(10_000, burst: 10_000);
        using var connection = ScriptedConnection.Connect(backend, Defaults(), limiter);

        await Assert.ThrowsAsync<AwsThrottlingException>(() => connection.IdentityStore.DescribeGroupAsync(Request));
        Assert.Equal(new AwsRetryOptions().ThrottleMaxAttempts, backend.CountOf("DescribeGroup"));
        var slowed = limiter.CurrentRequestsPerSecond;
        Assert.True(slowed < limiter.RequestsPerSecond / 10, $"the rate only fell to {slowed}");

        Volatile.Write(ref throttleNext, 0);
        for (var i = 0; i < 25; i++) await connection.IdentityStore.DescribeGroupAsync(Request);
        Assert.Equal(limiter.RequestsPerSecond, limiter.CurrentRequestsPerSecond);
    }

    [Fact]
    public async Task The_retry_budget_is_shared_by_the_session_and_a_spent_budget_stops_retries()
    {
        var backend = new ScriptedHandler()
            .On("DescribeGroup", _ => ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "InternalServerException", "down"))
            .On("DescribeInstance", _ => ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "InternalServerException", "down"));
        var options = ScriptedConnection.Options(backend, Defaults());
        options.RetryQuota = new RetryQuota(capacity: 2 * RetryQuota.RetryCost);
        using var connection = new AwsConnection(MotoServer.TestCredentials, "us-east-1", options);

        await Assert.ThrowsAsync<AwsServiceException>(() => connection.IdentityStore.DescribeGroupAsync(Request));
        Assert.Equal(3, backend.CountOf("DescribeGroup"));
        // Another client of the same session finds the budget spent: one attempt, no retry.
        await Assert.ThrowsAsync<AwsServiceException>(() => connection.SsoAdmin.DescribeInstanceAsync(new() { InstanceArn = "arn:aws:sso:::instance/ssoins-1" }));
        Assert.Equal(1, backend.CountOf("DescribeInstance"));
        Assert.Equal(0, connection.RetryQuota.Available);
    }

    [Fact]
    public async Task Each_retry_is_told_on_the_verbose_log_with_its_reason_and_wait()
    {
        var attempts = 0;
        var backend = new ScriptedHandler().On("DescribeGroup", _ => Interlocked.Increment(ref attempts) == 1
            ? ScriptedResponse.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            : ScriptedResponse.Ok(new { GroupId = "g", IdentityStoreId = StoreId }));
        var log = new ListLog();
        using var connection = ScriptedConnection.Connect(backend, Defaults(), log: log);

        await connection.IdentityStore.DescribeGroupAsync(Request);

        var line = Assert.Single(log.Verbose);
        Assert.Matches(@"^identitystore DescribeGroup: ThrottlingException \(HTTP 400\); retry 1 of 9 in \d+ ms\.$", line);
    }

    [Fact]
    public async Task Under_30_percent_throttling_and_10_percent_5xx_no_call_fails_for_throttling_and_only_three_5xx_fail_a_call()
    {
        // With 3 attempts for 5xx a call fails when three of its attempts meet one: (0.1 / 0.7)^3, about 0.3% of
        // calls here (throttled attempts do not count): about one call in 200.
        var backend = new ScriptedHandler().On("DescribeGroup", _ => new { GroupId = "g", IdentityStoreId = StoreId });
        var faults = new FaultInjectingHandler(backend, seed: 7) { ThrottleRate = 0.3, ServerErrorRate = 0.1 };
        using var connection = ScriptedConnection.Connect(faults, Defaults());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await connection.IdentityStore.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = StoreId, GroupId = $"g-{i}" });
                return null;
            }
            catch (AwsServiceException e) { return e; }
        }));

        var failures = outcomes.Where(e => e != null).ToList();
        Assert.True(faults.Throttled > 40 && faults.ServerErrors > 10, $"{faults.Throttled} throttles, {faults.ServerErrors} 5xx injected");
        Assert.True(failures.Count <= 2, $"{failures.Count} of 200 calls failed");
        Assert.All(failures, e => Assert.Equal(HttpStatusCode.ServiceUnavailable, e!.StatusCode));
        Assert.Equal(200 - failures.Count + faults.Throttled + faults.ServerErrors, connection.AttemptCount);
        Assert.True(faults.ServerErrors >= 3 * failures.Count);
    }

    [Fact]
    public async Task A_lost_reply_is_looked_up_before_the_request_is_sent_again()
    {
        var backend = new ScriptedHandler().On("CreateGroup", _ => new { GroupId = "g-1", IdentityStoreId = StoreId });
        var faults = new FaultInjectingHandler(backend) { DropReplyAfterApply = { "CreateGroup" } };
        using var connection = ScriptedConnection.Connect(faults, Defaults());
        var lookups = 0;

        var created = await connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = StoreId, DisplayName = "x" },
            _ => { lookups++; return Task.FromResult<CreateGroupResponse?>(new CreateGroupResponse { GroupId = "g-1", IdentityStoreId = StoreId }); });

        Assert.Equal("g-1", created.GroupId);
        Assert.Equal(1, lookups);
        Assert.Equal(1, backend.CountOf("CreateGroup"));
    }
}

/// <summary>A region no AWS partition has, behind an endpoint that cannot answer for it, is reported as the region's fault.</summary>
public sealed class UnknownRegionTests
{
    [Fact]
    public async Task An_unknown_region_whose_listing_fails_names_the_region_not_the_endpoint()
    {
        var backend = new ScriptedHandler().On("ListInstances", _ => new ScriptedResponse { Status = HttpStatusCode.InternalServerError, Body = "<html>no</html>" });
        using var connection = ScriptedConnection.Connect(backend, new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }, region: "xx-fake-1");

        var e = await Assert.ThrowsAsync<AwsConfigurationException>(() => IdcConnector.ConnectAsync(connection, null, CancellationToken.None));

        Assert.Contains("'xx-fake-1' is not a known AWS region", e.Message);
    }

    [Fact]
    public async Task A_known_region_keeps_the_endpoints_own_error()
    {
        var backend = new ScriptedHandler().On("ListInstances", _ => new ScriptedResponse { Status = HttpStatusCode.InternalServerError, Body = "<html>no</html>" });
        using var connection = ScriptedConnection.Connect(backend, new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }, region: "eu-west-1");

        await Assert.ThrowsAsync<AwsUnexpectedResponseException>(() => IdcConnector.ConnectAsync(connection, null, CancellationToken.None));
    }
}
