using System.Text.RegularExpressions;
using IdcAdmin.HelpGen;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>The conventions every IdcAdmin cmdlet follows, checked on the compiled assembly.</summary>
public sealed class CmdletConventionTests
{
    private static IReadOnlyList<CommandModel> Commands => ModuleSurface.Commands;

    private static void NoOffenders(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, rule + ":\n  " + string.Join("\n  ", list));
    }

    [Fact]
    public void The_assembly_holds_the_instance_cmdlets()
    {
        Assert.Contains(Commands, c => c.Name == "Connect-IdcInstance");
        Assert.Contains(Commands, c => c.Name == "Get-IdcInstance");
        Assert.Contains(Commands, c => c.Name == "Disconnect-IdcInstance");
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb() =>
        NoOffenders(Commands.Where(c => !Verbs.Approved.Contains(c.Verb)).Select(c => c.Name), "Verbs that are not approved");

    [Fact]
    public void Every_noun_starts_with_Idc() =>
        NoOffenders(Commands.Where(c => !Regex.IsMatch(c.Noun, "^Idc[A-Z]")).Select(c => c.Name), "Nouns without the Idc prefix");

    [Fact]
    public void Every_noun_is_singular()
    {
        // The noun's last word: "IdcGroupMember" -> "Member". Words ending in ss/us/is (Access, Status) are singular.
        static string LastWord(string noun) => Regex.Match(noun, "[A-Z][a-z0-9]*$").Value;
        NoOffenders(Commands.Where(c => Regex.IsMatch(LastWord(c.Noun), "[^sui]s$")).Select(c => c.Name), "Plural nouns");
    }

    [Fact]
    public void Every_cmdlet_class_is_public_sealed_and_named_after_its_command() =>
        NoOffenders(Commands
            .Where(c => !c.IsPublic || !c.IsSealed || c.IsAbstract || !c.TypeFullName.EndsWith("." + c.Verb + c.Noun + "Command", StringComparison.Ordinal))
            .Select(c => $"{c.Name}: {c.TypeFullName} (public {c.IsPublic}, sealed {c.IsSealed})"),
            "Cmdlet classes that are not public sealed <Verb><Noun>Command");

    [Fact]
    public void Every_cmdlet_declares_its_output_type() =>
        NoOffenders(Commands.Where(c => c.OutputTypes.Count == 0).Select(c => c.Name), "Cmdlets without [OutputType]");

    [Fact]
    public void Every_state_changing_cmdlet_supports_WhatIf_and_Confirm() =>
        NoOffenders(Commands.Where(c => Verbs.StateChanging.Contains(c.Verb) && !c.SupportsShouldProcess).Select(c => c.Name),
            "State-changing cmdlets without SupportsShouldProcess");

    [Fact]
    public void Remove_and_Revoke_cmdlets_confirm_by_default_and_offer_Force() =>
        NoOffenders(Commands.Where(c => Verbs.Destructive.Contains(c.Verb))
            .Where(c => c.ConfirmImpact != "High" || !c.Parameters.Any(p => p.Name == "Force" && p.IsSwitch))
            .Select(c => $"{c.Name}: ConfirmImpact {c.ConfirmImpact}, Force switch {c.Parameters.Any(p => p.Name == "Force" && p.IsSwitch)}"),
            "Destructive cmdlets need ConfirmImpact High and a -Force switch");

    [Fact]
    public void At_most_one_parameter_per_set_takes_the_pipeline_by_value() =>
        NoOffenders(Commands.SelectMany(c => c.ParameterSetNames.Select(set => (c, set)))
            .Select(x => (x.c, x.set, ByValue: x.c.ParametersIn(x.set).Where(p => p.Set.ValueFromPipeline).Select(p => p.Parameter.Name).ToList()))
            .Where(x => x.ByValue.Count > 1)
            .Select(x => $"{x.c.Name} set {x.set}: {string.Join(", ", x.ByValue)}"),
            "Parameter sets with more than one ValueFromPipeline parameter");

    [Fact]
    public void Parameter_names_do_not_collide_with_common_parameters() =>
        NoOffenders(Commands.SelectMany(c => c.Parameters.Where(p => CommonParameters.Contains(p.Name)).Select(p => $"{c.Name} -{p.Name}")),
            "Parameters named like a common parameter");

    [Fact]
    public void Every_cmdlet_has_a_synopsis_an_example_and_documented_parameters() =>
        NoOffenders(HelpGenerator.Gaps(Commands, ModuleSurface.Docs), "Help gaps (write XML doc comments: <summary>, <example>, and <summary> on each parameter)");

    [Fact]
    public void Every_example_shows_a_command_and_says_what_it_does() =>
        NoOffenders(Commands.SelectMany(c => ModuleSurface.Docs.Read(c.AssemblyName, c.DocId).Examples
                .Where(e => e.Code.Trim().Length == 0 || e.Remarks.Count == 0)
                .Select(e => $"{c.Name}: an <example> needs <code> and a <para> explaining it")),
            "Incomplete examples");

    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };
}
