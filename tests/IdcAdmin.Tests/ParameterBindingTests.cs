using System.Reflection;
using IdcAdmin.HelpGen;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// Parameter declarations that compile but that PowerShell refuses when it first binds the cmdlet (a MetadataException
/// such as ParameterNameConflictsWithAlias, or "Parameter set cannot be resolved"), checked on the compiled assembly.
/// </summary>
public sealed class ParameterBindingTests
{
    private const string Sma = "System.Management.Automation.";

    private static IReadOnlyList<CommandModel> Commands => ModuleSurface.Commands;

    /// <summary>The common parameters every cmdlet gets (with ShouldProcess ones), and their built-in aliases.</summary>
    private static readonly Dictionary<string, string[]> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Verbose"] = ["vb"], ["Debug"] = ["db"], ["ErrorAction"] = ["ea"], ["WarningAction"] = ["wa"],
        ["InformationAction"] = ["infa"], ["ProgressAction"] = ["proga"], ["ErrorVariable"] = ["ev"],
        ["WarningVariable"] = ["wv"], ["InformationVariable"] = ["iv"], ["OutVariable"] = ["ov"], ["OutBuffer"] = ["ob"],
        ["PipelineVariable"] = ["pv"], ["WhatIf"] = ["wi"], ["Confirm"] = ["cf"],
    };

    private static void NoOffenders(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, rule + ":\n  " + string.Join("\n  ", list));
    }

    /// <summary>The sets PowerShell resolves for a command: its named sets, or the one implicit set.</summary>
    private static IEnumerable<(CommandModel Command, string Set)> Sets() =>
        Commands.SelectMany(c => c.ParameterSetNames.Select(set => (c, set)));

    [Fact]
    public void The_default_parameter_set_is_a_declared_set() =>
        NoOffenders(Commands.Where(c => c.DefaultParameterSetName != null && !c.ParameterSetNames.Contains(c.DefaultParameterSetName))
                .Select(c => $"{c.Name}: DefaultParameterSetName '{c.DefaultParameterSetName}', sets {string.Join(", ", c.ParameterSetNames)}"),
            "Default parameter sets that no parameter declares");

    [Fact]
    public void Positions_are_unique_within_each_parameter_set() =>
        NoOffenders(Sets().SelectMany(x => x.Command.ParametersIn(x.Set)
                .Where(p => p.Set.Position != null)
                .GroupBy(p => p.Set.Position)
                .Where(g => g.Count() > 1)
                .Select(g => $"{x.Command.Name} set {x.Set}: position {g.Key} is taken by {string.Join(", ", g.Select(p => p.Parameter.Name))}")),
            "Parameter sets with two parameters at one position");

    [Fact]
    public void No_two_parameter_names_or_aliases_are_equal_ignoring_case()
    {
        var offenders = new List<string>();
        foreach (var c in Commands)
        {
            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (common, aliases) in CommonParameters)
                foreach (var name in aliases.Prepend(common)) owner[name] = "common parameter -" + common;
            foreach (var p in c.Parameters)
                foreach (var name in p.Aliases.Prepend(p.Name))
                {
                    if (owner.TryGetValue(name, out var other)) offenders.Add($"{c.Name}: '{name}' of -{p.Name} is already {other}");
                    else owner[name] = "-" + p.Name;
                }
        }
        NoOffenders(offenders, "Parameter names or aliases that PowerShell refuses as duplicates (ParameterNameConflictsWithAlias)");
    }

    [Fact]
    public void Parameter_sets_without_a_default_differ_in_their_mandatory_parameters()
    {
        var offenders = new List<string>();
        foreach (var c in Commands.Where(c => c.DefaultParameterSetName == null && c.ParameterSetNames.Count > 1))
        {
            var bySignature = c.ParameterSetNames.GroupBy(set => string.Join(",",
                c.ParametersIn(set).Where(p => p.Set.Mandatory).Select(p => p.Parameter.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase)));
            offenders.AddRange(bySignature.Where(g => g.Count() > 1)
                .Select(g => $"{c.Name}: sets {string.Join(", ", g)} have the same mandatory parameters ({(g.Key.Length == 0 ? "none" : g.Key)})"));
        }
        NoOffenders(offenders, "Parameter sets PowerShell cannot tell apart (declare a DefaultParameterSetName)");
    }

    [Fact]
    public void Switch_parameters_are_neither_mandatory_nor_positional() =>
        NoOffenders(Commands.SelectMany(c => c.Parameters.Where(p => p.IsSwitch && p.Sets.Any(s => s.Mandatory || s.Position != null))
                .Select(p => $"{c.Name} -{p.Name}")),
            "Switch parameters that are mandatory or positional");

    [Fact]
    public void Parameter_attributes_sit_on_public_settable_parameter_properties()
    {
        using var reader = new CmdletReader(Repo.CmdletAssembly);
        var offenders = new List<string>();
        foreach (var type in reader.Assembly.GetTypes().Where(IsCmdlet))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData();
                var binding = attributes.Where(a => IsBindingAttribute(a.AttributeType)).Select(a => a.AttributeType.Name).ToList();
                if (binding.Count == 0) continue;
                var isParameter = attributes.Any(a => a.AttributeType.FullName == Sma + "ParameterAttribute");
                var publicGet = property.GetMethod?.IsPublic == true;
                var publicSet = property.SetMethod?.IsPublic == true;
                if (!isParameter || !publicGet || !publicSet)
                    offenders.Add($"{type.Name}.{property.Name} [{string.Join(", ", binding)}]: parameter {isParameter}, public get {publicGet}, public set {publicSet}");
            }
        }
        NoOffenders(offenders, "Binding attributes PowerShell ignores or cannot apply (they need a [Parameter] property with a public setter)");
    }

    private static bool IsCmdlet(Type type)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.FullName == Sma + "Cmdlet") return true;
        return false;
    }

    /// <summary>[Parameter], [Alias], [Validate*], [Allow*], transformations, completers, [SupportsWildcards].</summary>
    private static bool IsBindingAttribute(Type attribute)
    {
        if (attribute.FullName is Sma + "ArgumentCompleterAttribute" or Sma + "SupportsWildcardsAttribute") return true;
        for (var t = attribute; t != null; t = t.BaseType)
            if (t.FullName == Sma + "CmdletMetadataAttribute") return true;
        return false;
    }
}
