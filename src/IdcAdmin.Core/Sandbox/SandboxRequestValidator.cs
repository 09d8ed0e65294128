using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// Checks a request against its service model's input constraints (required members, lengths, ranges, patterns,
/// enums, unions), read from the rules tools/generate-service-models.py extracts from botocore, and words the
/// failures as AWS does: "2 validation errors detected: Value 'x' at 'userName' failed to satisfy constraint: …".
/// </summary>
public sealed class SandboxRequestValidator
{
    private static readonly ConcurrentDictionary<string, SandboxRequestValidator> Loaded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _shapes = new(StringComparer.Ordinal);

    private SandboxRequestValidator(JsonElement root)
    {
        foreach (var op in root.GetProperty("operations").EnumerateObject())
            _operations[op.Name] = op.Value.ValueKind == JsonValueKind.String ? op.Value.GetString() : null;
        foreach (var shape in root.GetProperty("shapes").EnumerateObject()) _shapes[shape.Name] = shape.Value.Clone();
    }

    /// <summary>The rules of one service (botocore id: identitystore, sso-admin, organizations), read once per process.</summary>
    public static SandboxRequestValidator For(string serviceId) => Loaded.GetOrAdd(serviceId, id =>
    {
        var name = $"IdcAdmin.Core.Sandbox.{id}.json";
        using var stream = typeof(SandboxRequestValidator).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The sandbox rules resource {name} is missing from the build.");
        using var doc = JsonDocument.Parse(stream);
        return new SandboxRequestValidator(doc.RootElement);
    });

    public bool Knows(string operation) => _operations.ContainsKey(operation);

    /// <summary>Throws ValidationException (or SerializationException for a wrongly typed member) listing every failure.</summary>
    public void Validate(string operation, JsonElement request)
    {
        if (!_operations.TryGetValue(operation, out var input) || input == null) return;
        var errors = new List<string>();
        Check(input, request, "", errors);
        if (errors.Count == 0) return;
        var head = errors.Count == 1 ? "1 validation error detected: " : $"{errors.Count} validation errors detected: ";
        throw SandboxError.Validation(head + string.Join("; ", errors));
    }

    private void Check(string shapeName, JsonElement value, string path, List<string> errors)
    {
        var shape = _shapes[shapeName];
        var type = shape.GetProperty("type").GetString();
        if (shape.TryGetProperty("document", out _)) return;
        switch (type)
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object) throw Serialization(path, "an object");
                var members = shape.GetProperty("members");
                var present = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in value.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Null || !members.TryGetProperty(p.Name, out var memberShape)) continue;
                    present.Add(p.Name);
                    Check(memberShape.GetString()!, p.Value, Join(path, p.Name), errors);
                }
                if (shape.TryGetProperty("required", out var required))
                    foreach (var r in required.EnumerateArray())
                        if (!present.Contains(r.GetString()!))
                            errors.Add($"Value null at '{Join(path, r.GetString()!)}' failed to satisfy constraint: Member must not be null");
                if (shape.TryGetProperty("union", out _) && present.Count != 1)
                    errors.Add($"Value at '{(path.Length == 0 ? "request" : path)}' failed to satisfy constraint: Exactly one member must be set, {present.Count} were");
                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array) throw Serialization(path, "a list");
                Length(shape, value.GetArrayLength(), "length", $"Value '{Abbreviate(value.GetRawText())}'", path, errors);
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Check(shape.GetProperty("member").GetString()!, item, $"{path}.{++i}.member", errors);
                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object) throw Serialization(path, "a map");
                foreach (var p in value.EnumerateObject())
                {
                    Check(shape.GetProperty("key").GetString()!, JsonDocument.Parse(JsonSerializer.Serialize(p.Name)).RootElement, $"{path}.{p.Name}.key", errors);
                    Check(shape.GetProperty("value").GetString()!, p.Value, $"{path}.{p.Name}.value", errors);
                }
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) throw Serialization(path, "a string");
                CheckString(shape, value.GetString()!, path, errors);
                break;
            case "integer":
            case "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n)) throw Serialization(path, "a whole number");
                if (shape.TryGetProperty("min", out var min) && n < min.GetInt64())
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min.GetInt64()}");
                if (shape.TryGetProperty("max", out var max) && n > max.GetInt64())
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max.GetInt64()}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Serialization(path, "true or false");
                break;
            case "timestamp":
            case "double":
            case "float":
                if (value.ValueKind != JsonValueKind.Number) throw Serialization(path, "a number");
                break;
        }
    }

    private static void CheckString(JsonElement shape, string s, string path, List<string> errors)
    {
        var length = CodePoints(s);
        var shown = $"Value '{Abbreviate(s)}'";
        Length(shape, length, "length", shown, path, errors);
        if (shape.TryGetProperty("pattern", out var pattern) && Compile(pattern.GetString()!) is { } regex && !regex.IsMatch(s))
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern.GetString()}");
        if (shape.TryGetProperty("enum", out var values))
        {
            var allowed = values.EnumerateArray().Select(v => v.GetString()!).ToList();
            if (!allowed.Contains(s, StringComparer.Ordinal))
                errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
    }

    private static void Length(JsonElement shape, long length, string what, string shown, string path, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && length < min.GetInt64())
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have {what} greater than or equal to {min.GetInt64()}");
        if (shape.TryGetProperty("max", out var max) && length > max.GetInt64())
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have {what} less than or equal to {max.GetInt64()}");
    }

    // AWS applies a model's pattern to the whole value; a pattern .NET cannot read is not enforced rather than guessed.
    private static Regex? Compile(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try { return new Regex("^(?:" + p + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException) { return null; }
    });

    // Lengths in the models count Unicode code points, not UTF-16 units.
    private static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++) { n++; if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++; }
        return n;
    }

    private static string Abbreviate(string s) => s.Length <= 256 ? s : s.Substring(0, 256) + "…";

    // AWS names members lowerCamelCase in its messages: 'alternateIdentifier.uniqueAttribute.attributePath'.
    private static string Join(string path, string member)
    {
        var camel = member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member.Substring(1);
        return path.Length == 0 ? camel : path + "." + camel;
    }

    private static SandboxError Serialization(string path, string expected) =>
        new("SerializationException", string.Format(CultureInfo.InvariantCulture, "Start of structure or map found where not expected, or '{0}' is not {1}.", path, expected));
}
