using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Turns the caller's names into ids: users and groups through the session's principal cache, permission sets
/// through its permission set cache, accounts through the organization snapshot. The three kinds are independent, so
/// their reads run at once (the session's rate limiter paces them) and the slowest kind, usually the organization
/// walk, alone decides how long resolving takes. Every miss is collected, so the caller can report them all before
/// sending anything; misses are listed principals first, then permission sets, then accounts, each in the given order.
/// </summary>
public sealed class AccessResolver
{
    /// <summary>Names of one kind looked up at once.</summary>
    private const int LookupConcurrency = 8;

    private readonly IdcSession _session;
    private readonly Dictionary<PrincipalRef, ResolvedPrincipal> _principals = new();
    private readonly Dictionary<string, ResolvedPermissionSet> _permissionSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AwsAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ResolutionError> _principalErrors = new();
    private readonly List<ResolutionError> _permissionSetErrors = new();
    private readonly List<ResolutionError> _accountErrors = new();

    public AccessResolver(IdcSession session) => _session = session;

    public IReadOnlyList<ResolutionError> Errors => _principalErrors.Concat(_permissionSetErrors).Concat(_accountErrors).ToList();

    public Task ResolveAsync(IEnumerable<PrincipalRef> principals, IEnumerable<string> permissionSets, IEnumerable<string> accounts, CancellationToken cancellationToken) =>
        ResolveAsync(principals, permissionSets, accounts, null, cancellationToken);

    /// <summary>
    /// As <see cref="ResolveAsync(IEnumerable{PrincipalRef}, IEnumerable{string}, IEnumerable{string}, CancellationToken)"/>;
    /// <paramref name="principalResolved"/> hears of each principal as soon as it is resolved, while the other kinds
    /// may still be resolving, so a caller can start reads that need only the principal.
    /// </summary>
    public async Task ResolveAsync(IEnumerable<PrincipalRef> principals, IEnumerable<string> permissionSets, IEnumerable<string> accounts,
        Action<ResolvedPrincipal>? principalResolved, CancellationToken cancellationToken)
    {
        var principalList = principals.Distinct().Where(p => !_principals.ContainsKey(p)).ToList();
        var setList = permissionSets.Distinct(StringComparer.OrdinalIgnoreCase).Where(ps => !_permissionSets.ContainsKey(ps)).ToList();
        var accountList = accounts.Distinct(StringComparer.OrdinalIgnoreCase).Where(a => !_accounts.ContainsKey(a)).ToList();
        var principalTask = Bounded.SelectAsync(principalList, LookupConcurrency, async p =>
        {
            var resolved = await ResolvePrincipalAsync(p, cancellationToken).ConfigureAwait(false);
            if (resolved.Principal != null) principalResolved?.Invoke(resolved.Principal);
            return resolved;
        }, cancellationToken);
        var setTask = Bounded.SelectAsync(setList, LookupConcurrency, ps => ResolvePermissionSetAsync(ps, cancellationToken), cancellationToken);
        var accountTask = ResolveAccountsAsync(accountList, cancellationToken);
        // WhenAll lets every kind run to its end, so a failure of one leaves no other's reads running unobserved.
        await Task.WhenAll(principalTask, setTask, accountTask).ConfigureAwait(false);
        for (var i = 0; i < principalList.Count; i++)
        {
            var (principal, error) = principalTask.Result[i];
            if (principal != null) _principals[principalList[i]] = principal;
            else _principalErrors.Add(error!);
        }
        for (var i = 0; i < setList.Count; i++)
        {
            var (set, error) = setTask.Result[i];
            if (set != null) _permissionSets[setList[i]] = set;
            else _permissionSetErrors.Add(error!);
        }
        foreach (var (name, account, error) in accountTask.Result)
        {
            if (account != null) _accounts[name] = account;
            else _accountErrors.Add(error!);
        }
    }

    private async Task<(ResolvedPrincipal? Principal, ResolutionError? Error)> ResolvePrincipalAsync(PrincipalRef p, CancellationToken cancellationToken)
    {
        var kind = p.Kind == PrincipalKind.User ? ResolutionErrorKind.User : ResolutionErrorKind.Group;
        var id = await _session.Principals.FindIdAsync(p.Kind, p.NameOrId, cancellationToken).ConfigureAwait(false);
        if (id == null)
            return (null, new ResolutionError(kind, p.NameOrId, $"No {p.Kind.ToString().ToLowerInvariant()} named '{p.NameOrId}' exists in identity store {_session.IdentityStoreId}."));
        var name = p.NameOrId;
        if (IdentityIds.IsResourceId(p.NameOrId))
        {
            // An id is taken as given by the lookup; describing it both checks it exists and finds its name.
            name = await _session.Principals.GetNameAsync(p.Kind, id, cancellationToken).ConfigureAwait(false);
            if (name == id)
                return (null, new ResolutionError(kind, p.NameOrId, $"No {p.Kind.ToString().ToLowerInvariant()} with id '{p.NameOrId}' exists in identity store {_session.IdentityStoreId}."));
        }
        return (new ResolvedPrincipal(p.Kind, id, name), null);
    }

    private async Task<(ResolvedPermissionSet? Set, ResolutionError? Error)> ResolvePermissionSetAsync(string ps, CancellationToken cancellationToken)
    {
        // The session's resolver passes any ARN through (checked below by describing it) and looks names up.
        var arn = await _session.PermissionSets.FindArnAsync(ps, cancellationToken).ConfigureAwait(false);
        if (arn == null) return (null, new ResolutionError(ResolutionErrorKind.PermissionSet, ps, $"No permission set named '{ps}' exists in {_session.InstanceArn}."));
        try { return (new ResolvedPermissionSet(arn, await _session.PermissionSets.GetNameAsync(arn, cancellationToken).ConfigureAwait(false)), null); }
        catch (Aws.AwsServiceException e) when (e is Aws.AwsNotFoundException or Aws.AwsValidationException)
        {
            return (null, new ResolutionError(ResolutionErrorKind.PermissionSet, ps, $"No permission set '{ps}' exists in {_session.InstanceArn}."));
        }
    }

    /// <summary>One after another: after the first, each is looked up in the session's organization snapshot without a call.</summary>
    private async Task<List<(string Name, AwsAccount? Account, ResolutionError? Error)>> ResolveAccountsAsync(List<string> accounts, CancellationToken cancellationToken)
    {
        var results = new List<(string, AwsAccount?, ResolutionError?)>();
        var directory = OrganizationDirectory.For(_session);
        foreach (var a in accounts)
        {
            var account = await directory.FindAccountAsync(a, cancellationToken).ConfigureAwait(false);
            if (account != null) { results.Add((a, account, null)); continue; }
            var snapshot = await directory.SnapshotAsync(refresh: false, cancellationToken).ConfigureAwait(false);
            results.Add((a, null, snapshot.CountNamed(a) > 1
                ? new ResolutionError(ResolutionErrorKind.AmbiguousAccount, a, $"{snapshot.CountNamed(a)} accounts are named '{a}'; give the account id instead.")
                : new ResolutionError(ResolutionErrorKind.Account, a, $"No account '{a}' (id or name) is in the organization.")));
        }
        return results;
    }

    /// <summary>
    /// For a read that reports the names it could not resolve and answers for the rest: whether every filter that was
    /// given kept a value. A filter whose every value is unknown must answer nothing, never the unfiltered question.
    /// </summary>
    public bool EachFilterKeptAValue(IReadOnlyCollection<PrincipalRef> principals, IReadOnlyCollection<string> permissionSets, IReadOnlyCollection<string> accounts) =>
        (principals.Count == 0 || principals.Any(p => Principal(p) != null))
        && (permissionSets.Count == 0 || permissionSets.Any(p => PermissionSet(p) != null))
        && (accounts.Count == 0 || accounts.Any(a => Account(a) != null));

    public ResolvedPrincipal? Principal(PrincipalRef p) => _principals.TryGetValue(p, out var r) ? r : null;
    public ResolvedPermissionSet? PermissionSet(string nameOrArn) => _permissionSets.TryGetValue(nameOrArn, out var r) ? r : null;
    public AwsAccount? Account(string idOrName) => _accounts.TryGetValue(idOrName, out var r) ? r : null;
}

public sealed class ResolvedPrincipal
{
    public ResolvedPrincipal(PrincipalKind kind, string id, string name) { Kind = kind; Id = id; Name = name; }
    public PrincipalKind Kind { get; }
    public string Id { get; }
    public string Name { get; }
}

public sealed class ResolvedPermissionSet
{
    public ResolvedPermissionSet(string arn, string name) { Arn = arn; Name = name; }
    public string Arn { get; }
    public string Name { get; }
}
