using System.Xml.Linq;
using IdcAdmin.HelpGen;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>The MAML help generator, on the sample cmdlets of this assembly and on the real module.</summary>
public sealed class HelpGeneratorTests : IDisposable
{
    private static readonly XNamespace Maml = MamlWriter.Maml, Command = MamlWriter.Command, Dev = MamlWriter.Dev;
    private readonly string _dir = Directory.CreateTempSubdirectory("idcadmin-help-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private XDocument Generate(string assembly, out HelpGenerator.Result result)
    {
        var output = Path.Combine(_dir, "en-US", Path.GetFileName(assembly) + "-Help.xml");
        result = HelpGenerator.Generate(assembly, output, "about_IdcAdmin");
        return XDocument.Load(output);
    }

    private XElement SampleCommand(string name)
    {
        var doc = Generate(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Tests.dll"), out _);
        return doc.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);
    }

    private static XElement Param(XElement parent, string name) =>
        parent.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);

    [Fact]
    public void The_module_help_is_MAML_with_one_command_per_cmdlet_class()
    {
        var doc = Generate(Repo.CmdletAssembly, out var result);
        Assert.Equal(XName.Get("helpItems", "http://msh"), doc.Root!.Name);
        Assert.Equal("maml", (string?)doc.Root.Attribute("schema"));
        var names = doc.Root.Elements(Command + "command")
            .Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).OrderBy(n => n).ToList();
        Assert.Equal(ModuleSurface.Commands.Where(c => c.IsPublic).Select(c => c.Name).OrderBy(n => n), names);
        Assert.Equal(names.Count, result.CommandCount);
        Assert.All(doc.Root.Elements(Command + "command"), c =>
        {
            Assert.NotEmpty(c.Element(Command + "details")!.Element(Maml + "description")!.Elements(Maml + "para"));
            Assert.NotEmpty(c.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
            Assert.NotEmpty(c.Element(Command + "examples")!.Elements(Command + "example"));
        });
    }

    [Fact]
    public void Connect_IdcInstance_help_documents_its_parameters_and_examples()
    {
        var doc = Generate(Repo.CmdletAssembly, out _);
        var connect = doc.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == "Connect-IdcInstance");
        var parameters = connect.Element(Command + "parameters")!;
        Assert.Contains("profile", Param(parameters, "ProfileName").Element(Maml + "description")!.Value);
        Assert.Equal("0", (string?)Param(parameters, "ProfileName").Attribute("position"));
        Assert.Equal("True (ByPropertyName)", (string?)Param(parameters, "InstanceArn").Attribute("pipelineInput"));
        Assert.Contains(connect.Descendants(Dev + "code"), c => c.Value.Contains("Connect-IdcInstance -ProfileName"));
    }

    [Fact]
    public void Synopsis_description_paragraphs_and_examples_come_from_the_doc_comments()
    {
        var remove = SampleCommand("Remove-IdcSampleWidget");
        Assert.Equal("Removes sample widgets.", remove.Element(Command + "details")!.Element(Maml + "description")!.Value);
        Assert.Equal(["First paragraph of the description.", "Second paragraph, naming SampleWidget and -Name."],
            remove.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));
        var examples = remove.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("Example 1: Remove by name", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Remove-IdcSampleWidget -Name w1\nGet-IdcSampleWidget", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Removes w1, then lists what is left.", examples[0].Element(Dev + "remarks")!.Value);
        Assert.Equal("Example 2", examples[1].Element(Maml + "title")!.Value);
    }

    [Fact]
    public void Each_parameter_set_is_one_syntax_item_with_the_default_set_first()
    {
        var items = SampleCommand("Remove-IdcSampleWidget").Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        var byName = items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToList();
        var byObject = items[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToList();
        Assert.Equal("Name", byName[0]);
        Assert.DoesNotContain("InputObject", byName);
        Assert.Contains("InputObject", byObject);
        Assert.DoesNotContain("Name", byObject);
        Assert.All(new[] { byName, byObject }, set => Assert.Contains("Force", set));
        Assert.Equal("true", (string?)Param(items[0], "Name").Attribute("required"));
    }

    [Fact]
    public void ShouldProcess_adds_WhatIf_and_Confirm_but_other_common_parameters_are_not_listed()
    {
        var remove = SampleCommand("Remove-IdcSampleWidget");
        var names = remove.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToList();
        Assert.Contains("WhatIf", names);
        Assert.Contains("Confirm", names);
        Assert.DoesNotContain("Verbose", names);
        Assert.DoesNotContain("NotAParameter", names);
        Assert.All(remove.Element(Command + "syntax")!.Elements(Command + "syntaxItem"), item =>
            Assert.Equal(["WhatIf", "Confirm"], item.Elements(Command + "parameter").TakeLast(2).Select(p => p.Element(Maml + "name")!.Value)));

        var get = SampleCommand("Get-IdcSampleWidget");
        Assert.DoesNotContain(get.Descendants(Maml + "name"), n => n.Value is "WhatIf" or "Confirm");
    }

    [Fact]
    public void Parameters_carry_type_pipeline_input_globbing_aliases_and_accepted_values()
    {
        var remove = SampleCommand("Remove-IdcSampleWidget");
        var parameters = remove.Element(Command + "parameters")!;
        var name = Param(parameters, "Name");
        Assert.Equal("true", (string?)name.Attribute("globbing"));
        Assert.Equal("WidgetName", (string?)name.Attribute("aliases"));
        Assert.Equal("True (ByPropertyName)", (string?)name.Attribute("pipelineInput"));
        Assert.Equal("String[]", name.Element(Command + "parameterValue")!.Value);
        Assert.Equal("System.String[]", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("Names of the widgets to remove.", name.Element(Maml + "description")!.Value);
        Assert.Equal("True (ByValue)", (string?)Param(parameters, "InputObject").Attribute("pipelineInput"));
        Assert.Equal("named", (string?)Param(parameters, "Force").Attribute("position"));

        var syntax = remove.Element(Command + "syntax")!.Elements(Command + "syntaxItem").First();
        Assert.Equal(["Red", "Green"], Param(syntax, "Colour").Element(Command + "parameterValueGroup")!.Elements().Select(v => v.Value));
        Assert.Equal(["Quiet", "Loud"], Param(syntax, "Mode").Element(Command + "parameterValueGroup")!.Elements().Select(v => v.Value));
        Assert.Null(Param(syntax, "Force").Element(Command + "parameterValue"));
        Assert.Contains("Accepted values: Red, Green", Param(parameters, "Colour").Element(Maml + "description")!.Value);
    }

    [Fact]
    public void Inputs_and_outputs_name_the_pipeline_and_OutputType_types()
    {
        var remove = SampleCommand("Remove-IdcSampleWidget");
        var inputs = remove.Element(Command + "inputTypes")!.Descendants(Dev + "type").Select(t => t.Element(Maml + "name")!.Value).ToList();
        Assert.Contains(typeof(Samples.SampleWidget).FullName, inputs);
        Assert.Equal([typeof(Samples.SampleWidget).FullName!],
            remove.Element(Command + "returnValues")!.Descendants(Dev + "type").Select(t => t.Element(Maml + "name")!.Value));
        var get = SampleCommand("Get-IdcSampleWidget");
        Assert.Equal("None", get.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
    }

    [Fact]
    public void Related_links_point_to_the_about_topic_and_the_nouns_other_cmdlets()
    {
        var links = SampleCommand("Get-IdcSampleWidget").Descendants(Maml + "linkText").Select(l => l.Value).ToList();
        Assert.Equal(["about_IdcAdmin", "Remove-IdcSampleWidget"], links);
    }

    [Fact]
    public void Parameters_declared_on_a_shared_base_or_overridden_by_the_cmdlet_keep_their_help()
    {
        var doc = Generate(Repo.CmdletAssembly, out _);
        string Help(string command, string parameter) => Param(doc.Root!.Elements(Command + "command")
                .Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == command).Element(Command + "parameters")!, parameter)
            .Element(Maml + "description")!.Value;

        // Each cmdlet's own text for the parameters it overrides …
        Assert.Contains("The groups to add to", Help("Add-IdcGroupMember", "Group"));
        Assert.Contains("The groups to remove from", Help("Remove-IdcGroupMember", "Group"));
        Assert.Contains("Revoke the user's account assignments", Help("Remove-IdcUser", "RemoveAssignments"));
        Assert.Contains("Revoke the group's account assignments", Help("Remove-IdcGroup", "RemoveAssignments"));
        // … and the base's text for the parameters it declares once.
        Assert.Contains("Group ids", Help("Add-IdcGroupMember", "GroupId"));
        Assert.Contains("User ids", Help("Remove-IdcGroupMember", "UserId"));
        Assert.Contains("Delete without asking", Help("Remove-IdcGroup", "Force"));
    }

    [Fact]
    public void Missing_docs_are_reported_as_gaps()
    {
        using var reader = new CmdletReader(Path.Combine(AppContext.BaseDirectory, "IdcAdmin.Tests.dll"));
        var gaps = HelpGenerator.Gaps(reader.ReadCommands(), new XmlDocumentation(AppContext.BaseDirectory)).ToList();
        Assert.Equal(["Get-IdcSampleWidget: no <example> on " + typeof(Samples.GetIdcSampleWidgetCommand).FullName], gaps);
    }
}
