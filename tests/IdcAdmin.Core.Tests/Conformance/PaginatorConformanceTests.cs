using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>The PaginateXxx streams against botocore's paginators-1.json: one per paged operation, using the model's tokens and result key.</summary>
public sealed class PaginatorConformanceTests
{
    public static IEnumerable<object[]> Paginators() => ExposedOperations.Paginators().Select(p => new object[] { p.ToString() });

    [Fact]
    public void Every_exposed_paged_operation_has_a_stream_and_every_stream_a_model_paginator()
    {
        var streams = ExposedOperations.Paginators().Select(p => (p.Service.Id, p.Operation)).ToHashSet();
        var paged = ExposedOperations.All()
            .Where(o => BotocoreModels.Load(o.Service.Id).TryGetPaginator(o.Name, out _))
            .Select(o => (o.Service.Id, o.Name)).ToHashSet();
        Assert.NotEmpty(paged);
        Assert.Equal(paged.OrderBy(x => x), streams.OrderBy(x => x));
    }

    [Theory]
    [MemberData(nameof(Paginators))]
    public async Task Stream_sends_the_models_input_token_and_reads_its_output_token_and_result_key(string name)
    {
        var pager = ExposedOperations.Paginators().Single(p => p.ToString() == name);
        var model = BotocoreModels.Load(pager.Service.Id);
        Assert.True(model.TryGetPaginator(pager.Operation, out var definition), $"{name}: no paginator in the model");
        var inputToken = definition.GetProperty("input_token").GetString()!;
        var outputToken = definition.GetProperty("output_token").GetString()!;
        var resultKey = definition.GetProperty("result_key").GetString()!;
        Assert.Equal(pager.Operation + "Request", pager.Request.Name);

        var outputShape = model.Shape(model.ShapeOf(pager.Operation, "output")!);
        var listShape = model.Shape(outputShape.GetProperty("members").GetProperty(resultKey).GetProperty("shape").GetString()!);
        var item = MinimalJson(model, listShape.GetProperty("member").GetProperty("shape").GetString()!);

        var scripted = new ScriptedHandler().On(pager.Operation, body =>
        {
            var page = new JsonObject { [resultKey] = new JsonArray(item.DeepClone()) };
            if (!body.ContainsKey(inputToken)) page[outputToken] = "page-2";
            return ScriptedResponse.Ok(page);
        });
        using var transport = ScriptedConnection.Transport(pager.Service, scripted);
        var client = ExposedOperations.ClientOver(pager.Client, transport);
        var stream = pager.Method.Invoke(client, new[] { Activator.CreateInstance(pager.Request)!, CancellationToken.None })!;
        var count = await (Task<int>)typeof(PaginatorConformanceTests).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(pager.Item).Invoke(null, new[] { stream })!;

        Assert.Equal(2, count);
        var calls = scripted.Calls;
        Assert.Equal(2, calls.Count);
        Assert.False(calls[0].Body.ContainsKey(inputToken), "the first page must be requested without a token");
        Assert.Equal("page-2", calls[1].Body[inputToken]?.GetValue<string>());
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var n = 0;
        await foreach (var _ in items) n++;
        return n;
    }

    /// <summary>A value of the shape with only what the JSON needs to be read: required members, one list item.</summary>
    private static JsonNode MinimalJson(ServiceModel model, string shapeName)
    {
        var shape = model.Shape(shapeName);
        return shape.GetProperty("type").GetString() switch
        {
            "structure" => new JsonObject(),
            "list" => new JsonArray(MinimalJson(model, shape.GetProperty("member").GetProperty("shape").GetString()!)),
            "map" => new JsonObject(),
            "string" => JsonValue.Create(shape.TryGetProperty("enum", out var e) ? e[0].GetString() : "123456789012")!,
            "boolean" => JsonValue.Create(true),
            "timestamp" => JsonValue.Create(1700000000.5),
            _ => JsonValue.Create(1),
        };
    }
}
