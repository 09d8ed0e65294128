using System.Diagnostics;
using Amazon.Runtime;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Bench;

/// <summary>
/// Streams the user directory through the engine (UserService.ListAsync, what Get-IdcUser writes from) at 1,000 and
/// 5,000 users: the first user must arrive after one page, and memory must not grow with the directory.
/// </summary>
public sealed class ListUsersBenchmark : IBenchmark
{
    public string Name => "list-users";
    public string Description => "Get-IdcUser's listing stream at 1k and 5k users: time to first object, total time, peak memory growth";

    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDBENCHMARK", "benchmark-secret");

    public async Task RunAsync(string[] args)
    {
        await using var moto = await ListUsersMotoServer.StartAsync();
        var counter = new ListUsersPageCounter();
        using var session = await IdcConnector.ConnectAsync(new AwsConnection(Credentials, "us-west-2", new AwsTransportOptions
        {
            EndpointUrl = moto.Url,
            InnerHandler = counter,
            RateLimiter = RequestRateLimiter.PerSecond(5000, burst: 5000),
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) },
        }), null, CancellationToken.None);

        var results = new List<Measurement>();
        var seeded = 0;
        foreach (var size in new[] { 1000, 5000 })
        {
            var seedClock = Stopwatch.StartNew();
            await SeedAsync(session, seeded, size);
            Console.WriteLine($"seeded {size - seeded} users in {seedClock.Elapsed.TotalSeconds:F1} s (directory now {size})");
            seeded = size;
            await MeasureAsync(session, counter, size, liveMemory: false); // warm-up: JIT and connection pool, not reported
            var timed = await MeasureAsync(session, counter, size, liveMemory: false);
            // Live memory is measured in its own pass: the full collections it needs would distort the timings.
            var memory = await MeasureAsync(session, counter, size, liveMemory: true);
            var buffered = await BufferedGrowthAsync(session);
            results.Add(timed with { PeakManagedGrowth = memory.PeakManagedGrowth, PeakWorkingSetGrowth = memory.PeakWorkingSetGrowth, BufferedGrowth = buffered });
        }

        Console.WriteLine();
        Console.WriteLine($"{"users",7} | {"pages",5} | {"pages before 1st",16} | {"1st object",10} | {"total",9} | {"peak live managed growth",24} | {"peak working set growth",23} | {"same listing buffered",21}");
        Console.WriteLine(new string('-', 137));
        foreach (var r in results)
            Console.WriteLine($"{r.Users,7} | {r.Pages,5} | {r.PagesBeforeFirst,16} | {r.FirstObject.TotalMilliseconds,7:F1} ms | {r.Total.TotalSeconds,7:F2} s | {Mb(r.PeakManagedGrowth),21:F2} MB | {Mb(r.PeakWorkingSetGrowth),20:F2} MB | {Mb(r.BufferedGrowth),18:F2} MB");
        var (small, large) = (results[0], results[1]);
        Console.WriteLine();
        Console.WriteLine($"directory 5.0x larger: total time {large.Total.TotalMilliseconds / small.Total.TotalMilliseconds:F2}x, " +
            $"time to first object {large.FirstObject.TotalMilliseconds / small.FirstObject.TotalMilliseconds:F2}x, " +
            $"peak live managed growth {Ratio(large.PeakManagedGrowth, small.PeakManagedGrowth)}, " +
            $"peak working set growth {Ratio(large.PeakWorkingSetGrowth, small.PeakWorkingSetGrowth)}");
        Console.WriteLine("(a buffered listing would grow memory ~5x; a streamed one stays near 1x: one page of 100 users is held at a time.");
        Console.WriteLine(" Total time grows faster than 5x because moto rebuilds its whole user list for every page it serves.)");
    }

    private sealed record Measurement(int Users, int Pages, int PagesBeforeFirst, TimeSpan FirstObject, TimeSpan Total, long PeakManagedGrowth, long PeakWorkingSetGrowth, long BufferedGrowth = 0);

    /// <summary>
    /// One pass over the directory. With <paramref name="liveMemory"/>, after every page of 100 users the heap is
    /// collected and what is still alive is compared with the start: memory the stream holds, not garbage it made.
    /// </summary>
    private static async Task<Measurement> MeasureAsync(IdcSession session, ListUsersPageCounter counter, int expected, bool liveMemory)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var managedBase = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var workingSetBase = process.WorkingSet64;
        long peakManaged = 0, peakWorkingSet = 0;
        var pagesAtStart = counter.Pages;
        var pagesBeforeFirst = -1;
        var firstObject = TimeSpan.Zero;
        var count = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var user in new UserService(session).ListAsync(null, CancellationToken.None))
        {
            if (count++ == 0)
            {
                firstObject = clock.Elapsed;
                pagesBeforeFirst = counter.Pages - pagesAtStart;
            }
            // What a pipeline consumer does: look at the object, then let it go.
            if (user.UserName.Length == 0) throw new InvalidOperationException("A user without a name.");
            if (liveMemory && count % 100 == 0)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: true) - managedBase);
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64 - workingSetBase);
            }
        }
        var total = clock.Elapsed;
        if (count != expected) throw new InvalidOperationException($"Listed {count} users, expected {expected}.");
        return new Measurement(count, counter.Pages - pagesAtStart, pagesBeforeFirst, firstObject, total, peakManaged, peakWorkingSet);
    }

    /// <summary>For contrast: the live memory of the same listing collected into a list before use.</summary>
    private static async Task<long> BufferedGrowthAsync(IdcSession session)
    {
        var managedBase = GC.GetTotalMemory(forceFullCollection: true);
        var all = new List<IdcUser>();
        await foreach (var user in new UserService(session).ListAsync(null, CancellationToken.None)) all.Add(user);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - managedBase;
        GC.KeepAlive(all);
        return growth;
    }

    private static async Task SeedAsync(IdcSession session, int from, int to)
    {
        // moto's threaded server occasionally answers a plain 500 page to concurrent writes: few at once, and retry those.
        using var gate = new SemaphoreSlim(4);
        var tasks = Enumerable.Range(from, to - from).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await CreateAsync(session, i);
                        break;
                    }
                    catch (AwsUnexpectedResponseException) when (attempt < 5)
                    {
                        await Task.Delay(50 * attempt);
                    }
                    catch (AwsConflictException e) when (e.IsUniquenessViolation && attempt > 1)
                    {
                        break; // the failed attempt had created it after all
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    private static Task CreateAsync(IdcSession session, int i) =>
        session.Connection.IdentityStore.CreateUserAsync(new CreateUserRequest
        {
            IdentityStoreId = session.IdentityStoreId,
            UserName = $"bench-{i:D5}",
            DisplayName = $"Bench User {i}",
            Name = new Name { GivenName = "Bench", FamilyName = $"User{i}" },
            Emails = new List<Email> { new() { Value = $"bench-{i:D5}@example.com", Type = "work", Primary = true } },
            Title = "Load test",
        });

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    // Growth can be zero at both sizes (the working set did not move): that is flat, not a division by zero.
    private static string Ratio(long a, long b) => b > 0 ? $"{(double)a / b:F2}x" : $"{Mb(b):F2} MB -> {Mb(a):F2} MB";
}
