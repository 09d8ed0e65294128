using System.Collections.Generic;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.Guide;

/// <summary>The outcome of a setup: what exists now, what was done, and what only a person can do.</summary>
public sealed class AdministratorSetupResult
{
    public string UserName { get; set; } = "";
    public string? UserId { get; set; }
    public string? GroupName { get; set; }
    public string? GroupId { get; set; }
    public string PermissionSetName { get; set; } = "";
    public string? PermissionSetArn { get; set; }
    public ReadableList<SetupAssignment> Assignments { get; } = new();
    public string AccessPortalUrl { get; set; } = "";
    /// <summary>Each step taken or that would be taken, in order ("Created user alice", "Reused group Admins").</summary>
    public ReadableList<SetupStep> Steps { get; } = new();
    /// <summary>What the API cannot do, with where to do it in the console.</summary>
    public ReadableList<ManualStep> ManualSteps { get; } = new();
    /// <summary>Write calls this run made (0 on a re-run or with -WhatIf).</summary>
    public int Changes { get; set; }
}

/// <summary>One piece of the setup and what happened to it.</summary>
public sealed class SetupStep
{
    public SetupStep(string resource, string name, SetupAction action, string? detail = null)
    {
        Resource = resource;
        Name = name;
        Action = action;
        Detail = detail;
    }

    public string Resource { get; }
    public string Name { get; }
    public SetupAction Action { get; }
    public string? Detail { get; }

    public override string ToString() => $"{Action} {Resource} {Name}" + (string.IsNullOrEmpty(Detail) ? "" : $" ({Detail})");
}

// long: ConvertTo-Json writes long-based enums by name but int-based ones as numbers.
public enum SetupAction : long
{
    /// <summary>It already existed as asked; nothing was sent.</summary>
    Reused,
    Created,
    /// <summary>-WhatIf, or declined at the confirmation prompt.</summary>
    Skipped,
    Failed,
}

/// <summary>An assignment the setup made sure of, with AWS's final status.</summary>
public sealed class SetupAssignment
{
    public string AccountId { get; set; } = "";
    public string PermissionSetName { get; set; } = "";
    public string PrincipalType { get; set; } = "";
    public string PrincipalName { get; set; } = "";
    /// <summary>SUCCEEDED, FAILED, EXISTING (already there), or SKIPPED (-WhatIf).</summary>
    public string Status { get; set; } = "";
    public string? FailureReason { get; set; }

    public override string ToString() => $"{PrincipalType} {PrincipalName} {PermissionSetName} @ {AccountId}: {Status}" + (FailureReason != null ? $" ({FailureReason})" : "");
}

/// <summary>A step of the guide that no API can do.</summary>
public sealed class ManualStep
{
    public ManualStep(string step, string where)
    {
        Step = step;
        Where = where;
    }

    public string Step { get; }
    public string Where { get; }

    public override string ToString() => $"{Step} — {Where}";
}
