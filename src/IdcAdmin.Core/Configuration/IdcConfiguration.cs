using System;
using System.Collections.Generic;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Configuration;

/// <summary>
/// A checked configuration: the users, groups, permission sets and assignment rules a file declares, each with the
/// place it was declared so that later problems (a name that exists nowhere) can point at the line.
/// </summary>
public sealed class IdcConfiguration
{
    public string File { get; set; } = "";
    public List<ConfigurationUser> Users { get; } = new();
    public List<ConfigurationGroup> Groups { get; } = new();
    public List<ConfigurationPermissionSet> PermissionSets { get; } = new();
    public List<ConfigurationAssignment> Assignments { get; } = new();
    /// <summary>Things worth saying that do not stop the file (a policy ARN newer than the module's list).</summary>
    public List<string> Warnings { get; } = new();
}

/// <summary>Where something was declared: line and key path.</summary>
public sealed class ConfigurationLocation
{
    public ConfigurationLocation(int line, string keyPath)
    {
        Line = line;
        KeyPath = keyPath;
    }

    public int Line { get; }
    public string KeyPath { get; }
}

public sealed class ConfigurationUser
{
    public ConfigurationUser(UserDefinition definition, ConfigurationLocation location)
    {
        Definition = definition;
        Location = location;
    }

    public string UserName => Definition.UserName!;
    /// <summary>The attributes given; those left out are not compared or changed.</summary>
    public UserDefinition Definition { get; }
    public ConfigurationLocation Location { get; }
}

public sealed class ConfigurationGroup
{
    public string Name { get; set; } = "";
    /// <summary>Null: the description is not managed.</summary>
    public string? Description { get; set; }
    /// <summary>User names; null when the file does not list members (then they are not managed).</summary>
    public List<ConfigurationReference>? Members { get; set; }
    public ConfigurationLocation Location { get; set; } = new(0, "");
}

/// <summary>A name the file uses to refer to a user, group or permission set, with where it was used.</summary>
public sealed class ConfigurationReference
{
    public ConfigurationReference(string name, ConfigurationLocation location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }
    public ConfigurationLocation Location { get; }
}

public sealed class ConfigurationPermissionSet
{
    public string Name { get; set; } = "";
    /// <summary>What a new set is created with (defaults filled in).</summary>
    public PermissionSetSpec CreateSpec { get; set; } = null!;
    /// <summary>What an existing set is compared with: the policies always, other parts only when the file gives them.</summary>
    public PermissionSetSpec UpdateSpec { get; set; } = null!;
    public ConfigurationLocation Location { get; set; } = new(0, "");
}

/// <summary>A rule: a principal gets permission sets on the accounts its targets name, resolved again on every run.</summary>
public sealed class ConfigurationAssignment
{
    public PrincipalKind PrincipalKind { get; set; }
    public ConfigurationReference Principal { get; set; } = null!;
    public List<ConfigurationReference> PermissionSets { get; } = new();
    /// <summary>Account ids, names or wildcard patterns of names.</summary>
    public List<ConfigurationReference> Accounts { get; } = new();
    /// <summary>OU paths (/Root/Workloads/Prod) or ids.</summary>
    public List<ConfigurationReference> OrganizationalUnits { get; } = new();
    /// <summary>Whether OU targets include the accounts of their sub-OUs.</summary>
    public bool Recurse { get; set; }
    public ConfigurationLocation Location { get; set; } = new(0, "");
}
