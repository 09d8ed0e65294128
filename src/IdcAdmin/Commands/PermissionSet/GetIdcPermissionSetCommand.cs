using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Gets permission sets in full: policies, boundary, inline policy, tags, session duration and provisioning state.</summary>
/// <remarks>
/// <para>Without a name, streams every permission set of the instance. Names may hold wildcards; an ARN works where a
/// name does. Each object carries the AWS managed, customer managed and inline policies, the permissions boundary,
/// the tags, the session duration in ISO 8601 as AWS writes it (PT4H), and the accounts the set is provisioned to with those that hold an
/// older version (OutdatedAccounts; fix them with Deploy-IdcPermissionSet).</para>
/// <para>Reading everything takes several calls per set; -Detail None lists names, descriptions and durations with one
/// call per set. A part that cannot be read (the role may lack the call, or the service may not offer it) gives one
/// warning naming the part and the reason; that property is left empty, Detail leaves it out, and the rest of the set
/// is returned.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcPermissionSet</code>
/// <para>Lists every permission set.</para>
/// </example>
/// <example>
/// <code>Get-IdcPermissionSet -Name Admin* | Where-Object OutdatedAccounts | Deploy-IdcPermissionSet</code>
/// <para>Re-provisions the Admin* sets that some accounts hold in an older version.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcPermissionSet", DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(IdcPermissionSet))]
public sealed class GetIdcPermissionSetCommand : IdcCmdlet
{
    private const string ByNameSet = "ByName";
    private const string ByArnSet = "ByArn";

    /// <summary>Names (wildcards allowed) or ARNs of the sets; all sets when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>ARNs of the sets, for example from another cmdlet's output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByArnSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? PermissionSetArn { get; set; }

    /// <summary>What to read besides name, description, duration and relay state: Policies, PermissionsBoundary, Tags, Provisioning, All (default) or None.</summary>
    [Parameter]
    public PermissionSetDetail[] Detail { get; set; } = { PermissionSetDetail.All };

    private PermissionSetDetail Details => Detail.Aggregate(PermissionSetDetail.None, (a, b) => a | b);

    protected override void ProcessRecord()
    {
        var session = CurrentSession;
        var reader = new PermissionSetReader(session, unreadableDetails: Output);
        if (ParameterSetName == ByArnSet)
        {
            foreach (var arn in PermissionSetArn!) ReadOne(reader, arn, arn);
            return;
        }
        if (Name == null)
        {
            StreamMatching(reader, _ => true);
            return;
        }
        var patterns = Name.Where(WildcardPattern.ContainsWildcardCharacters)
            .Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        if (patterns.Count > 0) StreamMatching(reader, name => patterns.Any(p => p.IsMatch(name)));
        foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            if (FindArn(session, name) is { } arn) ReadOne(reader, arn, name);
    }

    /// <summary>The ARN of a set named exactly so, or null after writing why there is none.</summary>
    private string? FindArn(IdcSession session, string name)
    {
        string? arn = null;
        if (!ForItem(name, "IdcPermissionSetReadFailed", () => arn = Run(ct => session.PermissionSets.FindArnAsync(name, ct)))) return null;
        if (arn == null) WriteNotFound(name);
        return arn;
    }

    private void StreamMatching(PermissionSetReader reader, Func<string, bool> filter)
    {
        try
        {
            foreach (var set in Stream(reader.ListAsync(filter, Details, CancellationToken))) WriteObject(set);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            ThrowTerminating(e, "IdcPermissionSetListFailed", null);
        }
    }

    private void ReadOne(PermissionSetReader reader, string arn, string target)
    {
        try
        {
            WriteObject(Run(ct => reader.ReadAsync(arn, Details, ct)));
        }
        catch (AwsNotFoundException)
        {
            WriteNotFound(target);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcPermissionSetReadFailed", target);
        }
    }

    private void WriteNotFound(string target) =>
        WriteItemError(new ItemNotFoundException($"No permission set named '{target}' exists in this instance."), "IdcPermissionSetNotFound", target, ErrorCategory.ObjectNotFound);
}
