using System.Reflection;
using IdcAdmin.Bench;

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

var wanted = args.Length > 0 ? args[0] : "all";
var chosen = wanted == "all" ? benchmarks : benchmarks.Where(b => b.Name == wanted).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"Unknown benchmark '{wanted}'. Available: all, {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}
foreach (var b in chosen)
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    await b.RunAsync(args.Skip(1).ToArray());
    Console.WriteLine();
}
return 0;
