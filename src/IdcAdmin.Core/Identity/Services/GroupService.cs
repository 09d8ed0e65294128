using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Identity.Services;

/// <summary>A group as the console's "Create group" page offers it. Null means "not given".</summary>
public sealed class GroupDefinition
{
    public string? DisplayName { get; set; }
    public string? Description { get; set; }

    /// <summary>Empty strings become null: an empty CSV cell means "not given".</summary>
    public GroupDefinition Normalized() => new()
    {
        DisplayName = string.IsNullOrEmpty(DisplayName) ? null : DisplayName,
        Description = string.IsNullOrEmpty(Description) ? null : Description,
    };
}

/// <summary>Groups of the identity store: find, list, create (idempotently), update, remove.</summary>
public sealed class GroupService
{
    private readonly IdcSession _session;

    public GroupService(IdcSession session) => _session = session;

    private IdentityStoreClient Client => _session.Connection.IdentityStore;

    /// <summary>The group with this display name or id (exact lookup, no listing); null when there is none.</summary>
    public async Task<IdcGroup?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = await _session.Principals.FindGroupIdAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        return id == null ? null : await DescribeAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IdcGroup> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        await FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new IdentityNotFoundException("IdcGroupNotFound", "group", nameOrId);

    /// <summary>Reads one group by id; null (and forgotten by the resolver) when it no longer exists.</summary>
    public async Task<IdcGroup?> DescribeAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var d = await Client.DescribeGroupAsync(new DescribeGroupRequest { IdentityStoreId = _session.IdentityStoreId, GroupId = groupId }, cancellationToken).ConfigureAwait(false);
            var group = IdcGroup.From(d);
            _session.Principals.Learn(PrincipalKind.Group, group.DisplayName, group.GroupId);
            return group;
        }
        catch (AwsNotFoundException)
        {
            _session.Principals.Forget(PrincipalKind.Group, groupId);
            return null;
        }
    }

    /// <summary>Every group whose display name <paramref name="match"/> accepts, streamed one page at a time.</summary>
    public async IAsyncEnumerable<IdcGroup> ListAsync(Func<string, bool>? match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListGroupsRequest { IdentityStoreId = _session.IdentityStoreId, MaxResults = 100 };
        await foreach (var g in Client.PaginateListGroups(request, cancellationToken).ConfigureAwait(false))
        {
            if (match != null && !match(g.DisplayName ?? "")) continue;
            yield return IdcGroup.From(g);
        }
    }

    /// <summary>Validates and decides what creating the group would do, reading only.</summary>
    public async Task<CreatePlan<GroupDefinition, IdcGroup>> PlanCreateAsync(GroupDefinition definition, bool force, CancellationToken cancellationToken)
    {
        var d = definition.Normalized();
        IdentityRules.CheckGroupName(d.DisplayName);
        IdentityRules.CheckString("Description", d.Description, "IdcGroupInvalidDescription");
        var existing = await FindByNameAsync(d.DisplayName!, cancellationToken).ConfigureAwait(false);
        if (existing == null) return new CreatePlan<GroupDefinition, IdcGroup>(d, CreateOutcome.Create, null, Array.Empty<string>());
        var differences = new List<string>();
        if (d.Description != null && !string.Equals(d.Description, existing.Description, StringComparison.Ordinal)) differences.Add("Description");
        if (differences.Count == 0) return new CreatePlan<GroupDefinition, IdcGroup>(d, CreateOutcome.ReturnExisting, existing, differences);
        if (!force) throw new IdentityConflictException("IdcGroupExistsWithDifferentAttributes", "Group", existing.DisplayName, differences);
        return new CreatePlan<GroupDefinition, IdcGroup>(d, CreateOutcome.UpdateExisting, existing, differences);
    }

    /// <summary>Carries out a create plan: creates the group, returns the existing one (with a warning), or updates it.</summary>
    public async Task<IdcGroup> CreateAsync(CreatePlan<GroupDefinition, IdcGroup> plan, IOutputWriter output, CancellationToken cancellationToken)
    {
        var d = plan.Definition;
        switch (plan.Outcome)
        {
            case CreateOutcome.ReturnExisting:
                output.WriteWarning($"Group '{plan.Existing!.DisplayName}' already exists with the same attributes; returning it unchanged.");
                return plan.Existing;
            case CreateOutcome.UpdateExisting:
                output.WriteVerbose($"Group '{plan.Existing!.DisplayName}' exists; updating {string.Join(", ", plan.Differences)} (-Force).");
                return await UpdateAsync(new UpdatePlan<IdcGroup>(plan.Existing, plan.Existing.GroupId, Operations(plan.Existing, null, d.Description, false)), cancellationToken).ConfigureAwait(false);
            default:
                CreateGroupResponse created;
                try
                {
                    // A lost reply is looked up by display name before the create is sent again.
                    created = await Client.CreateGroupAsync(new CreateGroupRequest
                    {
                        IdentityStoreId = _session.IdentityStoreId, DisplayName = d.DisplayName, Description = d.Description,
                    }, async ct => (await FindAsAskedAsync(d, ct).ConfigureAwait(false)) is { } same
                        ? new CreateGroupResponse { GroupId = same.GroupId, IdentityStoreId = _session.IdentityStoreId } : null, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsConflictException e) when (e.IsUniquenessViolation)
                {
                    // Made meanwhile, by a lost attempt of this call or by someone else: it is the result if it is what was asked.
                    var same = await FindAsAskedAsync(d, cancellationToken).ConfigureAwait(false);
                    if (same == null) throw;
                    output.WriteVerbose($"Group '{d.DisplayName}' already exists exactly as asked; returning it.");
                    return same;
                }
                _session.Principals.Learn(PrincipalKind.Group, d.DisplayName!, created.GroupId!);
                output.WriteVerbose($"Created group '{d.DisplayName}' ({created.GroupId}).");
                return new IdcGroup { DisplayName = d.DisplayName!, GroupId = created.GroupId!, Description = d.Description, IdentityStoreId = _session.IdentityStoreId };
        }
    }

    /// <summary>The group of that display name when it has the asked description; null when none; otherwise a conflict naming the difference.</summary>
    private async Task<IdcGroup?> FindAsAskedAsync(GroupDefinition d, CancellationToken cancellationToken)
    {
        var existing = await FindByNameAsync(d.DisplayName!, cancellationToken).ConfigureAwait(false);
        if (existing == null) return null;
        if (d.Description != null && !string.Equals(d.Description, existing.Description, StringComparison.Ordinal))
            throw new IdentityConflictException("IdcGroupExistsWithDifferentAttributes", "Group", existing.DisplayName, new[] { "Description" });
        return existing;
    }

    /// <summary>Validates a change (rename and/or description) and works out the UpdateGroup operations, reading only.</summary>
    public async Task<UpdatePlan<IdcGroup>> PlanUpdateAsync(string nameOrId, string? newDisplayName, string? description, bool clearDescription, CancellationToken cancellationToken)
    {
        newDisplayName = string.IsNullOrEmpty(newDisplayName) ? null : newDisplayName;
        description = string.IsNullOrEmpty(description) ? null : description;
        if (newDisplayName != null) IdentityRules.CheckGroupName(newDisplayName);
        IdentityRules.CheckString("Description", description, "IdcGroupInvalidDescription");
        var current = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        if (newDisplayName != null && !string.Equals(newDisplayName, current.DisplayName, StringComparison.Ordinal))
        {
            // Display names are unique; the lookup may find this very group (a case-only rename), which is no clash.
            var holder = await FindByNameAsync(newDisplayName, cancellationToken).ConfigureAwait(false);
            if (holder != null && holder.GroupId != current.GroupId) throw new IdentityNameInUseException("IdcGroupNameInUse", "group", newDisplayName, holder.GroupId);
        }
        return new UpdatePlan<IdcGroup>(current, current.GroupId, Operations(current, newDisplayName, description, clearDescription));
    }

    /// <summary>Sends the update (nothing when nothing differs) and returns the group as it now is.</summary>
    public async Task<IdcGroup> UpdateAsync(UpdatePlan<IdcGroup> plan, CancellationToken cancellationToken)
    {
        if (!plan.Writes) return plan.Current;
        await Client.UpdateGroupAsync(new UpdateGroupRequest { IdentityStoreId = _session.IdentityStoreId, GroupId = plan.Id, Operations = plan.Operations }, cancellationToken).ConfigureAwait(false);
        _session.Principals.Forget(PrincipalKind.Group, plan.Id);
        return await DescribeAsync(plan.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new IdentityNotFoundException("IdcGroupNotFound", "group", plan.Id);
    }

    /// <summary>Reads what removing the group involves: its memberships and account assignments.</summary>
    public async Task<PrincipalRemovalPlan> PlanRemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var group = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        return await PrincipalRemoval.PlanAsync(_session, PrincipalKind.Group, group.GroupId, group.DisplayName, cancellationToken).ConfigureAwait(false);
    }

    // A name that looks like an id is still a name here: a new group is always looked up by display name.
    private async Task<IdcGroup?> FindByNameAsync(string displayName, CancellationToken cancellationToken)
    {
        var id = IdentityIds.IsResourceId(displayName) ? null : await _session.Principals.FindGroupIdAsync(displayName, cancellationToken).ConfigureAwait(false);
        return id == null ? null : await DescribeAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static List<AttributeOperation> Operations(IdcGroup current, string? newDisplayName, string? description, bool clearDescription)
    {
        var operations = new List<AttributeOperation>();
        if (newDisplayName != null && !string.Equals(newDisplayName, current.DisplayName, StringComparison.Ordinal))
            operations.Add(new AttributeOperation { AttributePath = "displayName", AttributeValue = newDisplayName });
        if (clearDescription && current.Description != null)
            operations.Add(new AttributeOperation { AttributePath = "description" });
        else if (description != null && !string.Equals(description, current.Description, StringComparison.Ordinal))
            operations.Add(new AttributeOperation { AttributePath = "description", AttributeValue = description });
        return operations;
    }
}
