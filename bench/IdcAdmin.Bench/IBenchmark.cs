namespace IdcAdmin.Bench;

/// <summary>One benchmark: found by reflection, run by name (dotnet run --project bench/IdcAdmin.Bench -- NAME).</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
