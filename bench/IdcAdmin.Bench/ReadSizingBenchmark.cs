using System.Diagnostics;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Bench;

/// <summary>
/// Reads sized to the question: Get-IdcPermissionSet's listing (PermissionSetReader.ListAsync) over 50 sets with each
/// -Detail, counting calls by operation against the calls that detail needs, through the 40 ms / 20 req/s emulator.
/// </summary>
public sealed class ReadSizingBenchmark : IBenchmark
{
    private const int Sets = 50;

    public string Name => "reads";
    public string Description => $"Get-IdcPermissionSet over {Sets} sets: calls made for each -Detail vs the calls it needs";

    /// <summary>Calls per set each detail needs beyond DescribePermissionSet.</summary>
    private static readonly (PermissionSetDetail Detail, int PerSet)[] Cases =
    {
        (PermissionSetDetail.None, 0), (PermissionSetDetail.Policies, 3), (PermissionSetDetail.PermissionsBoundary, 1),
        (PermissionSetDetail.Tags, 1), (PermissionSetDetail.Provisioning, 2), (PermissionSetDetail.All, 7),
    };

    public async Task RunAsync(string[] args)
    {
        using var moto = await BenchMotoServer.StartAsync();
        var shaper = new ServiceShaper(new HttpClientHandler());
        using (var direct = await ShapedSession.DirectAsync(moto.Url, new HttpClientHandler()))
            for (var i = 0; i < Sets; i++)
                await direct.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = direct.InstanceArn, Name = $"Reads{i:00}", SessionDuration = "PT1H" });
        using var session = await ShapedSession.ShapedAsync(moto.Url, shaper);
        Console.WriteLine($"{"-Detail",-20} | {"sets",4} | {"calls",5} | {"needed",6} | {"wall s",6} | {"bound s",7} | {"ratio",5} | calls by operation");
        Console.WriteLine(new string('-', 150));
        foreach (var (detail, perSet) in Cases)
        {
            await Task.Delay(1500);
            shaper.ResetCounters();
            var watch = Stopwatch.StartNew();
            var count = 0;
            await foreach (var _ in new PermissionSetReader(session).ListAsync(_ => true, detail, CancellationToken.None)) count++;
            var wall = watch.Elapsed.TotalSeconds;
            var needed = 1 + Sets * (1 + perSet);
            var bound = needed / ShapedSession.RateLimit;
            var ops = string.Join(", ", shaper.CallsByOperation.Select(kv => $"{kv.Key} {kv.Value}"));
            Console.WriteLine($"{detail,-20} | {count,4} | {shaper.Calls,5} | {needed,6} | {wall,6:0.00} | {bound,7:0.00} | {wall / bound,5:0.00} | {ops}");
        }
    }
}
