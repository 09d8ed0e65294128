using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace IdcAdmin.HelpGen;

/// <summary>Writes PowerShell's MAML help (the *-Help.xml Get-Help reads) for a module's cmdlets.</summary>
public sealed class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    private readonly XmlDocumentation _docs;
    private readonly string _aboutTopic;

    public MamlWriter(XmlDocumentation docs, string aboutTopic)
    {
        _docs = docs;
        _aboutTopic = aboutTopic;
    }

    public XDocument Write(IEnumerable<CommandModel> commands)
    {
        var list = commands.ToList();
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
                list.Select(c => WriteCommand(c, list))));
    }

    private XElement WriteCommand(CommandModel command, IReadOnlyList<CommandModel> all)
    {
        var doc = _docs.Read(command.AssemblyName, command.DocId);
        var parameters = command.Parameters.Select(p => (Model: p, Doc: _docs.Read(p.DeclaringAssemblyName, p.DocId).SummaryText)).ToList();
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                Description(doc.Summary)),
            Description(doc.Remarks.Count > 0 ? doc.Remarks : doc.Summary),
            new XElement(Command + "syntax", command.ParameterSetNames.Select(set => SyntaxItem(command, set, parameters))),
            new XElement(Command + "parameters",
                parameters.Select(p => Parameter(p.Model, p.Doc, Merge(p.Model.Sets), inSyntax: false)),
                ShouldProcessParameters(command, inSyntax: false)),
            new XElement(Command + "inputTypes", InputTypes(command)),
            new XElement(Command + "returnValues", ReturnValues(command)),
            new XElement(Command + "examples", doc.Examples.Select((e, i) => Example(e, i + 1))),
            new XElement(Command + "relatedLinks",
                Link(_aboutTopic),
                all.Where(c => c.Noun == command.Noun && c.Name != command.Name).Select(c => Link(c.Name))));
    }

    private XElement SyntaxItem(CommandModel command, string set, List<(ParameterModel Model, string Doc)> parameters)
    {
        var docs = parameters.ToDictionary(p => p.Model.Name, p => p.Doc);
        var ordered = command.ParametersIn(set)
            .OrderBy(x => x.Set.Position ?? int.MaxValue)
            .ThenBy(x => x.Set.Mandatory ? 0 : 1);
        return new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", command.Name),
            ordered.Select(x => Parameter(x.Parameter, docs[x.Parameter.Name], x.Set, inSyntax: true)),
            ShouldProcessParameters(command, inSyntax: true));
    }

    /// <summary>-WhatIf and -Confirm, which PowerShell adds to every cmdlet that supports ShouldProcess.</summary>
    private static IEnumerable<XElement> ShouldProcessParameters(CommandModel command, bool inSyntax)
    {
        if (!command.SupportsShouldProcess) yield break;
        yield return Switch("WhatIf", "wi", "Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.", inSyntax);
        yield return Switch("Confirm", "cf", "Prompts you for confirmation before running the cmdlet.", inSyntax);
    }

    private static XElement Switch(string name, string alias, string description, bool inSyntax) =>
        Parameter(new ParameterModel
        {
            Name = name, DocId = "", DeclaringAssemblyName = "", TypeName = "SwitchParameter",
            TypeFullName = "System.Management.Automation.SwitchParameter", IsSwitch = true, Aliases = [alias],
        }, description, new ParameterSetModel(), inSyntax);

    /// <summary>How a parameter binds across all its sets, for the parameter list.</summary>
    private static ParameterSetModel Merge(IReadOnlyList<ParameterSetModel> sets) => new()
    {
        Mandatory = sets.All(s => s.Mandatory),
        Position = sets.Select(s => s.Position).Distinct().Count() == 1 ? sets[0].Position : null,
        ValueFromPipeline = sets.Any(s => s.ValueFromPipeline),
        ValueFromPipelineByPropertyName = sets.Any(s => s.ValueFromPipelineByPropertyName),
        ValueFromRemainingArguments = sets.Any(s => s.ValueFromRemainingArguments),
    };

    private static XElement Parameter(ParameterModel p, string description, ParameterSetModel set, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", set.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", p.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", PipelineInput(set)),
            new XAttribute("position", set.Position?.ToString() ?? "named"),
            new XAttribute("aliases", p.Aliases.Count > 0 ? string.Join(", ", p.Aliases) : "none"),
            new XElement(Maml + "name", p.Name),
            Description(description.Length > 0 ? [description] : []));
        if (inSyntax && p.ValidValues.Count > 0)
            element.Add(new XElement(Command + "parameterValueGroup",
                p.ValidValues.Select(v => new XElement(Command + "parameterValue",
                    new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        if (!(inSyntax && p.IsSwitch))
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", p.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), p.TypeName));
        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", p.TypeFullName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.IsSwitch ? "False" : "None"));
        if (!inSyntax && p.ValidValues.Count > 0)
            element.Element(Maml + "description")!.Add(Para("Accepted values: " + string.Join(", ", p.ValidValues)));
        return element;
    }

    private static string PipelineInput(ParameterSetModel s) => (s.ValueFromPipeline, s.ValueFromPipelineByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static IEnumerable<XElement> InputTypes(CommandModel command)
    {
        var byValue = command.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipeline)).ToList();
        var byName = command.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipelineByPropertyName) && !byValue.Contains(p)).ToList();
        foreach (var group in byValue.GroupBy(p => p.TypeFullName))
            yield return TypeEntry(Command + "inputType", group.Key,
                $"You can pipe {group.Key} objects to the {string.Join(", ", group.Select(p => p.Name))} parameter.");
        if (byName.Count > 0)
            yield return TypeEntry(Command + "inputType", "System.Management.Automation.PSObject",
                "You can pipe objects with these properties, bound by property name: " + string.Join(", ", byName.Select(p => p.Name)) + ".");
        if (byValue.Count == 0 && byName.Count == 0)
            yield return TypeEntry(Command + "inputType", "None", "You cannot pipe objects to this cmdlet.");
    }

    private static IEnumerable<XElement> ReturnValues(CommandModel command)
    {
        var types = command.OutputTypes.Where(t => t != "System.Void").ToList();
        if (types.Count == 0)
            yield return TypeEntry(Command + "returnValue", "None", "This cmdlet writes no objects to the pipeline.");
        foreach (var t in types) yield return TypeEntry(Command + "returnValue", t, "");
    }

    private static XElement TypeEntry(XName name, string type, string description) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            Description(description.Length > 0 ? [description] : []));

    // Get-Help prints an example's remarks straight above the next example's title: an empty last paragraph keeps a
    // blank line between them.
    private static XElement Example(ExampleDoc example, int number) =>
        new(Command + "example",
            new XElement(Maml + "title", $"Example {number}" + (example.Title is { } t ? ": " + t : "")),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", example.Remarks.Append("").Select(Para)));

    private static XElement Link(string text) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);
}
