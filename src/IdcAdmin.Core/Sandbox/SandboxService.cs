using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;

namespace IdcAdmin.Core.Sandbox;

/// <summary>One emulated service: its operations, each reading the generated request type and returning the response.</summary>
public abstract class SandboxService
{
    private readonly Dictionary<string, Func<JsonElement, object>> _operations = new(StringComparer.Ordinal);

    protected SandboxService(SandboxState state, AwsService service)
    {
        State = state;
        Service = service;
        Validator = SandboxRequestValidator.For(service.Id);
    }

    protected SandboxState State { get; }
    public AwsService Service { get; }
    public SandboxRequestValidator Validator { get; }
    public IEnumerable<string> Operations => _operations.Keys;

    protected void On<TRequest, TResponse>(string operation, Func<TRequest, TResponse> handler) where TResponse : class =>
        _operations[operation] = body => handler(body.Deserialize<TRequest>(AwsJson.Options)!);

    /// <summary>An operation that also needs the raw request (documents, or attributes kept in wire form).</summary>
    protected void On<TRequest>(string operation, Func<TRequest, JsonElement, JsonNode> handler) =>
        _operations[operation] = body => handler(body.Deserialize<TRequest>(AwsJson.Options)!, body);

    /// <summary>Runs <paramref name="operation"/>; the caller holds the state's lock.</summary>
    public bool TryInvoke(string operation, JsonElement body, out object response)
    {
        response = null!;
        if (!_operations.TryGetValue(operation, out var handler)) return false;
        Validator.Validate(operation, body);
        response = handler(body);
        return true;
    }

    protected DateTimeOffset Now => State.Now;
}
