using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace IdcAdmin.Core.Sandbox;

/// <summary>The organization a sandbox starts with: OUs nested under the root, each holding named accounts.</summary>
public sealed class SandboxOrganizationOutline
{
    /// <summary>Name of the management account, which sits under the root.</summary>
    public string ManagementAccountName { get; set; } = "management";
    /// <summary>False: the sandbox starts outside any organization, as a fresh account does, until CreateOrganization.</summary>
    public bool Exists { get; set; } = true;
    /// <summary>Member accounts directly under the root.</summary>
    public List<string> Accounts { get; } = new();
    public List<SandboxOrganizationalUnitOutline> OrganizationalUnits { get; } = new();

    /// <summary>A small organization: the management account, Workloads/Prod and Workloads/Staging, and Security.</summary>
    public static SandboxOrganizationOutline Default
    {
        get
        {
            var outline = new SandboxOrganizationOutline();
            var workloads = new SandboxOrganizationalUnitOutline("Workloads");
            workloads.Children.Add(new SandboxOrganizationalUnitOutline("Prod", "prod"));
            workloads.Children.Add(new SandboxOrganizationalUnitOutline("Staging", "staging"));
            outline.OrganizationalUnits.Add(workloads);
            outline.OrganizationalUnits.Add(new SandboxOrganizationalUnitOutline("Security", "audit", "log-archive"));
            return outline;
        }
    }

    /// <summary>No organization until CreateOrganization is called (as a new account, or moto after a reset).</summary>
    public static SandboxOrganizationOutline None => new() { Exists = false };

    /// <summary>
    /// Reads an outline from nested dictionaries (a PowerShell hashtable): each key is an OU, its value a list of
    /// account names or another dictionary of OUs; the key <c>Accounts</c> lists accounts at that level, and
    /// <c>ManagementAccount</c> at the top names the management account.
    /// </summary>
    public static SandboxOrganizationOutline FromDictionary(IDictionary outline)
    {
        var result = new SandboxOrganizationOutline();
        foreach (DictionaryEntry entry in Sorted(outline))
        {
            var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (key.Equals("ManagementAccount", StringComparison.OrdinalIgnoreCase)) result.ManagementAccountName = Names(entry.Value).Single();
            else if (key.Equals("Accounts", StringComparison.OrdinalIgnoreCase)) result.Accounts.AddRange(Names(entry.Value));
            else result.OrganizationalUnits.Add(Unit(key, entry.Value));
        }
        return result;
    }

    private static SandboxOrganizationalUnitOutline Unit(string name, object? value)
    {
        var unit = new SandboxOrganizationalUnitOutline(name);
        if (value is IDictionary children)
        {
            foreach (DictionaryEntry entry in Sorted(children))
            {
                var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                if (key.Equals("Accounts", StringComparison.OrdinalIgnoreCase)) unit.Accounts.AddRange(Names(entry.Value));
                else unit.Children.Add(Unit(key, entry.Value));
            }
        }
        else unit.Accounts.AddRange(Names(value));
        return unit;
    }

    // Hashtables have no order; sorting keeps account ids the same from run to run for one seed.
    private static IEnumerable<DictionaryEntry> Sorted(IDictionary d) =>
        d.Cast<DictionaryEntry>().OrderBy(e => Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static IEnumerable<string> Names(object? value) => value switch
    {
        null => Enumerable.Empty<string>(),
        string s => new[] { s },
        IEnumerable many => many.Cast<object?>().Where(o => o != null).Select(o => o!.ToString()!),
        _ => new[] { value.ToString()! },
    };
}

/// <summary>One OU of an outline.</summary>
public sealed class SandboxOrganizationalUnitOutline
{
    public SandboxOrganizationalUnitOutline(string name, params string[] accounts)
    {
        Name = name;
        Accounts.AddRange(accounts);
    }

    public string Name { get; }
    public List<string> Accounts { get; } = new();
    public List<SandboxOrganizationalUnitOutline> Children { get; } = new();
}
