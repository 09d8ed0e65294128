using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Turns the caller's names into ids: users and groups through the session's principal cache, permission sets
/// through its permission set cache, accounts through the organization snapshot. Every miss is collected, so the
/// caller can report them all before sending anything.
/// </summary>
public sealed class AccessResolver
{
    private readonly IdcSession _session;
    private readonly Dictionary<PrincipalRef, ResolvedPrincipal> _principals = new();
    private readonly Dictionary<string, ResolvedPermissionSet> _permissionSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AwsAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ResolutionError> _errors = new();

    public AccessResolver(IdcSession session) => _session = session;

    public IReadOnlyList<ResolutionError> Errors => _errors;

    public async Task ResolveAsync(IEnumerable<PrincipalRef> principals, IEnumerable<string> permissionSets, IEnumerable<string> accounts, CancellationToken cancellationToken)
    {
        foreach (var p in principals.Distinct())
        {
            if (_principals.ContainsKey(p)) continue;
            var id = await _session.Principals.FindIdAsync(p.Kind, p.NameOrId, cancellationToken).ConfigureAwait(false);
            if (id == null)
            {
                _errors.Add(new ResolutionError(p.Kind == PrincipalKind.User ? ResolutionErrorKind.User : ResolutionErrorKind.Group, p.NameOrId,
                    $"No {p.Kind.ToString().ToLowerInvariant()} named '{p.NameOrId}' exists in identity store {_session.IdentityStoreId}."));
                continue;
            }
            var name = p.NameOrId;
            if (IdentityIds.IsResourceId(p.NameOrId))
            {
                // An id is taken as given by the lookup; describing it both checks it exists and finds its name.
                name = await _session.Principals.GetNameAsync(p.Kind, id, cancellationToken).ConfigureAwait(false);
                if (name == id)
                {
                    _errors.Add(new ResolutionError(p.Kind == PrincipalKind.User ? ResolutionErrorKind.User : ResolutionErrorKind.Group, p.NameOrId,
                        $"No {p.Kind.ToString().ToLowerInvariant()} with id '{p.NameOrId}' exists in identity store {_session.IdentityStoreId}."));
                    continue;
                }
            }
            _principals[p] = new ResolvedPrincipal(p.Kind, id, name);
        }
        foreach (var ps in permissionSets.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_permissionSets.ContainsKey(ps)) continue;
            // The session's resolver passes any ARN through (checked below by describing it) and looks names up.
            var arn = await _session.PermissionSets.FindArnAsync(ps, cancellationToken).ConfigureAwait(false);
            if (arn == null)
            {
                _errors.Add(new ResolutionError(ResolutionErrorKind.PermissionSet, ps, $"No permission set named '{ps}' exists in {_session.InstanceArn}."));
                continue;
            }
            string name;
            try { name = await _session.PermissionSets.GetNameAsync(arn, cancellationToken).ConfigureAwait(false); }
            catch (Aws.AwsServiceException e) when (e is Aws.AwsNotFoundException or Aws.AwsValidationException)
            {
                _errors.Add(new ResolutionError(ResolutionErrorKind.PermissionSet, ps, $"No permission set '{ps}' exists in {_session.InstanceArn}."));
                continue;
            }
            _permissionSets[ps] = new ResolvedPermissionSet(arn, name);
        }
        var directory = OrganizationDirectory.For(_session);
        foreach (var a in accounts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_accounts.ContainsKey(a)) continue;
            var account = await directory.FindAccountAsync(a, cancellationToken).ConfigureAwait(false);
            if (account != null) { _accounts[a] = account; continue; }
            var snapshot = await directory.SnapshotAsync(refresh: false, cancellationToken).ConfigureAwait(false);
            _errors.Add(snapshot.CountNamed(a) > 1
                ? new ResolutionError(ResolutionErrorKind.AmbiguousAccount, a, $"{snapshot.CountNamed(a)} accounts are named '{a}'; give the account id instead.")
                : new ResolutionError(ResolutionErrorKind.Account, a, $"No account '{a}' (id or name) is in the organization."));
        }
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
