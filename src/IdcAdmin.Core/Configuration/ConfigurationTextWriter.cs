using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Configuration;

/// <summary>Writes a configuration tree as a PowerShell data file (.psd1) or as JSON, one value per line for small diffs.</summary>
public static class ConfigurationTextWriter
{
    private static readonly Regex BareKey = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static string ToPowerShellDataFile(ConfigurationNode root)
    {
        var sb = new StringBuilder();
        sb.Append("# IAM Identity Center configuration, read by Compare-IdcConfiguration and Sync-IdcConfiguration (Get-Help about_IdcAdmin_Configuration).\n");
        WritePsd1(sb, root, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void WritePsd1(StringBuilder sb, ConfigurationNode node, int depth)
    {
        var indent = new string(' ', (depth + 1) * 4);
        var close = new string(' ', depth * 4);
        switch (node.Kind)
        {
            case ConfigurationNodeKind.Map:
                sb.Append("@{\n");
                foreach (var e in node.Entries)
                {
                    sb.Append(indent).Append(BareKey.IsMatch(e.Key) ? e.Key : Quote(e.Key)).Append(" = ");
                    WritePsd1(sb, e.Value, depth + 1);
                    sb.Append('\n');
                }
                sb.Append(close).Append('}');
                break;
            case ConfigurationNodeKind.List:
                if (node.Items.Count == 0) { sb.Append("@()"); break; }
                sb.Append("@(\n");
                foreach (var item in node.Items)
                {
                    sb.Append(indent);
                    WritePsd1(sb, item, depth + 1);
                    sb.Append('\n');
                }
                sb.Append(close).Append(')');
                break;
            case ConfigurationNodeKind.String:
                sb.Append(Quote((string)node.Value!));
                if (node.Comment != null) sb.Append("  # ").Append(node.Comment.Replace('\n', ' ').Replace('\r', ' '));
                break;
            case ConfigurationNodeKind.Boolean:
                sb.Append((bool)node.Value! ? "$true" : "$false");
                break;
            case ConfigurationNodeKind.Number:
                sb.Append(((double)node.Value!).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append("$null");
                break;
        }
    }

    /// <summary>A single-quoted PowerShell string: nothing in it expands; every kind of single quote is doubled.</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder("'");
        foreach (var c in value)
        {
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    public static string ToJson(ConfigurationNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(writer, root);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteJson(Utf8JsonWriter writer, ConfigurationNode node)
    {
        switch (node.Kind)
        {
            case ConfigurationNodeKind.Map:
                writer.WriteStartObject();
                foreach (var e in node.Entries)
                {
                    writer.WritePropertyName(e.Key);
                    WriteJson(writer, e.Value);
                }
                writer.WriteEndObject();
                break;
            case ConfigurationNodeKind.List:
                writer.WriteStartArray();
                foreach (var item in node.Items) WriteJson(writer, item);
                writer.WriteEndArray();
                break;
            case ConfigurationNodeKind.String: writer.WriteStringValue((string)node.Value!); break;
            case ConfigurationNodeKind.Boolean: writer.WriteBooleanValue((bool)node.Value!); break;
            case ConfigurationNodeKind.Number: writer.WriteNumberValue((double)node.Value!); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
