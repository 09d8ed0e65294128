using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
        var created = (await Client.CreatePermissionSetAsync(new CreatePermissionSetRequest
        {
            InstanceArn = _session.InstanceArn,
            Name = name,
            Description = NullIfEmpty(spec.Description),
            SessionDuration = Iso8601Duration.Format(duration),
            RelayState = NullIfEmpty(spec.RelayState),
            Tags = spec.Tags is { Count: > 0 } tags ? tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() : null,
        }, cancellationToken).ConfigureAwait(false)).PermissionSet!;
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

    /// <summary>Applies <paramref name="changes"/> in order; a failure names the step and what was already done.</summary>
    public async Task ApplyAsync(IdcPermissionSet current, IReadOnlyList<PermissionSetChange> changes, PermissionSetSpec spec, CancellationToken cancellationToken)
    {
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

    public async Task DeleteAsync(string permissionSetArn, CancellationToken cancellationToken)
    {
        await Client.DeletePermissionSetAsync(new DeletePermissionSetRequest
            { InstanceArn = _session.InstanceArn, PermissionSetArn = permissionSetArn }, cancellationToken).ConfigureAwait(false);
        _session.PermissionSets.Forget(permissionSetArn);
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
                await Client.AttachManagedPolicyToPermissionSetAsync(new AttachManagedPolicyToPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = change.ManagedPolicy!.Arn }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.DetachManagedPolicy:
                await Client.DetachManagedPolicyFromPermissionSetAsync(new DetachManagedPolicyFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = change.ManagedPolicy!.Arn }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.AttachCustomerManagedPolicy:
                await Client.AttachCustomerManagedPolicyReferenceToPermissionSetAsync(new AttachCustomerManagedPolicyReferenceToPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = Reference(change.CustomerManagedPolicy!) }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.DetachCustomerManagedPolicy:
                await Client.DetachCustomerManagedPolicyReferenceFromPermissionSetAsync(new DetachCustomerManagedPolicyReferenceFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = Reference(change.CustomerManagedPolicy!) }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.PutInlinePolicy:
                await Client.PutInlinePolicyToPermissionSetAsync(new PutInlinePolicyToPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn, InlinePolicy = change.InlinePolicy }, ct).ConfigureAwait(false);
                break;
            case PermissionSetChangeKind.DeleteInlinePolicy:
                await Client.DeleteInlinePolicyFromPermissionSetAsync(new DeleteInlinePolicyFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn }, ct).ConfigureAwait(false);
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
                await Client.DeletePermissionsBoundaryFromPermissionSetAsync(new DeletePermissionsBoundaryFromPermissionSetRequest
                    { InstanceArn = instance, PermissionSetArn = arn }, ct).ConfigureAwait(false);
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static CustomerManagedPolicyReference Reference(CustomerManagedPolicyName p) => new() { Name = p.Name, Path = p.Path };
}
