using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace IdcAdmin.Core.Configuration;

/// <summary>A node given as a table (an inline policy written as @{ Version = ...; Statement = ... }) turned into JSON text.</summary>
public static class ConfigurationJson
{
    public static string ToJson(ConfigurationNode node) => ToJsonNode(node)?.ToJsonString() ?? "null";

    private static JsonNode? ToJsonNode(ConfigurationNode node) => node.Kind switch
    {
        ConfigurationNodeKind.Map => new JsonObject(node.Entries.Select(e => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(e.Key, ToJsonNode(e.Value)))),
        ConfigurationNodeKind.List => new JsonArray(node.Items.Select(ToJsonNode).ToArray()),
        ConfigurationNodeKind.String => JsonValue.Create((string)node.Value!),
        ConfigurationNodeKind.Boolean => JsonValue.Create((bool)node.Value!),
        ConfigurationNodeKind.Number => (double)node.Value! % 1 == 0 ? JsonValue.Create((long)(double)node.Value!) : JsonValue.Create((double)node.Value!),
        _ => null,
    };
}
