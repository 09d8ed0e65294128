using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Completers;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.OrganizationalUnit;

/// <summary>Lists the organization's root and organizational units, each with its path such as /Root/Workloads/Prod.</summary>
/// <remarks>
/// <para>Without parameters the whole tree is listed, root first, depth first. Give -OrganizationalUnit (a path or an
/// ou-… id) for one OU; add -Recurse for it and every OU below it. -Name filters by OU name with wildcards.</para>
/// <para>Each OU carries OrganizationalUnitId, so it pipes into Get-IdcAccount.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcOrganizationalUnit</code>
/// <para>Shows the organization's tree of OUs.</para>
/// </example>
/// <example>
/// <code>Get-IdcOrganizationalUnit /Root/Workloads -Recurse | Get-IdcAccount</code>
/// <para>Lists the accounts of Workloads and of every OU below it, OU by OU.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcOrganizationalUnit")]
[OutputType(typeof(OrganizationalUnitEntry))]
public sealed class GetIdcOrganizationalUnitCommand : IdcCmdlet
{
    /// <summary>An OU by path (/Root/Workloads/Prod) or id (ou-…, r-…).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("OrganizationalUnitId", "Path")]
    [ArgumentCompleter(typeof(OrganizationalUnitCompleter))]
    public string? OrganizationalUnit { get; set; }

    /// <summary>Also every OU below the given one.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Only OUs whose name matches; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(OrganizationalUnitNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var directory = OrganizationDirectory.For(CurrentSession);
        var pattern = string.IsNullOrWhiteSpace(Name) ? null : new NamePattern(Name!.Trim());
        try
        {
            foreach (var unit in Stream(Units(directory, CancellationToken)))
                if (pattern == null || pattern.IsMatch(unit.Name)) WriteObject(unit);
        }
        catch (OrganizationalUnitNotFoundException e)
        {
            WriteItemError(e, "IdcOrganizationalUnitNotFound", OrganizationalUnit, ErrorCategory.ObjectNotFound);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcListOrganizationalUnitsFailed", OrganizationalUnit);
        }
    }

    private async IAsyncEnumerable<OrganizationalUnitEntry> Units(OrganizationDirectory directory, [EnumeratorCancellation] CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(OrganizationalUnit))
        {
            await foreach (var root in directory.RootsAsync(ct).ConfigureAwait(false))
            {
                yield return root;
                await foreach (var u in directory.UnitsAsync(root, true, ct).ConfigureAwait(false)) yield return u;
            }
            yield break;
        }
        var start = await directory.ResolveUnitAsync(OrganizationalUnit!, ct).ConfigureAwait(false);
        yield return start;
        if (!Recurse) yield break;
        await foreach (var u in directory.UnitsAsync(start, true, ct).ConfigureAwait(false)) yield return u;
    }
}
