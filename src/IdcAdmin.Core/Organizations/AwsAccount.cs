using System;

namespace IdcAdmin.Core.Organizations;

/// <summary>An AWS account of the organization, with the path of the organizational unit that holds it.</summary>
public sealed class AwsAccount
{
    public const string Active = "ACTIVE";
    public const string Suspended = "SUSPENDED";

    /// <summary>The 12-digit account id; named so it binds to -Account/-AccountId down the pipeline.</summary>
    public string AccountId { get; set; } = "";
    public string Id => AccountId;
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>ACTIVE, SUSPENDED or PENDING_CLOSURE.</summary>
    public string Status { get; set; } = Active;
    /// <summary>The path of the parent, e.g. /Root/Workloads/Prod.</summary>
    public string OrganizationalUnitPath { get; set; } = "";
    /// <summary>The id of the parent root or organizational unit.</summary>
    public string ParentId { get; set; } = "";
    public string? Arn { get; set; }
    public DateTimeOffset? JoinedTimestamp { get; set; }

    /// <summary>Suspended or closing accounts cannot receive access.</summary>
    public bool IsSuspended => !string.Equals(Status, Active, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => AccountId;

    internal static AwsAccount From(Model.Account a, string parentId, string parentPath) => new()
    {
        AccountId = a.Id ?? "",
        Name = a.Name ?? a.Id ?? "",
        Email = a.Email,
        // State is the newer field (ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE, CLOSED); Status the older one.
        Status = a.Status ?? a.State ?? Active,
        OrganizationalUnitPath = parentPath,
        ParentId = parentId,
        Arn = a.Arn,
        JoinedTimestamp = a.JoinedTimestamp,
    };
}
