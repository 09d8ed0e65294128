using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// Reads a JSON configuration into the node tree, keeping each value's line (JsonDocument forgets positions, so the
/// reader walks the tokens itself). Comments and trailing commas are allowed; duplicate keys are reported.
/// </summary>
public static class JsonConfigurationReader
{
    public static ConfigurationNode Read(string text, string file, List<ConfigurationProblem> problems)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) throw new JsonException("The file is empty.");
            return ReadValue(ref reader, lineStarts, file, "", problems);
        }
        catch (JsonException e)
        {
            var line = LineOf(lineStarts, (int)Math.Min(int.MaxValue, reader.TokenStartIndex));
            problems.Add(new ConfigurationProblem(file, e.LineNumber.HasValue ? (int)e.LineNumber.Value + 1 : line, "", "Not valid JSON: " + e.Message));
            return ConfigurationNode.Map(1, Array.Empty<KeyValuePair<string, ConfigurationNode>>());
        }
    }

    private static ConfigurationNode ReadValue(ref Utf8JsonReader reader, List<int> lineStarts, string file, string path, List<ConfigurationProblem> problems)
    {
        var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<string, ConfigurationNode>>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    var keyLine = LineOf(lineStarts, (int)reader.TokenStartIndex);
                    reader.Read();
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    var value = ReadValue(ref reader, lineStarts, file, childPath, problems);
                    if (!seen.Add(key)) problems.Add(new ConfigurationProblem(file, keyLine, childPath, $"The key '{key}' appears twice."));
                    else entries.Add(new KeyValuePair<string, ConfigurationNode>(key, value));
                }
                return ConfigurationNode.Map(line, entries);
            case JsonTokenType.StartArray:
                var items = new List<ConfigurationNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lineStarts, file, $"{path}[{items.Count}]", problems));
                return ConfigurationNode.List(line, items);
            case JsonTokenType.String:
                return ConfigurationNode.Scalar(line, reader.GetString());
            case JsonTokenType.Number:
                return ConfigurationNode.Scalar(line, reader.GetDouble());
            case JsonTokenType.True:
            case JsonTokenType.False:
                return ConfigurationNode.Scalar(line, reader.GetBoolean());
            default:
                return ConfigurationNode.Scalar(line, null);
        }
    }

    private static int LineOf(List<int> lineStarts, int offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }
}
