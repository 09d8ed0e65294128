using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IdcAdmin.HelpGen;

/// <summary>The C# compiler's XML documentation files next to an assembly, read as plain help text.</summary>
public sealed class XmlDocumentation
{
    private readonly string _directory;
    private readonly Dictionary<string, Dictionary<string, XElement>> _byAssembly = new(StringComparer.OrdinalIgnoreCase);

    public XmlDocumentation(string directory) => _directory = directory;

    /// <summary>The &lt;member&gt; element of an id ("T:…", "P:…") in that assembly's doc file, or null.</summary>
    public XElement? Member(string assemblyName, string docId)
    {
        if (!_byAssembly.TryGetValue(assemblyName, out var members))
        {
            var path = Path.Combine(_directory, assemblyName + ".xml");
            members = File.Exists(path)
                ? XDocument.Load(path).Descendants("member")
                    .Where(m => m.Attribute("name") != null)
                    .GroupBy(m => (string)m.Attribute("name")!)
                    .ToDictionary(g => g.Key, g => g.First())
                : new Dictionary<string, XElement>();
            _byAssembly[assemblyName] = members;
        }
        return members.TryGetValue(docId, out var member) ? member : null;
    }

    public DocEntry Read(string assemblyName, string docId)
    {
        var member = Member(assemblyName, docId);
        if (member == null) return DocEntry.Empty;
        return new DocEntry(
            Paragraphs(member.Element("summary")),
            Paragraphs(member.Element("remarks")),
            member.Elements("example").Select(ReadExample).ToList());
    }

    /// <summary>&lt;example&gt;: optional title text, then &lt;code&gt;, then &lt;para&gt; text saying what it does.</summary>
    private static ExampleDoc ReadExample(XElement example)
    {
        var code = example.Elements("code").ToList();
        var titleNodes = example.Nodes().TakeWhile(n => n is not XElement { Name.LocalName: "code" } && n is not XElement { Name.LocalName: "para" });
        var title = Inline(titleNodes);
        var after = new XElement("remarks", example.Nodes().Where(n => !titleNodes.Contains(n) && n is not XElement { Name.LocalName: "code" }));
        return new ExampleDoc(
            title.Length == 0 ? null : title,
            string.Join("\n", code.Select(c => Code(c.Value))),
            Paragraphs(after));
    }

    /// <summary>Text split into paragraphs at &lt;para&gt; elements, with inline markup turned into plain words.</summary>
    public static IReadOnlyList<string> Paragraphs(XElement? element)
    {
        var result = new List<string>();
        if (element == null) return result;
        var pending = new List<XNode>();
        void Flush()
        {
            var text = Inline(pending);
            if (text.Length > 0) result.Add(text);
            pending.Clear();
        }
        foreach (var node in element.Nodes())
        {
            if (node is XElement { Name.LocalName: "para" } para)
            {
                Flush();
                result.AddRange(Paragraphs(para));
            }
            else if (node is XElement { Name.LocalName: "code" } code)
            {
                Flush();
                result.Add(Code(code.Value));
            }
            else if (node is XElement { Name.LocalName: "list" } list)
            {
                Flush();
                result.AddRange(list.Elements("item").Select(i => "- " + Inline((i.Element("description") ?? i).Nodes())));
            }
            else pending.Add(node);
        }
        Flush();
        return result;
    }

    private static string Inline(IEnumerable<XNode> nodes)
    {
        var text = new StringBuilder();
        foreach (var node in nodes) Append(text, node);
        return Regex.Replace(text.ToString(), @"\s+", " ").Trim();
    }

    private static void Append(StringBuilder text, XNode node)
    {
        switch (node)
        {
            case XText t:
                text.Append(t.Value);
                break;
            case XElement { Name.LocalName: "see" or "seealso" } see:
                text.Append(see.Value.Length > 0 ? see.Value
                    : (string?)see.Attribute("langword") ?? ShortCref((string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? ""));
                break;
            case XElement { Name.LocalName: "paramref" or "typeparamref" } r:
                text.Append((string?)r.Attribute("name"));
                break;
            case XElement e:
                foreach (var child in e.Nodes()) Append(text, child);
                break;
        }
    }

    private static string ShortCref(string cref)
    {
        var name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>A code block without the indentation the doc comment gave it.</summary>
    public static string Code(string value)
    {
        var lines = value.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }
}

public sealed record DocEntry(IReadOnlyList<string> Summary, IReadOnlyList<string> Remarks, IReadOnlyList<ExampleDoc> Examples)
{
    public static readonly DocEntry Empty = new([], [], []);
    public string SummaryText => string.Join(" ", Summary);
}

public sealed record ExampleDoc(string? Title, string Code, IReadOnlyList<string> Remarks);
