using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Lockout;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.PermissionSets;

/// <summary>
/// The writes: creating a set with all its policies (deleting it again when a step fails, so nothing half-made is
/// left), applying a list of changes, deleting. Callers decide beforehand whether to write (-WhatIf).
/// </summary>
public sealed class PermissionSetWriter
{
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;

    public PermissionSetWriter(IdcSession session, IOutputWriter output)
    {
        _session = session;
        _output = output;
    }

    private SsoAdmin.SsoAdminClient Client => _session.Connection.SsoAdmin;

    /// <summary>Creates the set described by a create spec and attaches everything it holds.</summary>
    public async Task<IdcPermissionSet> CreateAsync(PermissionSetSpec spec, CancellationToken cancellationToken)
    {
        var name = spec.Name ?? throw new ArgumentException("A permission set needs a name.", nameof(spec));
        var duration = spec.SessionDuration ?? PermissionSetValidator.DefaultSessionDuration;
        var request = new CreatePermissionSetRequest
        {
            InstanceArn = _session.InstanceArn,
            Name = name,
            Description = NullIfEmpty(spec.Description),
            SessionDuration = Iso8601Duration.Format(duration),
            RelayState = NullIfEmpty(spec.RelayState),
            Tags = spec.Tags is { Count: > 0 } tags ? tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() : null,
        };
        PermissionSet created;
        try
        {
            // After a lost reply the set is looked up by name and never sent again when one exists: AWS refuses a
            // second set of one name, but emulators accept it.
            created = (await Client.CreatePermissionSetAsync(request, async ct => await FindAsAskedAsync(request, ct).ConfigureAwait(false) is { } same
                ? new CreatePermissionSetResponse { PermissionSet = same } : null, cancellationToken).ConfigureAwait(false)).PermissionSet!;
        }
        catch (AwsConflictException)
        {
            // AWS's answer to a name in use: a lost attempt of this call made it if it is what was asked.
            created = await FindAsAskedAsync(request, cancellationToken).ConfigureAwait(false) ?? throw new PermissionSetWriteException(name, "create",
                $"A permission set named {name} is being created or deleted by someone else; run the command again.", new InvalidOperationException(name));
            _output.WriteVerbose($"Permission set {name} already exists exactly as asked; using it.");
        }
        var arn = created.PermissionSetArn!;
        _output.WriteVerbose($"Created permission set {name} ({arn}).");

        var set = new IdcPermissionSet
        {
            Name = name,
            PermissionSetArn = arn,
            Description = NullIfEmpty(spec.Description),
            SessionDuration = Iso8601Duration.Format(duration),
            RelayState = NullIfEmpty(spec.RelayState),
            CreatedDate = created.CreatedDate,
            ManagedPolicies = Array.Empty<AwsManagedPolicy>(),
            CustomerManagedPolicies = Array.Empty<CustomerManagedPolicyName>(),
            Tags = spec.Tags ?? new Dictionary<string, string>(),
            ProvisionedAccounts = Array.Empty<string>(),
            OutdatedAccounts = Array.Empty<string>(),
            InstanceArn = _session.InstanceArn,
            Detail = PermissionSetDetail.All,
        };
        // Everything but the attributes and tags (sent with the create) is a change from the empty set just made.
        var rest = PermissionSetDiff.Changes(set, spec).Where(c => c.Kind != PermissionSetChangeKind.UpdateAttributes && c.Kind != PermissionSetChangeKind.Tag).ToList();
        var step = "";
        try
        {
            foreach (var change in rest)
            {
                step = change.Description;
                await ApplyOneAsync(arn, set, change, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw await RollBackAsync(name, arn, step, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            throw await RollBackAsync(name, arn, "(stopped by the user)", e).ConfigureAwait(false);
        }
        _session.PermissionSets.Learn(name, arn);
        set.ManagedPolicies = spec.ManagedPolicies ?? Array.Empty<AwsManagedPolicy>();
        set.CustomerManagedPolicies = spec.CustomerManagedPolicies ?? Array.Empty<CustomerManagedPolicyName>();
        set.InlinePolicy = spec.InlinePolicy;
        set.PermissionsBoundary = spec.PermissionsBoundary;
        return set;
    }

    /// <summary>
    /// Applies <paramref name="changes"/> in order; a failure names the step and what was already done. Changes that
    /// take administrator access away from the set go through the lock-out guard first, unless <paramref name="allowNoAdministrator"/>.
    /// </summary>
    public async Task ApplyAsync(IdcPermissionSet current, IReadOnlyList<PermissionSetChange> changes, PermissionSetSpec spec, CancellationToken cancellationToken,
        bool allowNoAdministrator = false)
    {
        if (LosesAdministrator(current, changes))
        {
            var change = new Lockout.AdministratorChange();
            change.PermissionSetsLosingAdministrator.Add(current.PermissionSetArn);
            await Lockout.AdministratorAccessGuard.EnsureAsync(_session, change, $"change permission set {current.Name} so that it no longer grants administrator access",
                allowNoAdministrator, cancellationToken).ConfigureAwait(false);
        }
        var done = new List<string>();
        foreach (var change in changes)
        {
            try
            {
                await ApplyOneAsync(current.PermissionSetArn, current, change, cancellationToken, spec).ConfigureAwait(false);
                done.Add(change.Description);
                _output.WriteVerbose($"{current.Name}: {change.Description}.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var already = done.Count == 0 ? "Nothing was changed." : "Already done: " + string.Join("; ", done) + ".";
                throw new PermissionSetWriteException(current.Name, change.Description,
                    $"Updating permission set {current.Name} failed at '{change.Description}': {e.Message} {already} Run the command again to finish.", e);
            }
        }
    }

    /// <summary>The lock-out guard for deleting a set (and revoking its <paramref name="assignments"/>): refused when it would leave no administrator.</summary>
    public static Task EnsureDeletableAsync(IdcSession session, string permissionSetArn, string name, IEnumerable<Assignments.AssignmentKey> assignments, bool allowNoAdministrator,
        CancellationToken cancellationToken)
    {
        var change = new Lockout.AdministratorChange();
        change.PermissionSetsLosingAdministrator.Add(permissionSetArn);
        change.RevokedAssignments.UnionWith(assignments);
        return Lockout.AdministratorAccessGuard.EnsureAsync(session, change, $"delete permission set {name}", allowNoAdministrator, cancellationToken);
    }

    public async Task DeleteAsync(string permissionSetArn, CancellationToken cancellationToken)
    {
        try
        {
            await Client.DeletePermissionSetAsync(new DeletePermissionSetRequest
                { InstanceArn = _session.InstanceArn, PermissionSetArn = permissionSetArn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            // Gone already: a retry after a lost reply, or someone else; the goal is reached.
        }
        _session.PermissionSets.Forget(permissionSetArn);
    }

    /// <summary>
    /// The set named as in <paramref name="request"/>, read fresh (not from the session's cache); null when none. One
    /// with other attributes was made by someone else: a <see cref="PermissionSetWriteException"/> naming the differences.
    /// </summary>
    private async Task<PermissionSet?> FindAsAskedAsync(CreatePermissionSetRequest request, CancellationToken cancellationToken)
    {
        var arn = await _session.PermissionSets.FindFreshAsync(request.Name!, cancellationToken).ConfigureAwait(false);
        if (arn == null) return null;
        var existing = (await Client.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = _session.InstanceArn, PermissionSetArn = arn },
            cancellationToken).ConfigureAwait(false)).PermissionSet;
        if (existing == null) return null;
        var differences = new List<string>();
        if (NullIfEmpty(existing.Description) != request.Description) differences.Add("Description");
        if (NullIfEmpty(existing.RelayState) != request.RelayState) differences.Add("RelayState");
        if (Iso8601Duration.TryParse(existing.SessionDuration, out var d) && Iso8601Duration.Format(d) != request.SessionDuration) differences.Add("SessionDuration");
        if (differences.Count > 0)
            throw new PermissionSetWriteException(request.Name!, "create",
                $"A permission set named {request.Name} already exists ({arn}) with different {string.Join(", ", differences)}; it was left as it is. Use Set-IdcPermissionSet to change it.",
                new InvalidOperationException(string.Join(", ", differences)));
        existing.PermissionSetArn ??= arn;
        return existing;
    }

    private async Task<Exception> RollBackAsync(string name, string arn, string step, Exception failure)
    {
        try
        {
            // Not cancellable: the user's Ctrl+C must not leave the half-made set behind.
            await Client.DeletePermissionSetAsync(new DeletePermissionSetRequest { InstanceArn = _session.InstanceArn, PermissionSetArn = arn },
                CancellationToken.None).ConfigureAwait(false);
            _output.WriteVerbose($"Deleted the half-made permission set {name} ({arn}).");
            return new PermissionSetWriteException(name, step,
                $"Creating permission set {name} failed at '{step}': {failure.Message} The half-made permission set was deleted; nothing was left behind.", failure);
        }
        catch (Exception cleanup)
        {
            return new PermissionSetWriteException(name, step,
                $"Creating permission set {name} failed at '{step}': {failure.Message} Deleting the half-made set {arn} also failed ({cleanup.Message}); remove it with Remove-IdcPermissionSet.", failure);
        }
    }

    private async Task ApplyOneAsync(string arn, IdcPermissionSet current, PermissionSetChange change, CancellationToken ct, PermissionSetSpec? spec = null)
    {
        var instance = _session.InstanceArn;
        switch (change.Kind)
        {
            case PermissionSetChangeKind.UpdateAttributes:
                var description = spec?.Description ?? current.Description;
                var relayState = spec?.RelayState ?? current.RelayState;
                await Client.UpdatePermissionSetAsync(new UpdatePermissionSetRequest
                {
                    InstanceArn = instance,
                    PermissionSetArn = arn,
                    Description = string.IsNullOrEmpty(description) ? null : description,
                    SessionDuration = spec?.SessionDuration is { } duration ? Iso8601Duration.Format(duration) : current.SessionDuration,
                    RelayState = string.IsNullOrEmpty(relayState) ? null : relayState,
                }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.AttachManagedPolicy:
                try
                {
                    await Client.AttachManagedPolicyToPermissionSetAsync(new AttachManagedPolicyToPermissionSetRequest
                        { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = change.ManagedPolicy!.Arn },
                        async c => await HasManagedPolicyAsync(arn, change.ManagedPolicy!.Arn, c).ConfigureAwait(false) ? new AttachManagedPolicyToPermissionSetResponse() : null, ct).ConfigureAwait(false);
                }
                catch (AwsConflictException) when (!ct.IsCancellationRequested)
                {
                    // "Already attached" is the goal reached; any other conflict stands.
                    if (!await HasManagedPolicyAsync(arn, change.ManagedPolicy!.Arn, ct).ConfigureAwait(false)) throw;
                }
                break;
            case PermissionSetChangeKind.DetachManagedPolicy:
                await Gone(Client.DetachManagedPolicyFromPermissionSetAsync(new DetachManagedPolicyFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = change.ManagedPolicy!.Arn }, ct)).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.AttachCustomerManagedPolicy:
                try
                {
                    await Client.AttachCustomerManagedPolicyReferenceToPermissionSetAsync(new AttachCustomerManagedPolicyReferenceToPermissionSetRequest
                        { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = Reference(change.CustomerManagedPolicy!) },
                        async c => await HasCustomerManagedPolicyAsync(arn, change.CustomerManagedPolicy!, c).ConfigureAwait(false) ? new AttachCustomerManagedPolicyReferenceToPermissionSetResponse() : null, ct).ConfigureAwait(false);
                }
                catch (AwsConflictException) when (!ct.IsCancellationRequested)
                {
                    if (!await HasCustomerManagedPolicyAsync(arn, change.CustomerManagedPolicy!, ct).ConfigureAwait(false)) throw;
                }
                break;
            case PermissionSetChangeKind.DetachCustomerManagedPolicy:
                await Gone(Client.DetachCustomerManagedPolicyReferenceFromPermissionSetAsync(new DetachCustomerManagedPolicyReferenceFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = Reference(change.CustomerManagedPolicy!) }, ct)).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.PutInlinePolicy:
                await Client.PutInlinePolicyToPermissionSetAsync(new PutInlinePolicyToPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, InlinePolicy = change.InlinePolicy }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.DeleteInlinePolicy:
                await Gone(Client.DeleteInlinePolicyFromPermissionSetAsync(new DeleteInlinePolicyFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn }, ct)).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.PutPermissionsBoundary:
                var boundary = change.PermissionsBoundary!;
                await Client.PutPermissionsBoundaryToPermissionSetAsync(new PutPermissionsBoundaryToPermissionSetRequest
                {
                    InstanceArn = instance,
                    PermissionSetArn = arn,
                    PermissionsBoundary = new PermissionsBoundary
                    {
                        ManagedPolicyArn = boundary.ManagedPolicy?.Arn,
                        CustomerManagedPolicyReference = boundary.CustomerManagedPolicy != null ? Reference(boundary.CustomerManagedPolicy) : null,
                    },
                }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.DeletePermissionsBoundary:
                await Gone(Client.DeletePermissionsBoundaryFromPermissionSetAsync(new DeletePermissionsBoundaryFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn }, ct)).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.Tag:
                await Client.TagResourceAsync(new TagResourceRequest
                    { InstanceArn = instance, ResourceArn = arn, Tags = change.Tags!.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.Untag:
                await Client.UntagResourceAsync(new UntagResourceRequest
                    { InstanceArn = instance, ResourceArn = arn, TagKeys = change.TagKeys!.ToList() }, ct).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown change.");
        }
    }

    /// <summary>Whether the set grants administrator access now and would not after the changes.</summary>
    public static bool LosesAdministrator(IdcPermissionSet current, IReadOnlyList<PermissionSetChange> changes)
    {
        var managed = new HashSet<string>((current.ManagedPolicies ?? Array.Empty<AwsManagedPolicy>()).Select(p => p.Arn), StringComparer.OrdinalIgnoreCase);
        var inline = current.InlinePolicy;
        var before = managed.Contains(Lockout.AdministratorAccessGuard.AdministratorAccessPolicyArn) || Lockout.AdministratorAccessGuard.AllowsEverything(inline);
        if (!before) return false;
        foreach (var c in changes)
        {
            if (c.Kind == PermissionSetChangeKind.AttachManagedPolicy) managed.Add(c.ManagedPolicy!.Arn);
            else if (c.Kind == PermissionSetChangeKind.DetachManagedPolicy) managed.Remove(c.ManagedPolicy!.Arn);
            else if (c.Kind == PermissionSetChangeKind.PutInlinePolicy) inline = c.InlinePolicy;
            else if (c.Kind == PermissionSetChangeKind.DeleteInlinePolicy) inline = null;
        }
        return !managed.Contains(Lockout.AdministratorAccessGuard.AdministratorAccessPolicyArn) && !Lockout.AdministratorAccessGuard.AllowsEverything(inline);
    }

    /// <summary>A detach or delete that finds nothing to remove has reached its goal (a retry after a lost reply, or someone else).</summary>
    private static async Task Gone(Task call)
    {
        try { await call.ConfigureAwait(false); }
        catch (AwsNotFoundException) { }
    }

    private async Task<bool> HasManagedPolicyAsync(string arn, string policyArn, CancellationToken ct)
    {
        await foreach (var p in PolicyListings.ManagedPoliciesAsync(_session, arn, ct).ConfigureAwait(false))
            if (string.Equals(p.Arn, policyArn, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private async Task<bool> HasCustomerManagedPolicyAsync(string arn, CustomerManagedPolicyName policy, CancellationToken ct)
    {
        await foreach (var p in PolicyListings.CustomerManagedPoliciesAsync(_session, arn, ct).ConfigureAwait(false))
            if (p.Name == policy.Name && (p.Path ?? "/") == (policy.Path ?? "/")) return true;
        return false;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static CustomerManagedPolicyReference Reference(CustomerManagedPolicyName p) => new() { Name = p.Name, Path = p.Path };
}
