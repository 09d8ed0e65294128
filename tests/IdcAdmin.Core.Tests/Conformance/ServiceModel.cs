using System.Text.Json;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>One botocore service model (service-2.json) and its paginators (paginators-1.json).</summary>
public sealed class ServiceModel
{
    public ServiceModel(string id, JsonElement service, JsonElement paginators)
    {
        Id = id;
        Metadata = service.GetProperty("metadata");
        Operations = service.GetProperty("operations");
        Shapes = service.GetProperty("shapes");
        Paginators = paginators.GetProperty("pagination");
    }

    public string Id { get; }
    public JsonElement Metadata { get; }
    public JsonElement Operations { get; }
    public JsonElement Shapes { get; }
    public JsonElement Paginators { get; }

    public string MetadataString(string name) => Metadata.TryGetProperty(name, out var v) ? v.GetString()! : throw new KeyNotFoundException($"{Id} metadata has no {name}");

    public bool TryGetOperation(string name, out JsonElement operation) => Operations.TryGetProperty(name, out operation);

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    /// <summary>The input (or output) shape name of an operation, or null when it has none.</summary>
    public string? ShapeOf(string operation, string direction) =>
        Operations.GetProperty(operation).TryGetProperty(direction, out var r) ? r.GetProperty("shape").GetString() : null;

    public bool TryGetPaginator(string operation, out JsonElement paginator) => Paginators.TryGetProperty(operation, out paginator);
}
