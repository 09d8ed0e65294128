using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>
/// Validates a serialized request against the model's input shape as the service would: known members only, required
/// members present, enum values, string length and pattern, list and map sizes, numeric ranges, one member of a union.
/// </summary>
public sealed class SampleRequestValidator
{
    private readonly ServiceModel _model;
    private readonly List<string> _problems = new();

    private SampleRequestValidator(ServiceModel model) => _model = model;

    /// <summary>Problems of <paramref name="json"/> against <paramref name="shapeName"/> (null: the operation takes no input).</summary>
    public static IReadOnlyList<string> Validate(ServiceModel model, string? shapeName, JsonNode? json)
    {
        var v = new SampleRequestValidator(model);
        if (shapeName == null)
        {
            if (json is not JsonObject { Count: 0 }) v._problems.Add($"$: the operation takes no input, but the request is {json?.ToJsonString()}");
        }
        else v.ValidateValue(shapeName, json, "$");
        return v._problems;
    }

    private void ValidateValue(string shapeName, JsonNode? node, string path)
    {
        var shape = _model.Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        if (node == null)
        {
            _problems.Add($"{path}: null is sent, but members are omitted when unset");
            return;
        }
        switch (kind)
        {
            case "structure" when shape.TryGetProperty("document", out var doc) && doc.GetBoolean():
                break; // a document holds any JSON
            case "structure": ValidateStructure(shapeName, shape, node, path); break;
            case "list": ValidateList(shape, node, path); break;
            case "map": ValidateMap(shape, node, path); break;
            case "string": ValidateString(shapeName, shape, node, path); break;
            case "integer" or "long": ValidateNumber(shape, node, path, integral: true); break;
            case "double" or "float" or "timestamp": ValidateNumber(shape, node, path, integral: false); break;
            case "boolean":
                if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) _problems.Add($"{path}: expected a boolean, got {node.ToJsonString()}");
                break;
            default: _problems.Add($"{path}: shape type {kind} is not known to the validator"); break;
        }
    }

    private void ValidateStructure(string shapeName, JsonElement shape, JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            _problems.Add($"{path}: expected an object for {shapeName}, got {node.ToJsonString()}");
            return;
        }
        var members = shape.GetProperty("members");
        foreach (var (name, value) in obj)
        {
            if (!members.TryGetProperty(name, out var member))
                _problems.Add($"{path}.{name}: {shapeName} has no member '{name}'");
            else
                ValidateValue(member.GetProperty("shape").GetString()!, value, $"{path}.{name}");
        }
        if (shape.TryGetProperty("required", out var required))
            foreach (var r in required.EnumerateArray().Select(e => e.GetString()!))
                if (!obj.ContainsKey(r)) _problems.Add($"{path}: required member '{r}' of {shapeName} is missing");
        if (shape.TryGetProperty("union", out var union) && union.GetBoolean() && obj.Count != 1)
            _problems.Add($"{path}: {shapeName} is a union and needs exactly one member, got {obj.Count}");
    }

    private void ValidateList(JsonElement shape, JsonNode node, string path)
    {
        if (node is not JsonArray array)
        {
            _problems.Add($"{path}: expected a list, got {node.ToJsonString()}");
            return;
        }
        CheckSize(shape, array.Count, path, "items");
        var member = shape.GetProperty("member").GetProperty("shape").GetString()!;
        for (var i = 0; i < array.Count; i++) ValidateValue(member, array[i], $"{path}[{i}]");
    }

    private void ValidateMap(JsonElement shape, JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            _problems.Add($"{path}: expected a map, got {node.ToJsonString()}");
            return;
        }
        CheckSize(shape, obj.Count, path, "entries");
        var key = shape.GetProperty("key").GetProperty("shape").GetString()!;
        var value = shape.GetProperty("value").GetProperty("shape").GetString()!;
        foreach (var (k, v) in obj)
        {
            ValidateValue(key, JsonValue.Create(k), $"{path}{{key {k}}}");
            ValidateValue(value, v, $"{path}.{k}");
        }
    }

    private void ValidateString(string shapeName, JsonElement shape, JsonNode node, string path)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            _problems.Add($"{path}: expected a string for {shapeName}, got {node.ToJsonString()}");
            return;
        }
        var s = node.GetValue<string>();
        if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != s))
            _problems.Add($"{path}: '{s}' is not one of {shapeName}'s values ({string.Join(", ", values.EnumerateArray().Select(v => v.GetString()))})");
        // Smithy lengths count Unicode scalar values, not UTF-16 units.
        CheckSize(shape, s.EnumerateRunes().Count(), path, "characters");
        // Smithy patterns are unanchored: the value must contain a match, as the service checks.
        if (shape.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(s, pattern.GetString()!))
            _problems.Add($"{path}: '{Shorten(s)}' does not match {shapeName}'s pattern {pattern.GetString()}");
    }

    private void ValidateNumber(JsonElement shape, JsonNode node, string path, bool integral)
    {
        if (node.GetValueKind() != JsonValueKind.Number)
        {
            _problems.Add($"{path}: expected a number, got {node.ToJsonString()}");
            return;
        }
        var d = node.GetValue<double>();
        if (integral && d != Math.Floor(d)) _problems.Add($"{path}: {d.ToString(CultureInfo.InvariantCulture)} is not a whole number");
        if (shape.TryGetProperty("min", out var min) && d < min.GetDouble()) _problems.Add($"{path}: {d} is below the minimum {min.GetDouble()}");
        if (shape.TryGetProperty("max", out var max) && d > max.GetDouble()) _problems.Add($"{path}: {d} is above the maximum {max.GetDouble()}");
    }

    private void CheckSize(JsonElement shape, int size, string path, string unit)
    {
        if (shape.TryGetProperty("min", out var min) && size < min.GetInt64()) _problems.Add($"{path}: {size} {unit}, fewer than the minimum {min.GetInt64()}");
        if (shape.TryGetProperty("max", out var max) && size > max.GetInt64()) _problems.Add($"{path}: {size} {unit}, more than the maximum {max.GetInt64()}");
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
