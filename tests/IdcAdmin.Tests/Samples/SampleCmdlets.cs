using System.Management.Automation;

namespace IdcAdmin.Tests.Samples;

/// <summary>How a sample widget is coloured.</summary>
public enum WidgetColour { Red, Green }

/// <summary>A widget the sample cmdlets write.</summary>
public sealed class SampleWidget
{
    public string Name { get; set; } = "";
}

/// <summary>Removes sample widgets.</summary>
/// <remarks>
/// <para>First paragraph of the description.</para>
/// <para>Second paragraph, naming <see cref="SampleWidget"/> and <c>-Name</c>.</para>
/// </remarks>
/// <example>
/// Remove by name
/// <code>
///     Remove-IdcSampleWidget -Name w1
///     Get-IdcSampleWidget
/// </code>
/// <para>Removes w1, then lists what is left.</para>
/// </example>
/// <example>
/// <code>Get-IdcSampleWidget | Remove-IdcSampleWidget -Force</code>
/// <para>Removes every widget without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "IdcSampleWidget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByName)]
[OutputType(typeof(SampleWidget))]
public sealed class RemoveIdcSampleWidgetCommand : PSCmdlet
{
    public const string ByName = "ByName";
    public const string ByObject = "ByObject";

    /// <summary>Names of the widgets to remove.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [Alias("WidgetName")]
    public string[] Name { get; set; } = [];

    /// <summary>Widgets to remove.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public SampleWidget? InputObject { get; set; }

    /// <summary>Only widgets of this colour.</summary>
    [Parameter]
    public WidgetColour? Colour { get; set; }

    /// <summary>How to report.</summary>
    [Parameter]
    [ValidateSet("Quiet", "Loud")]
    public string Mode { get; set; } = "Quiet";

    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Not a parameter: it has no [Parameter] attribute.</summary>
    public string? NotAParameter { get; set; }
}

/// <summary>Lists sample widgets.</summary>
[Cmdlet(VerbsCommon.Get, "IdcSampleWidget")]
[OutputType(typeof(SampleWidget))]
public sealed class GetIdcSampleWidgetCommand : PSCmdlet
{
    /// <summary>Names to match.</summary>
    [Parameter(Position = 0)]
    public string? Name { get; set; }
}
