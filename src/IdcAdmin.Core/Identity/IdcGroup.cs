using System;
using System.Collections.Generic;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.Identity;

/// <summary>A group of the identity store; DisplayName and GroupId feed the group cmdlets by property name.</summary>
public sealed class IdcGroup
{
    public string DisplayName { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Ids from an external identity provider (SCIM), when the group was provisioned from one.</summary>
    public IReadOnlyList<ExternalId> ExternalIds
    {
        get => _externalIds;
        set => _externalIds = Readable.List(value ?? Array.Empty<ExternalId>(), UserAttributeText.Of)!;
    }
    private IReadOnlyList<ExternalId> _externalIds = Readable.List(Array.Empty<ExternalId>())!;
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string IdentityStoreId { get; set; } = "";

    public override string ToString() => DisplayName;

    public static IdcGroup From(Group g) => new()
    {
        DisplayName = g.DisplayName ?? "",
        GroupId = g.GroupId ?? "",
        Description = g.Description,
        ExternalIds = g.ExternalIds ?? new List<ExternalId>(),
        CreatedAt = g.CreatedAt,
        UpdatedAt = g.UpdatedAt,
        IdentityStoreId = g.IdentityStoreId ?? "",
    };

    public static IdcGroup From(DescribeGroupResponse d) => From(new Group
    {
        GroupId = d.GroupId, DisplayName = d.DisplayName, Description = d.Description, ExternalIds = d.ExternalIds,
        CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt, IdentityStoreId = d.IdentityStoreId,
    });
}
