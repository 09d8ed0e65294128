using System.Diagnostics;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Bench;

/// <summary>
/// Bulk changes against an emulator that takes as long as AWS: grant, Deploy-IdcPermissionSet, Set-IdcPermissionSet
/// re-provisioning and revoke on 30 and 100 accounts, with and without 20 % random throttling. Each asynchronous
/// request completes a set time after it was accepted (--completion SECONDS, --spread SECONDS; --latency MS a call), at most 10 are in
/// progress, 20 requests/s, 40 ms a call. Prints wall time, calls by operation, status reads per request and the ratio
/// to the bound max(minimum calls / 20 per s, ⌈n / 10⌉ × completion time), and how often throttling cut the session's rate. --sizes N and --throttle RATE run one size or one throttling rate; --trace prints each case's calls as the emulator saw them.
/// </summary>
public sealed class BulkChangeBenchmark : IBenchmark
{
    private static readonly int[] Sizes = { 30, 100 };

    public string Name => "bulk";
    public string Description => "grant, deploy, set re-provisioning and revoke on 30/100 accounts through an emulator where each request takes 1 s, 10 in flight, 20 req/s";

    public async Task RunAsync(string[] args)
    {
        var completion = TimeSpan.FromSeconds(Option(args, "--completion", 1.0));
        var spread = TimeSpan.FromSeconds(Option(args, "--spread", 0.0));
        using var moto = await BenchMotoServer.StartAsync();
        var shaper = new ServiceShaper(new HttpClientHandler()) { CompletionTime = completion, CompletionSpread = spread, Latency = TimeSpan.FromMilliseconds(Option(args, "--latency", 40)) };
        var accounts = await CreateAccountsAsync(moto.Url, Sizes.Max());
        Console.WriteLine($"Emulator: {shaper.Latency.TotalMilliseconds:0} ms a call, {shaper.RequestsPerSecond} req/s, each request completes {completion.TotalSeconds:0.0##} s (± {spread.TotalSeconds:0.0##} s) after it was accepted, at most {shaper.MaxInFlight} in progress.");
        Console.WriteLine("Bound = max(minimum calls / 20 per s, ceil(n / 10) x completion); minimum calls = the reads and writes made, with one status read per request.");
        Console.WriteLine("thr: throttled answers; over: of them, for going over the emulator's 20 req/s (the rest at random); cuts: times throttling cut the session's rate.");
        Console.WriteLine();
        Console.WriteLine($"{"case",-30} | {"n",3} | {"wall s",6} | {"bound s",7} | {"ratio",5} | {"calls",5} | {"thr",3} | {"over",4} | {"reads/req",9} | {"failed",6} | {"cuts",4} | calls by operation");
        Console.WriteLine(new string('-', 184));
        var rows = new List<Row>();
        var trace = args.Contains("--trace");
        var sizes = args.Contains("--sizes") ? new[] { (int)Option(args, "--sizes", 30) } : Sizes;
        var throttles = args.Contains("--throttle") ? new[] { Option(args, "--throttle", 0.2) } : new[] { 0.0, 0.2 };
        foreach (var throttle in throttles)
        foreach (var n in sizes)
        {
            var target = accounts.Take(n).ToList();
            var suffix = $"{n}-{(int)(throttle * 100)}";
            using var session = await ShapedSession.ShapedAsync(moto.Url, shaper);
            var group = await CreateGroupAsync(session, "bulk-" + suffix);
            var set = (await session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest
                { InstanceArn = session.InstanceArn, Name = "Bulk" + suffix.Replace("-", "x"), SessionDuration = "PT1H" })).PermissionSet!;
            shaper.ThrottleRate = throttle;
            var label = throttle > 0 ? $", {throttle:P0} throttled" : "";
            rows.Add(await MeasureAsync(trace, $"grant{label}", n, completion, shaper, session, () => ChangeAsync(session, group, set.PermissionSetArn!, target, AssignmentOperation.Create)));
            rows.Add(await MeasureAsync(trace, $"grant again (no-op){label}", 0, completion, shaper, session, () => ChangeAsync(session, group, set.PermissionSetArn!, target, AssignmentOperation.Create)));
            rows.Add(await MeasureAsync(trace, $"Deploy-IdcPermissionSet{label}", n, completion, shaper, session, () => DeployAsync(session, set.Name!, set.PermissionSetArn!)));
            rows.Add(await MeasureAsync(trace, $"Set-IdcPermissionSet{label}", n, completion, shaper, session, () => UpdateAsync(session, set.PermissionSetArn!)));
            Console.WriteLine($"   learned: creation {session.Completions.For(CompletionEstimates.AssignmentCreation, session.Polling).Current.TotalMilliseconds:0} ms, provisioning {session.Completions.For(CompletionEstimates.Provisioning, session.Polling).Current.TotalMilliseconds:0} ms");
            rows.Add(await MeasureAsync(trace, $"revoke{label}", n, completion, shaper, session, () => ChangeAsync(session, group, set.PermissionSetArn!, target, AssignmentOperation.Delete)));
        }
        Console.WriteLine();
        var timed = rows.Where(r => r.N > 0).ToList();
        Console.WriteLine($"Worst ratio to the bound: {timed.Max(r => r.Ratio):0.00}x; status reads per request: average {timed.Sum(r => r.StatusReads) / (double)timed.Sum(r => r.N):0.00}, worst {timed.Max(r => r.ReadsPerRequest):0.00}; failures {rows.Sum(r => r.Failed)}; in-flight refusals by the emulator {rows.Sum(r => r.InFlightRefusals)}.");
        foreach (var noop in rows.Where(r => r.N == 0))
            Console.WriteLine($"{noop.Case}: {noop.Writes} writes, {noop.Calls - noop.Throttled - noop.Writes} reads (goal: 0 writes, at most 10 reads).");
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static readonly string[] StatusReads = { "DescribeAccountAssignmentCreationStatus", "DescribeAccountAssignmentDeletionStatus", "DescribePermissionSetProvisioningStatus",
        "ListAccountAssignmentCreationStatus", "ListAccountAssignmentDeletionStatus", "ListPermissionSetProvisioningStatus" };
    private static readonly string[] Writes = { "CreateAccountAssignment", "DeleteAccountAssignment", "ProvisionPermissionSet", "UpdatePermissionSet" };

    private static async Task<Row> MeasureAsync(bool trace, string label, int n, TimeSpan completion, ServiceShaper shaper, IdcSession session, Func<Task<int>> work)
    {
        await Task.Delay(1500); // the server's bucket refills between cases
        shaper.ResetCounters();
        var cutsBefore = session.Connection.RateLimiter.Cuts;
        var start = shaper.Now;
        var watch = Stopwatch.StartNew();
        var failed = await work();
        var wall = watch.Elapsed;
        var cuts = session.Connection.RateLimiter.Cuts - cutsBefore;
        var byOp = shaper.CallsByOperation;
        var throttled = shaper.Throttled;
        var statusReads = StatusReads.Sum(op => shaper.CallsOf(op) - shaper.ThrottledOf(op));
        var writes = Writes.Sum(op => shaper.CallsOf(op) - shaper.ThrottledOf(op));
        var minCalls = shaper.Calls - throttled - statusReads + n;
        var bound = Math.Max(minCalls / ShapedSession.RateLimit, Math.Ceiling(n / 10.0) * completion.TotalSeconds);
        var row = new Row(label, n, wall.TotalSeconds, bound, shaper.Calls, throttled, statusReads, writes, failed, shaper.InFlightRefusals);
        var ops = string.Join(", ", byOp.Select(kv => $"{Short(kv.Key)} {kv.Value}"));
        if (trace) PrintTrace(shaper.Trace, start, wall);
        Console.WriteLine($"{label,-30} | {n,3} | {row.Wall,6:0.00} | {row.Bound,7:0.00} | {row.Ratio,5:0.00} | {row.Calls,5} | {throttled,3} | {shaper.OverRate,4} | {row.ReadsPerRequest,9:0.00} | {failed,6} | {cuts,4} | {ops}");
        return row;
    }

    /// <summary>
    /// Where a case's time went, from the emulator's side (--trace): each call with when it was sent and answered
    /// (ms from the case's start) and its outcome, then the phases: before the first write, the writes, after the last.
    /// </summary>
    private static void PrintTrace(IReadOnlyList<ServiceShaper.CallTrace> calls, TimeSpan start, TimeSpan wall)
    {
        static double Ms(TimeSpan t, TimeSpan start) => (t - start).TotalMilliseconds;
        foreach (var c in calls)
            Console.WriteLine($"   {Ms(c.Sent, start),7:0} {Ms(c.Answered, start),7:0}  {Short(c.Operation),-32} {c.Outcome}");
        var writes = calls.Where(c => Writes.Contains(c.Operation)).ToList();
        if (writes.Count == 0) return;
        var firstWrite = Ms(writes.Min(c => c.Sent), start);
        var lastWrite = Ms(writes.Where(c => c.Outcome == "ok").DefaultIfEmpty(writes[^1]).Max(c => c.Answered), start);
        var before = calls.Where(c => Ms(c.Sent, start) < firstWrite).ToList();
        Console.WriteLine($"   phases: {firstWrite:0} ms before the first write ({before.Count} calls, {before.Count(c => c.Outcome != "ok")} refused), " +
                          $"writes until {lastWrite:0} ms, {wall.TotalMilliseconds - lastWrite:0} ms after the last accepted write");
    }

    private static string Short(string op) => op.Replace("AccountAssignment", "AA").Replace("PermissionSet", "PS").Replace("Provisioning", "Prov");

    /// <summary>What Grant-/Revoke-IdcAccountAccess do: plan (resolve, skip what is done, guard), then dispatch. Returns failures.</summary>
    private static async Task<int> ChangeAsync(IdcSession session, string group, string permissionSetArn, List<string> accounts, AssignmentOperation operation)
    {
        var requests = new AssignmentRequestSet();
        requests.Add(new[] { new PrincipalRef(PrincipalKind.Group, group) }, new[] { permissionSetArn }, accounts);
        var plan = await AssignmentPlanner.PlanAsync(session, requests, operation, false, NullOutputWriter.Instance, CancellationToken.None);
        if (plan.HasErrors) throw new InvalidOperationException(string.Join("; ", plan.Errors.Select(e => e.Message)));
        var failed = 0;
        await foreach (var r in new AssignmentDispatcher(session, NullOutputWriter.Instance).SendAsync(plan.ToSend, operation, CancellationToken.None))
            if (r.Status is not (AssignmentStatus.Succeeded or AssignmentStatus.NotAssigned)) failed++;
        return failed;
    }

    /// <summary>What Deploy-IdcPermissionSet does: the accounts the set is provisioned to, then provision each.</summary>
    private static async Task<int> DeployAsync(IdcSession session, string name, string arn)
    {
        var accounts = await new PermissionSetReader(session).AccountsAsync(arn, null, CancellationToken.None);
        var results = await new PermissionSetProvisioner(session, NullOutputWriter.Instance).ProvisionAsync(name, arn, accounts, CancellationToken.None);
        return results.Count(r => r.Status != StatusValuesValues.Succeeded);
    }

    /// <summary>What Set-IdcPermissionSet -Description does: plan the change, apply it, re-provision where the set is.</summary>
    private static async Task<int> UpdateAsync(IdcSession session, string arn)
    {
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { Description = "changed " + Guid.NewGuid().ToString("N")[..6] }, forCreate: false);
        var plan = await new PermissionSetPlanner(session).PlanUpdateAsync(arn, spec, CancellationToken.None);
        var accounts = await PermissionSetUpdate.ApplyAsync(session, NullOutputWriter.Instance, plan, spec, listAccounts: true, allowNoAdministrator: false, CancellationToken.None);
        var results = await new PermissionSetProvisioner(session, NullOutputWriter.Instance).ProvisionAsync(plan.Current!.Name, arn, accounts!, CancellationToken.None);
        return results.Count(r => r.Status != StatusValuesValues.Succeeded);
    }

    private static async Task<string> CreateGroupAsync(IdcSession session, string name)
    {
        await session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = name });
        return name;
    }

    private static async Task<List<string>> CreateAccountsAsync(string url, int count)
    {
        using var session = await ShapedSession.DirectAsync(url, new HttpClientHandler());
        var org = session.Connection.Organizations;
        try { await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add((await org.CreateAccountAsync(new CreateAccountRequest { AccountName = $"bulk-{i:000}", Email = $"bulk-{i:000}@example.com" })).CreateAccountStatus!.AccountId!);
        return ids;
    }

    private sealed record Row(string Case, int N, double Wall, double Bound, int Calls, int Throttled, int StatusReads, int Writes, int Failed, int InFlightRefusals)
    {
        public double Ratio => Wall / Bound;
        public double ReadsPerRequest => N == 0 ? 0 : StatusReads / (double)N;
    }
}
