using System.Diagnostics;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Sandbox;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Bench;

/// <summary>
/// The embedded sandbox under the real transport: the cost of one request through signing, retry and JSON in process,
/// and a 100-account grant whose assignments stay IN_PROGRESS for 1 s, as AWS's do, at AWS's 20 requests/s.
/// </summary>
public sealed class SandboxBenchmark : IBenchmark
{
    private const int Requests = 2000;
    private const int Accounts = 100;
    private const double RateLimit = 20;

    public string Name => "sandbox";
    public string Description => $"embedded sandbox: {Requests} requests through the real transport, and a {Accounts}-account grant with 1 s asynchronous requests at {RateLimit} req/s";

    public async Task RunAsync(string[] args)
    {
        await RequestCostAsync();
        await GrantAsync();
    }

    private static async Task RequestCostAsync()
    {
        var sandbox = new IdcSandbox(new SandboxOptions { Seed = 1 });
        using var session = await IdcConnector.ConnectAsync(sandbox.Connect(limiter: RequestRateLimiter.PerSecond(1_000_000, 1_000_000)), null, CancellationToken.None);
        var ids = session.Connection.IdentityStore;
        var group = await ids.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = "bench" });
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
            await ids.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = session.IdentityStoreId, GroupId = group.GroupId });
        var sequential = watch.Elapsed;
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => ids.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = session.IdentityStoreId, GroupId = group.GroupId })));
        var parallel = watch.Elapsed;
        Console.WriteLine($"   {Requests} DescribeGroup one after another: {sequential.TotalMilliseconds / Requests:0.000} ms per request ({Requests / sequential.TotalSeconds:0} req/s)");
        Console.WriteLine($"   {Requests} DescribeGroup at once:            {parallel.TotalMilliseconds:0} ms ({Requests / parallel.TotalSeconds:0} req/s); AWS allows about {RateLimit} req/s");
    }

    private static async Task GrantAsync()
    {
        var outline = new SandboxOrganizationOutline();
        var unit = new SandboxOrganizationalUnitOutline("Workloads");
        for (var i = 0; i < Accounts; i++) unit.Accounts.Add($"acct-{i:000}");
        outline.OrganizationalUnits.Add(unit);
        var sandbox = new IdcSandbox(new SandboxOptions { Seed = 1, Organization = outline, OperationDelay = TimeSpan.FromSeconds(1) });
        using var session = await IdcConnector.ConnectAsync(sandbox.Connect(limiter: RequestRateLimiter.PerSecond(RateLimit)), null, CancellationToken.None);
        session.Polling = new PollOptions { Interval = TimeSpan.FromMilliseconds(250), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(5) };
        var group = await session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = "Platform" });
        var set = await session.Connection.SsoAdmin.CreatePermissionSetAsync(new IdcAdmin.Core.SsoAdmin.Model.CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = "PlatformAdmin" });
        var accountIds = sandbox.State.Accounts.Items.Where(a => a.Name.StartsWith("acct-", StringComparison.Ordinal)).Select(a => a.Id).ToList();
        var before = sandbox.Calls.Values.Sum();

        var watch = Stopwatch.StartNew();
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, group.GroupId!) }, new[] { set.PermissionSet!.PermissionSetArn! }, accountIds);
        var plan = await AssignmentPlanner.PlanAsync(session, requests, AssignmentOperation.Create, false, NullOutputWriter.Instance, CancellationToken.None);
        int ok = 0, failed = 0;
        await foreach (var r in new AssignmentDispatcher(session, NullOutputWriter.Instance).SendAsync(plan.ToSend, AssignmentOperation.Create, CancellationToken.None))
            if (r.Status == AssignmentStatus.Succeeded) ok++; else failed++;
        var elapsed = watch.Elapsed;
        var calls = sandbox.Calls.Values.Sum() - before;
        var bound = calls / RateLimit;
        Console.WriteLine($"   grant on {Accounts} accounts: {elapsed.TotalSeconds:0.0} s, {calls} calls, bound {bound:0.0} s (calls / {RateLimit} req/s), {elapsed.TotalSeconds / bound:0.00}x bound; succeeded {ok}, failed {failed}");
    }
}
