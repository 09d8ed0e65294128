using System.Diagnostics;
using Amazon.Runtime;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Bench;

/// <summary>
/// Granting one group one permission set on 100 accounts through a shaped emulator (40 ms per call, 20 requests/s
/// server budget, assignments IN_PROGRESS for 2 polls): the batch engine against a sequential create-then-poll loop.
/// </summary>
public sealed class GrantBenchmark : IBenchmark
{
    private const int Accounts = 100;
    private const double RateLimit = 20;
    /// <summary>What scripts over AWS.Tools do between polls (Start-Sleep 1).</summary>
    private static readonly TimeSpan ScriptPollInterval = TimeSpan.FromSeconds(1);
    /// <summary>The engine's first poll interval (it grows by half per poll, up to 1 s).</summary>
    private static readonly PollOptions EnginePolling = new() { Interval = TimeSpan.FromMilliseconds(250), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(5) };
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret");

    public string Name => "grant";
    public string Description => $"grant one group one permission set on {Accounts} accounts: engine vs sequential create-then-poll loop, through a 40 ms / {RateLimit} req/s shaper";

    public async Task RunAsync(string[] args)
    {
        using var moto = await GrantMotoServer.StartAsync();
        var shaper = new ServiceShaper(new HttpClientHandler());
        using var setup = new AwsConnection(Credentials, "us-east-1", Options(moto.Url, new HttpClientHandler(), 1000));
        using var setupSession = await IdcConnector.ConnectAsync(setup, null, CancellationToken.None);
        var (accountIds, permissionSetArn) = await BuildOrganizationAsync(setupSession);
        Console.WriteLine($"Setup: {accountIds.Count} accounts, permission set {permissionSetArn}");
        Console.WriteLine($"Engine: at most {AssignmentDispatcher.DefaultMaxInFlight} requests outstanding, client limit {RateLimit} req/s, first poll interval {EnginePolling.Interval.TotalMilliseconds:0} ms.");
        Console.WriteLine($"Loop:   one account at a time, create, then sleep {ScriptPollInterval.TotalSeconds:0} s and poll until done (as AWS.Tools scripts do).");

        foreach (var throttleRate in new[] { 0.0, 0.2 })
        {
            shaper.ThrottleRate = throttleRate;
            Console.WriteLine();
            Console.WriteLine($"-- {throttleRate:P0} of responses throttled at random, on top of the {RateLimit} req/s server budget");
            var engine = await RunEngineAsync(moto.Url, shaper, setupSession, accountIds, permissionSetArn);
            Report("engine", engine);
            await Task.Delay(1500);
            var loop = await RunLoopAsync(moto.Url, shaper, setupSession, accountIds, permissionSetArn, ScriptPollInterval);
            Report($"loop ({ScriptPollInterval.TotalMilliseconds:0} ms)", loop);
            Console.WriteLine($"   engine is {loop.Elapsed.TotalSeconds / engine.Elapsed.TotalSeconds:0.0}x faster than the loop; {engine.Elapsed.TotalSeconds / engine.Bound.TotalSeconds:0.00}x the rate-limit bound");
        }
    }

    private static void Report(string label, Measurement m) =>
        Console.WriteLine($"   {label,-12} {m.Elapsed.TotalSeconds,6:0.0} s  {m.Calls,4} calls ({m.Throttled} throttled)  bound {m.Bound.TotalSeconds,5:0.0} s (calls / {RateLimit} req/s)  " +
                          $"{m.Elapsed.TotalSeconds / m.Bound.TotalSeconds:0.00}x bound  succeeded {m.Succeeded}, failed {m.Failed}");

    private static async Task<Measurement> RunEngineAsync(string url, ServiceShaper shaper, IdcSession setup, List<string> accountIds, string permissionSetArn)
    {
        var group = await GroupAsync(setup);
        using var connection = new AwsConnection(Credentials, "us-east-1", Options(url, shaper, RateLimit));
        using var session = await IdcConnector.ConnectAsync(connection, null, CancellationToken.None);
        session.Polling = EnginePolling;
        await Task.Delay(1500);
        shaper.ResetCounters();
        var watch = Stopwatch.StartNew();
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, group) }, new[] { permissionSetArn }, accountIds);
        var plan = await AssignmentPlanner.PlanAsync(session, requests, AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);
        if (plan.HasErrors) throw new InvalidOperationException(string.Join("; ", plan.Errors.Select(e => e.Message)));
        int ok = 0, failed = 0;
        await foreach (var r in new AssignmentDispatcher(session, NullOutputWriter.Instance).SendAsync(plan.ToSend, AssignmentOperation.Create, CancellationToken.None))
            if (r.Status == AssignmentStatus.Succeeded) ok++; else failed++;
        return new Measurement(watch.Elapsed, shaper.Calls, shaper.Throttled, ok, failed);
    }

    private static async Task<Measurement> RunLoopAsync(string url, ServiceShaper shaper, IdcSession setup, List<string> accountIds, string permissionSetArn, TimeSpan pollInterval)
    {
        var group = await GroupAsync(setup);
        var groupId = (await setup.Principals.FindGroupIdAsync(group, CancellationToken.None))!;
        using var connection = new AwsConnection(Credentials, "us-east-1", Options(url, shaper, 1000));
        var sso = connection.SsoAdmin;
        await Task.Delay(1500);
        shaper.ResetCounters();
        var watch = Stopwatch.StartNew();
        int ok = 0, failed = 0;
        foreach (var account in accountIds)
        {
            var status = (await sso.CreateAccountAssignmentAsync(new CreateAccountAssignmentRequest
            {
                InstanceArn = setup.InstanceArn, TargetId = account, TargetType = "AWS_ACCOUNT", PermissionSetArn = permissionSetArn, PrincipalType = "GROUP", PrincipalId = groupId,
            })).AccountAssignmentCreationStatus!;
            while (status.Status == "IN_PROGRESS")
            {
                await Task.Delay(pollInterval);
                status = (await sso.DescribeAccountAssignmentCreationStatusAsync(new DescribeAccountAssignmentCreationStatusRequest
                    { InstanceArn = setup.InstanceArn, AccountAssignmentCreationRequestId = status.RequestId })).AccountAssignmentCreationStatus!;
            }
            if (status.Status == "SUCCEEDED") ok++; else failed++;
        }
        return new Measurement(watch.Elapsed, shaper.Calls, shaper.Throttled, ok, failed);
    }

    private static AwsTransportOptions Options(string url, HttpMessageHandler inner, double rate) => new()
    {
        EndpointUrl = url,
        InnerHandler = inner,
        RateLimiter = RequestRateLimiter.PerSecond(rate),
        Retry = new AwsRetryOptions(),
    };

    private static async Task<string> GroupAsync(IdcSession session)
    {
        var name = "bench-" + Guid.NewGuid().ToString("N")[..8];
        await session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = name });
        return name;
    }

    private static async Task<(List<string> AccountIds, string PermissionSetArn)> BuildOrganizationAsync(IdcSession session)
    {
        var org = session.Connection.Organizations;
        try { await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        var ids = new List<string>();
        for (var i = 0; i < Accounts; i++)
        {
            var name = $"bench-{i:000}";
            ids.Add((await org.CreateAccountAsync(new CreateAccountRequest { AccountName = name, Email = name + "@example.com" })).CreateAccountStatus!.AccountId!);
        }
        var ps = await session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = "BenchReadOnly", SessionDuration = "PT1H" });
        return (ids, ps.PermissionSet!.PermissionSetArn!);
    }

    private sealed record Measurement(TimeSpan Elapsed, int Calls, int Throttled, int Succeeded, int Failed)
    {
        public TimeSpan Bound => TimeSpan.FromSeconds(Calls / RateLimit);
    }
}
