using System;
using System.Collections.Generic;
using System.Linq;
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

/// <summary>Users of the identity store: find, list, create (idempotently), update, remove.</summary>
public sealed class UserService
{
    /// <summary>The once-per-session key of the "no invitation email" notice.</summary>
    public const string InvitationNoticeKey = "new-user-invitation";

    private readonly IdcSession _session;

    public UserService(IdcSession session) => _session = session;

    private IdentityStoreClient Client => _session.Connection.IdentityStore;
    private string? PortalUrl => string.IsNullOrEmpty(_session.Instance.AccessPortalUrl) ? null : _session.Instance.AccessPortalUrl;

    /// <summary>The user with this user name, email or id (exact lookup, no listing); null when there is none.</summary>
    public async Task<IdcUser?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = await _session.Principals.FindUserIdAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        return id == null ? null : await DescribeAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="FindAsync"/>, but a missing user is an <see cref="IdentityNotFoundException"/>.</summary>
    public async Task<IdcUser> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        await FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new IdentityNotFoundException("IdcUserNotFound", "user", nameOrId);

    /// <summary>Reads one user by id; null (and forgotten by the resolver) when it no longer exists.</summary>
    public async Task<IdcUser?> DescribeAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var d = await Client.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = _session.IdentityStoreId, UserId = userId }, cancellationToken).ConfigureAwait(false);
            var user = IdcUser.From(d, PortalUrl);
            _session.Principals.Learn(PrincipalKind.User, user.UserName, user.UserId);
            return user;
        }
        catch (AwsNotFoundException)
        {
            _session.Principals.Forget(PrincipalKind.User, userId);
            return null;
        }
    }

    /// <summary>Every user whose user name <paramref name="match"/> accepts, streamed one page at a time.</summary>
    public async IAsyncEnumerable<IdcUser> ListAsync(Func<string, bool>? match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListUsersRequest { IdentityStoreId = _session.IdentityStoreId, MaxResults = 100 };
        await foreach (var u in Client.PaginateListUsers(request, cancellationToken).ConfigureAwait(false))
        {
            if (match != null && !match(u.UserName ?? "")) continue;
            yield return IdcUser.From(u, PortalUrl);
        }
    }

    /// <summary>Validates and decides what creating the user would do, reading only.</summary>
    public async Task<CreatePlan<UserDefinition, IdcUser>> PlanCreateAsync(UserDefinition definition, bool force, CancellationToken cancellationToken)
    {
        var d = definition.Normalized();
        UserValidator.ValidateNew(d);
        var id = await _session.Principals.FindUserIdByUserNameAsync(d.UserName!, cancellationToken).ConfigureAwait(false);
        var existing = id == null ? null : await DescribeAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing == null) return new CreatePlan<UserDefinition, IdcUser>(d, CreateOutcome.Create, null, Array.Empty<string>());
        var differences = UserAttributes.Differences(d, existing);
        if (differences.Count == 0) return new CreatePlan<UserDefinition, IdcUser>(d, CreateOutcome.ReturnExisting, existing, differences);
        if (!force) throw new IdentityConflictException("IdcUserExistsWithDifferentAttributes", "User", existing.UserName, differences);
        return new CreatePlan<UserDefinition, IdcUser>(d, CreateOutcome.UpdateExisting, existing, differences);
    }

    /// <summary>Carries out a create plan: creates the user, returns the existing one (with a warning), or updates it.</summary>
    public async Task<IdcUser> CreateAsync(CreatePlan<UserDefinition, IdcUser> plan, IOutputWriter output, CancellationToken cancellationToken)
    {
        var d = plan.Definition;
        switch (plan.Outcome)
        {
            case CreateOutcome.ReturnExisting:
                output.WriteWarning($"User '{plan.Existing!.UserName}' already exists with the same attributes; returning it unchanged.");
                return plan.Existing;
            case CreateOutcome.UpdateExisting:
                var changes = d.Normalized();
                changes.DisplayName = d.EffectiveDisplayName;
                var update = new UpdatePlan<IdcUser>(plan.Existing!, plan.Existing!.UserId, UserAttributes.Operations(plan.Existing, changes, Array.Empty<string>()));
                output.WriteVerbose($"User '{plan.Existing.UserName}' exists; updating {string.Join(", ", plan.Differences)} (-Force).");
                return await UpdateAsync(update, cancellationToken).ConfigureAwait(false);
            default:
                var request = UserAttributes.ToCreateRequest(d, _session.IdentityStoreId);
                CreateUserResponse created;
                try
                {
                    // A lost reply is looked up by user name before the create is sent again.
                    created = await Client.CreateUserAsync(request, async ct => (await FindAsAskedAsync(d, ct).ConfigureAwait(false)) is { } same
                        ? new CreateUserResponse { UserId = same.UserId, IdentityStoreId = _session.IdentityStoreId } : null, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsConflictException e) when (e.IsUniquenessViolation)
                {
                    // Made meanwhile, by a lost attempt of this call or by someone else: it is the result if it is what was asked.
                    var same = await FindAsAskedAsync(d, cancellationToken).ConfigureAwait(false);
                    if (same == null) throw;
                    output.WriteVerbose($"User '{d.UserName}' already exists exactly as asked; returning it.");
                    return same;
                }
                _session.Principals.Learn(PrincipalKind.User, d.UserName!, created.UserId!);
                output.WriteVerbose($"Created user '{d.UserName}' ({created.UserId}).");
                if (_session.Once.First(InvitationNoticeKey)) output.WriteWarning(InvitationNotice(PortalUrl));
                return IdcUser.From(request, created.UserId!, PortalUrl);
        }
    }

    /// <summary>
    /// The user of that user name when it has the asked attributes; null when there is none. One with other
    /// attributes is a real conflict: <see cref="IdentityConflictException"/> naming the differences.
    /// </summary>
    private async Task<IdcUser?> FindAsAskedAsync(UserDefinition d, CancellationToken cancellationToken)
    {
        var id = await _session.Principals.FindUserIdByUserNameAsync(d.UserName!, cancellationToken).ConfigureAwait(false);
        var existing = id == null ? null : await DescribeAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing == null) return null;
        var differences = UserAttributes.Differences(d, existing);
        if (differences.Count > 0) throw new IdentityConflictException("IdcUserExistsWithDifferentAttributes", "User", existing.UserName, differences);
        return existing;
    }

    /// <summary>Validates a change and works out the UpdateUser operations, reading only.</summary>
    public async Task<UpdatePlan<IdcUser>> PlanUpdateAsync(string nameOrId, UserDefinition changes, IReadOnlyCollection<string> clear, CancellationToken cancellationToken)
    {
        var c = changes.Normalized();
        UserValidator.ValidateChange(c, clear);
        var current = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        var operations = UserAttributes.Operations(current, c, clear);
        if (operations.Any(o => o.AttributePath == "userName"))
        {
            // User names are unique; refused here rather than by the service's uniqueness error after the call.
            var holder = await _session.Principals.FindUserIdByUserNameAsync(c.UserName!, cancellationToken).ConfigureAwait(false);
            if (holder != null && holder != current.UserId) throw new IdentityNameInUseException("IdcUserNameInUse", "user", c.UserName!, holder);
        }
        return new UpdatePlan<IdcUser>(current, current.UserId, operations);
    }

    /// <summary>Sends the update (nothing when nothing differs) and returns the user as it now is.</summary>
    public async Task<IdcUser> UpdateAsync(UpdatePlan<IdcUser> plan, CancellationToken cancellationToken)
    {
        if (!plan.Writes) return plan.Current;
        await Client.UpdateUserAsync(new UpdateUserRequest
        {
            IdentityStoreId = _session.IdentityStoreId,
            UserId = plan.Id,
            Operations = plan.Operations,
        }, cancellationToken).ConfigureAwait(false);
        // A renamed user must not be found under its old name from the cache.
        if (plan.Operations.Any(o => o.AttributePath == "userName")) _session.Principals.Forget(PrincipalKind.User, plan.Id);
        return await DescribeAsync(plan.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new IdentityNotFoundException("IdcUserNotFound", "user", plan.Id);
    }

    /// <summary>Reads what removing the user involves: its group memberships and account assignments.</summary>
    public async Task<PrincipalRemovalPlan> PlanRemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var user = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        return await PrincipalRemoval.PlanAsync(_session, PrincipalKind.User, user.UserId, user.UserName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The warning given once per session after the first user is created.</summary>
    public static string InvitationNotice(string? portalUrl) =>
        "Identity Center's API does not send the invitation email that the console sends to new users. " +
        "Next step: in the IAM Identity Center console open Users, choose the user, and use \"Send email verification link\" " +
        "or \"Reset password\" (send an email with password setup instructions)" +
        (portalUrl != null ? $"; the user signs in at {portalUrl} (AccessPortalUrl on the output)." : ".");
}
