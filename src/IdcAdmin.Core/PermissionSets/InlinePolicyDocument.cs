using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// The one inline policy a permission set may have: checked as IAM would check its outline (a JSON object with Version
/// and Statement, at most 32,768 bytes), built from a dictionary when given as one, and compared by meaning rather
/// than by whitespace and key order.
/// </summary>
public static class InlinePolicyDocument
{
    public const int MaxBytes = 32_768;

    /// <summary>What is wrong with <paramref name="json"/> as a policy document; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add($"The inline policy is not valid JSON: {e.Message}");
            return problems;
        }
        if (node is not JsonObject policy)
        {
            problems.Add("The inline policy must be a JSON object with Version and Statement.");
            return problems;
        }
        if (policy["Version"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String)
            problems.Add("The inline policy has no Version (use \"Version\": \"2012-10-17\").");
        if (policy["Statement"] is not (JsonObject or JsonArray))
            problems.Add("The inline policy has no Statement (an object or an array of statements).");
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxBytes) problems.Add($"The inline policy is {bytes:N0} bytes; a permission set's inline policy may hold at most {MaxBytes:N0}.");
        return problems;
    }

    /// <summary>
    /// JSON for a policy given as a dictionary (a PowerShell hashtable), lists and scalars nested in it.
    /// <paramref name="unwrap"/> lets the caller turn its own wrapper objects into dictionaries, lists or scalars first.
    /// </summary>
    public static string FromObject(object value, Func<object, object?>? unwrap = null) =>
        ToNode(value, unwrap ?? (o => o))?.ToJsonString() ?? "null";

    /// <summary>Whether two policy documents say the same thing (whitespace and key order ignored).</summary>
    public static bool AreEquivalent(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return string.IsNullOrWhiteSpace(a) && string.IsNullOrWhiteSpace(b);
        try
        {
            return Canonical(JsonNode.Parse(a!)) == Canonical(JsonNode.Parse(b!));
        }
        catch (JsonException)
        {
            return string.Equals(a!.Trim(), b!.Trim(), StringComparison.Ordinal);
        }
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        _ => node.ToJsonString(),
    };

    private static JsonNode? ToNode(object? value, Func<object, object?> unwrap)
    {
        if (value == null) return null;
        value = unwrap(value);
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case char c: return JsonValue.Create(c.ToString());
            case JsonNode n: return n.DeepClone();
            case IDictionary dictionary:
                var obj = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                    obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value, unwrap);
                return obj;
            case IEnumerable list:
                var array = new JsonArray();
                foreach (var item in list) array.Add(ToNode(item, unwrap));
                return array;
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case float or double or decimal:
                return JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
