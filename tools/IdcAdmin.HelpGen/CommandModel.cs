using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.HelpGen;

/// <summary>What PowerShell learns about one cmdlet class from its attributes, read without loading PowerShell.</summary>
public sealed class CommandModel
{
    public required string TypeFullName { get; init; }
    /// <summary>The documentation id of the class ("T:Namespace.Type").</summary>
    public required string DocId { get; init; }
    public required string AssemblyName { get; init; }
    public required string Verb { get; init; }
    public required string Noun { get; init; }
    public string Name => Verb + "-" + Noun;
    public bool IsPublic { get; init; }
    public bool IsSealed { get; init; }
    public bool IsAbstract { get; init; }
    public bool SupportsShouldProcess { get; init; }
    public bool SupportsPaging { get; init; }
    /// <summary>Low, Medium (PowerShell's default) or High.</summary>
    public string ConfirmImpact { get; init; } = "Medium";
    public string? DefaultParameterSetName { get; init; }
    /// <summary>Full names of the [OutputType] types; "System.Void" stands for "writes nothing".</summary>
    public IReadOnlyList<string> OutputTypes { get; init; } = [];
    public IReadOnlyList<ParameterModel> Parameters { get; init; } = [];

    /// <summary>The parameter sets in the order Get-Help shows them: the default set first.</summary>
    public IReadOnlyList<string> ParameterSetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName)
                .Where(n => n != ParameterSetModel.AllSets).Distinct().ToList();
            if (named.Count == 0) return [ParameterSetModel.AllSets];
            if (DefaultParameterSetName != null && named.Remove(DefaultParameterSetName)) named.Insert(0, DefaultParameterSetName);
            return named;
        }
    }

    /// <summary>The parameters that bind in one set, with that set's flags.</summary>
    public IEnumerable<(ParameterModel Parameter, ParameterSetModel Set)> ParametersIn(string setName) =>
        from p in Parameters
        let s = p.Sets.FirstOrDefault(x => x.SetName == setName) ?? p.Sets.FirstOrDefault(x => x.SetName == ParameterSetModel.AllSets)
        where s != null
        select (p, s);
}

/// <summary>One public property marked [Parameter].</summary>
public sealed class ParameterModel
{
    public required string Name { get; init; }
    public required string DocId { get; init; }
    public required string DeclaringAssemblyName { get; init; }
    /// <summary>The type as Get-Help shows it (String, Int32[], SwitchParameter).</summary>
    public required string TypeName { get; init; }
    public required string TypeFullName { get; init; }
    public bool IsSwitch { get; init; }
    public bool SupportsWildcards { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Enum members or [ValidateSet] values; empty when any value goes.</summary>
    public IReadOnlyList<string> ValidValues { get; init; } = [];
    public IReadOnlyList<ParameterSetModel> Sets { get; init; } = [];
}

/// <summary>One [Parameter] attribute: how the parameter binds in one parameter set.</summary>
public sealed class ParameterSetModel
{
    public const string AllSets = "__AllParameterSets";
    public string SetName { get; init; } = AllSets;
    public bool Mandatory { get; init; }
    /// <summary>Null when the parameter is named only.</summary>
    public int? Position { get; init; }
    public bool ValueFromPipeline { get; init; }
    public bool ValueFromPipelineByPropertyName { get; init; }
    public bool ValueFromRemainingArguments { get; init; }
}
