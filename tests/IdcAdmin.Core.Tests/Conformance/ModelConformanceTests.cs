using System.Text.Json;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;
using Xunit;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>
/// Every operation the typed clients expose against botocore's official models: the operation, the service metadata,
/// the request and response classes, and a realistic sample request of each.
/// </summary>
public sealed class ModelConformanceTests
{
    public static IEnumerable<object[]> Operations() => ExposedOperations.All().Select(o => new object[] { o.ToString() });

    private static ExposedOperation Find(string name) => ExposedOperations.All().Single(o => o.ToString() == name);

    [Fact]
    public void The_clients_expose_operations_of_all_three_services()
    {
        var byService = ExposedOperations.All().GroupBy(o => o.Service.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { "identitystore", "organizations", "sso-admin" }, byService.Keys.OrderBy(k => k));
        Assert.All(byService.Values, n => Assert.True(n >= 10, "a client with fewer than 10 operations: reflection found the wrong methods"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_metadata_matches_the_model(string serviceId)
    {
        var service = ExposedOperations.Clients.Single(c => c.Service.Id == serviceId).Service;
        var model = BotocoreModels.Load(serviceId);
        Assert.Equal(model.MetadataString("targetPrefix"), service.TargetPrefix);
        Assert.Equal(model.MetadataString("endpointPrefix"), service.EndpointPrefix);
        // botocore omits signingName when it equals the endpoint prefix.
        var signingName = model.Metadata.TryGetProperty("signingName", out var s) ? s.GetString() : model.MetadataString("endpointPrefix");
        Assert.Equal(signingName, service.SigningName);
        Assert.Equal("1.1", model.MetadataString("jsonVersion"));
        Assert.Equal("json", model.MetadataString("protocol"));
        // The SDKs' service-specific endpoint variable is AWS_ENDPOINT_URL_ + the serviceId in upper snake case.
        Assert.Equal("AWS_ENDPOINT_URL_" + model.MetadataString("serviceId").ToUpperInvariant().Replace(' ', '_'), service.EndpointEnvironmentVariable);
    }

    public static IEnumerable<object[]> Services() => ExposedOperations.Clients.Select(c => new object[] { c.Service.Id });

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_exists_in_the_model(string operation)
    {
        var op = Find(operation);
        var model = BotocoreModels.Load(op.Service.Id);
        Assert.True(model.TryGetOperation(op.Name, out var definition), $"{op}: botocore's {op.Service.Id} model has no operation {op.Name}");
        Assert.Equal("POST", definition.GetProperty("http").GetProperty("method").GetString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Request_class_matches_the_input_shape(string operation)
    {
        var op = Find(operation);
        var model = BotocoreModels.Load(op.Service.Id);
        var problems = ShapeTypeChecker.Check(model, op.Request, model.ShapeOf(op.Name, "input"), isRequest: true);
        Assert.True(problems.Count == 0, $"{op} request:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Response_class_matches_the_output_shape(string operation)
    {
        var op = Find(operation);
        var model = BotocoreModels.Load(op.Service.Id);
        var problems = ShapeTypeChecker.Check(model, op.Response, model.ShapeOf(op.Name, "output"), isRequest: false);
        Assert.True(problems.Count == 0, $"{op} response:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_exposed_operation_has_exactly_one_sample_request()
    {
        var missing = ExposedOperations.All().Where(o => SampleRequests.All.Count(s => s.GetType() == o.Request) != 1).Select(o => o.ToString()).ToList();
        Assert.True(missing.Count == 0, "operations without exactly one sample in SampleRequests: " + string.Join(", ", missing));
        var orphans = SampleRequests.All.Where(s => ExposedOperations.All().All(o => o.Request != s.GetType())).Select(s => s.GetType().Name).ToList();
        Assert.True(orphans.Count == 0, "samples of no exposed operation: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Sample_request_is_valid_against_the_input_shape(string operation)
    {
        var op = Find(operation);
        var sample = SampleRequests.All.SingleOrDefault(s => s.GetType() == op.Request);
        Assert.True(sample != null, $"{op} has no sample request in SampleRequests: add one");
        var model = BotocoreModels.Load(op.Service.Id);
        var json = JsonNode.Parse(JsonSerializer.Serialize(sample, op.Request, AwsJson.Options));
        var problems = SampleRequestValidator.Validate(model, model.ShapeOf(op.Name, "input"), json);
        Assert.True(problems.Count == 0, $"{op} sample {json?.ToJsonString()}:\n" + string.Join("\n", problems));
    }
}
