using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>
/// Compares a C# request/response class with a model shape, recursively through its [JsonPropertyName] members:
/// every member it names exists in the shape with a compatible type; for requests, every required member is there.
/// </summary>
public sealed class ShapeTypeChecker
{
    private readonly ServiceModel _model;
    private readonly bool _requireRequiredMembers;
    private readonly HashSet<(Type, string)> _visited = new();
    private readonly List<string> _problems = new();

    private ShapeTypeChecker(ServiceModel model, bool requireRequiredMembers)
    {
        _model = model;
        _requireRequiredMembers = requireRequiredMembers;
    }

    /// <summary>Problems of <paramref name="type"/> against <paramref name="shapeName"/> (null: the operation has no such shape).</summary>
    public static IReadOnlyList<string> Check(ServiceModel model, Type type, string? shapeName, bool isRequest)
    {
        var checker = new ShapeTypeChecker(model, isRequest);
        if (shapeName == null) checker.CheckEmpty(type);
        else checker.CheckStructure(type, shapeName, type.Name);
        return checker._problems;
    }

    private void CheckEmpty(Type type)
    {
        foreach (var p in SerializedProperties(type))
            _problems.Add($"{type.Name}.{p.Name}: the operation has no shape here, so no member can be sent or read");
    }

    private void CheckStructure(Type type, string shapeName, string path)
    {
        if (!_visited.Add((type, shapeName))) return;
        var shape = _model.Shape(shapeName);
        var members = shape.GetProperty("members");
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in SerializedProperties(type))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (jsonName == null)
            {
                _problems.Add($"{path}.{property.Name}: no [JsonPropertyName]; it would be sent under its C# name");
                jsonName = property.Name;
            }
            named.Add(jsonName);
            if (!members.TryGetProperty(jsonName, out var member))
            {
                _problems.Add($"{path}.{jsonName}: shape {shapeName} has no member '{jsonName}'");
                continue;
            }
            CheckValue(property.PropertyType, member.GetProperty("shape").GetString()!, $"{path}.{jsonName}");
        }
        if (_requireRequiredMembers && shape.TryGetProperty("required", out var required))
            foreach (var r in required.EnumerateArray().Select(e => e.GetString()!))
                if (!named.Contains(r))
                    _problems.Add($"{path}: required member '{r}' of shape {shapeName} is missing");
    }

    private void CheckValue(Type type, string shapeName, string path)
    {
        var shape = _model.Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var t = Nullable.GetUnderlyingType(type) ?? type;
        switch (kind)
        {
            case "string": Expect(t == typeof(string), path, type, "string"); break;
            case "integer": Expect(t == typeof(int), path, type, "int"); break;
            case "long": Expect(t == typeof(long), path, type, "long"); break;
            case "boolean": Expect(t == typeof(bool), path, type, "bool"); break;
            case "double" or "float": Expect(t == typeof(double), path, type, "double"); break;
            case "timestamp": Expect(t == typeof(DateTimeOffset), path, type, "DateTimeOffset"); break;
            case "blob": Expect(t == typeof(byte[]), path, type, "byte[]"); break;
            case "list":
                if (ElementOfList(t) is { } element) CheckValue(element, shape.GetProperty("member").GetProperty("shape").GetString()!, path + "[]");
                else _problems.Add($"{path}: {type.Name} is not a list, the shape {shapeName} is");
                break;
            case "map":
                if (MapTypes(t) is { } kv)
                {
                    CheckValue(kv.Key, shape.GetProperty("key").GetProperty("shape").GetString()!, path + "{key}");
                    CheckValue(kv.Value, shape.GetProperty("value").GetProperty("shape").GetString()!, path + "{}");
                }
                else _problems.Add($"{path}: {type.Name} is not a string-keyed dictionary, the shape {shapeName} is a map");
                break;
            case "structure" when shape.TryGetProperty("document", out var doc) && doc.GetBoolean():
                Expect(t == typeof(object) || t == typeof(JsonElement) || t == typeof(JsonNode), path, type, "object (document)");
                break;
            case "structure":
                if (t.IsClass && t != typeof(string) && ElementOfList(t) == null && MapTypes(t) == null) CheckStructure(t, shapeName, path);
                else _problems.Add($"{path}: {type.Name} is not a class, the shape {shapeName} is a structure");
                break;
            default: _problems.Add($"{path}: shape {shapeName} has type {kind}, which the checker does not know"); break;
        }
    }

    private void Expect(bool ok, string path, Type actual, string expected)
    {
        if (!ok) _problems.Add($"{path}: {actual.Name} is not compatible with the model's {expected}");
    }

    private static IEnumerable<PropertyInfo> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() == null && p.GetIndexParameters().Length == 0);

    private static Type? ElementOfList(Type t)
    {
        if (t.IsArray && t != typeof(byte[])) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        return def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IReadOnlyList<>) || def == typeof(IEnumerable<>) || def == typeof(ICollection<>)
            ? t.GetGenericArguments()[0] : null;
    }

    private static KeyValuePair<Type, Type>? MapTypes(Type t)
    {
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        if (def != typeof(Dictionary<,>) && def != typeof(IDictionary<,>) && def != typeof(IReadOnlyDictionary<,>)) return null;
        var args = t.GetGenericArguments();
        return new KeyValuePair<Type, Type>(args[0], args[1]);
    }
}
