using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>Writes the live Identity Center as a configuration file (or text) that Sync-IdcConfiguration reads back.</summary>
/// <remarks>
/// <para>Users, groups with their members, permission sets with their policies, and assignments as one rule per
/// principal and permission set, in a stable order (by name) so that two exports of the same state are identical.
/// Accounts that make up whole organizational units (sub-OUs included) are written as those OUs; the rest by account
/// id, with the account's name as a comment in a .psd1. Syncing the export against the same instance changes nothing.</para>
/// <para>With -Path the format follows the extension (.psd1 or .json); without it the .psd1 text is written to the
/// pipeline (-AsJson for JSON).</para>
/// </remarks>
/// <example>
/// <code>Export-IdcConfiguration -Path ./access.psd1</code>
/// <para>Saves the instance's configuration, ready for version control.</para>
/// </example>
/// <example>
/// <code>Export-IdcConfiguration -AsJson | Set-Content ./access.json</code>
/// <para>The same as JSON.</para>
/// </example>
[Cmdlet(VerbsData.Export, "IdcConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportIdcConfigurationCommand : IdcCmdlet
{
    /// <summary>The file to write (.psd1 or .json); it is replaced when it exists.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Writes JSON to the pipeline instead of a PowerShell data file (with -Path, the extension decides).</summary>
    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override void EndProcessing()
    {
        var session = CurrentSession;
        var file = Path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        // Refused before the export: a file of another extension could not be read back by Compare or Sync.
        if (file != null && !ConfigurationFile.IsKnownFormat(file))
            ThrowTerminating(new ArgumentException(ConfigurationFile.NotAFormat(file) + " Give a path ending in .psd1 or .json."),
                "IdcConfigurationPathInvalid", file, ErrorCategory.InvalidArgument);
        ConfigurationNode root;
        try
        {
            root = Run(ct => new ConfigurationExporter(session, Output).ExportAsync(ct));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            ThrowTerminating(e, "IdcConfigurationExportFailed", session.InstanceArn);
            return;
        }
        var json = file != null ? ConfigurationFile.IsJson(file) : AsJson.IsPresent;
        var text = json ? ConfigurationTextWriter.ToJson(root) : ConfigurationTextWriter.ToPowerShellDataFile(root);
        if (file == null) WriteObject(text);
        else if (ShouldProcessChange(file, "Write the configuration")) WriteFile(file, text);
        base.EndProcessing();
    }

    private void WriteFile(string file, string text)
    {
        try
        {
            File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // Through the provider, as Get-Item: a bare FileInfo shows no mode or size in PowerShell 7's file view.
            WriteObject(InvokeProvider.Item.Get(new[] { file }, force: false, literalPath: true), enumerateCollection: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminating(e, "IdcConfigurationWriteFailed", file, ErrorCategory.WriteError);
        }
    }
}
