using System.Diagnostics;
using IdcAdmin.Core.Access;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Bench;

/// <summary>
/// Everyone's effective access in an organization of 100 accounts in 5 OUs, 10 permission sets, 50 groups and 500
/// users (each in 1–3 groups; every group holds 1–2 sets on one OU's accounts; 50 direct user assignments), through
/// the 40 ms / 20 req/s emulator: the whole organization, one account and one user, by Get-IdcEffectiveAccess's
/// engine against aws-sso-util's algorithm (for each permission set list its accounts, for each pair list its
/// assignments; names and group members looked up per id) and against the chosen path's calls at 20 requests/s.
/// </summary>
public sealed class OrganizationAccessBenchmark : IBenchmark
{
    private const int Accounts = 100, Units = 5, Sets = 10, Groups = 50, Users = 500, DirectAssignments = 50;

    public string Name => "org-access";
    public string Description => $"effective access in {Accounts} accounts / {Sets} sets / {Groups} groups / {Users} users: engine vs aws-sso-util's algorithm vs the chosen path's bound";

    public async Task RunAsync(string[] args)
    {
        using var moto = await BenchMotoServer.StartAsync();
        // Seeding goes through the emulator unshaped, so it records what is provisioned where as AWS would.
        var shaper = new ServiceShaper(new HttpClientHandler()) { Latency = TimeSpan.Zero, RequestsPerSecond = 1e9, CompletionTime = TimeSpan.Zero, MaxInFlight = int.MaxValue };
        var seed = Stopwatch.StartNew();
        var (accounts, users, assignments) = await SeedAsync(moto.Url, shaper);
        Console.WriteLine($"Seeded in {seed.Elapsed.TotalSeconds:0} s: {accounts.Count} accounts in {Units} OUs, {Sets} sets, {Groups} groups, {Users} users, {assignments} assignments.");
        shaper.Latency = TimeSpan.FromMilliseconds(40);
        shaper.RequestsPerSecond = 20;
        shaper.MaxInFlight = 10;

        Console.WriteLine();
        Console.WriteLine($"{"question",-22} | {"how",-28} | {"rows",5} | {"calls",5} | {"wall s",6} | {"bound s",7} | {"ratio",5} | calls by operation");
        Console.WriteLine(new string('-', 180));
        var account = accounts[Accounts / 2];
        var user = users[7];
        foreach (var (question, narrow) in new (string, Action<EffectiveAccessFilter>)[]
        {
            ("whole organization", _ => { }),
            ($"account {account}", f => f.Accounts.Add(account)),
            ($"user {user}", f => f.Users.Add(user)),
        })
        {
            var filter = new EffectiveAccessFilter();
            narrow(filter);
            var engine = await MeasureAsync(shaper, moto.Url, async session =>
            {
                var query = new EffectiveAccessQuery(session);
                var rows = 0;
                await foreach (var _ in query.StreamAsync(filter, CancellationToken.None)) rows++;
                return (rows, $"engine, per {query.ChosenPath}");
            });
            var baseline = await MeasureAsync(shaper, moto.Url, session => new SsoUtilBaseline(session).CountAsync(filter));
            Print(question, engine);
            Print(question, baseline);
            Console.WriteLine($"{"",-22} | engine makes {engine.Calls / (double)baseline.Calls:P0} of the baseline's calls; {engine.Wall / engine.Bound:0.00}x its own path's bound; rows {(engine.Rows == baseline.Rows ? "agree" : "DIFFER")}");
        }
    }

    private static void Print(string question, Measurement m) =>
        Console.WriteLine($"{question,-22} | {m.How,-28} | {m.Rows,5} | {m.Calls,5} | {m.Wall,6:0.00} | {m.Bound,7:0.00} | {m.Wall / m.Bound,5:0.00} | {string.Join(", ", m.ByOperation.Select(kv => $"{kv.Key} {kv.Value}"))}");

    private static async Task<Measurement> MeasureAsync(ServiceShaper shaper, string url, Func<IdcSession, Task<(int Rows, string How)>> work)
    {
        using var session = await ShapedSession.ShapedAsync(url, shaper);
        await Task.Delay(1500);
        shaper.ResetCounters();
        var watch = Stopwatch.StartNew();
        var (rows, how) = await work(session);
        var wall = watch.Elapsed.TotalSeconds;
        var calls = shaper.Calls - shaper.Throttled;
        return new Measurement(how, rows, calls, wall, calls / ShapedSession.RateLimit, shaper.CallsByOperation);
    }

    private sealed record Measurement(string How, int Rows, int Calls, double Wall, double Bound, IReadOnlyDictionary<string, int> ByOperation);

    private static async Task<(List<string> Accounts, List<string> Users, int Assignments)> SeedAsync(string url, ServiceShaper shaper)
    {
        using var session = await ShapedSession.DirectAsync(url, shaper);
        var random = new Random(13);
        var org = session.Connection.Organizations;
        await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" });
        var root = (await org.ListRootsAsync(new ListRootsRequest())).Roots![0].Id!;
        var units = new List<string>();
        for (var u = 0; u < Units; u++)
            units.Add((await org.CreateOrganizationalUnitAsync(new CreateOrganizationalUnitRequest { ParentId = root, Name = $"Unit{u}" })).OrganizationalUnit!.Id!);
        var accounts = new List<string>();
        var accountsByUnit = units.ToDictionary(u => u, _ => new List<string>());
        for (var i = 0; i < Accounts; i++)
        {
            var id = (await org.CreateAccountAsync(new CreateAccountRequest { AccountName = $"org-{i:000}", Email = $"org-{i:000}@example.com" })).CreateAccountStatus!.AccountId!;
            var unit = units[i % Units];
            await org.MoveAccountAsync(new MoveAccountRequest { AccountId = id, SourceParentId = root, DestinationParentId = unit });
            accounts.Add(id);
            accountsByUnit[unit].Add(id);
        }
        var sso = session.Connection.SsoAdmin;
        var sets = new List<string>();
        for (var s = 0; s < Sets; s++)
            sets.Add((await sso.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = $"OrgSet{s}", SessionDuration = "PT1H" })).PermissionSet!.PermissionSetArn!);
        var store = session.Connection.IdentityStore;
        var groups = new List<string>();
        for (var g = 0; g < Groups; g++)
            groups.Add((await store.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = $"org-group-{g:00}" })).GroupId!);
        var userNames = new List<string>();
        var userIds = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var name = $"org-user-{i:000}";
            var id = (await store.CreateUserAsync(new CreateUserRequest { IdentityStoreId = session.IdentityStoreId, UserName = name, DisplayName = name,
                Name = new Name { GivenName = "Org", FamilyName = $"User{i}" } }, ct)).UserId!;
            lock (userIds) { userIds.Add(id); userNames.Add(name); }
        });
        var memberships = userIds.SelectMany(u => groups.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(g => (g, u))).ToList();
        await Parallel.ForEachAsync(memberships, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, ct) =>
            await store.CreateGroupMembershipAsync(new CreateGroupMembershipRequest { IdentityStoreId = session.IdentityStoreId, GroupId = m.g, MemberId = new MemberId { UserId = m.u } }, ct));
        var wanted = new List<(string Account, string Set, string Kind, string Principal)>();
        foreach (var g in groups)
        {
            var unit = units[random.Next(Units)];
            foreach (var set in sets.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
            foreach (var account in accountsByUnit[unit])
                wanted.Add((account, set, "GROUP", g));
        }
        for (var d = 0; d < DirectAssignments; d++)
            wanted.Add((accounts[random.Next(accounts.Count)], sets[random.Next(sets.Count)], "USER", userIds[random.Next(userIds.Count)]));
        wanted = wanted.Distinct().ToList();
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (a, ct) =>
            await sso.CreateAccountAssignmentAsync(new CreateAccountAssignmentRequest { InstanceArn = session.InstanceArn, TargetId = a.Account, TargetType = "AWS_ACCOUNT",
                PermissionSetArn = a.Set, PrincipalType = a.Kind, PrincipalId = a.Principal }, ct));
        userNames.Sort(StringComparer.Ordinal);
        return (accounts, userNames, wanted.Count);
    }
}
