using System;

namespace IdcAdmin.Core.Access;

/// <summary>
/// Chooses how to read assignments for the effective-access view from counts that cost little to learn. Every path
/// ends in one listing per (account, permission set) pair or per principal, so the cheaper of the two wins:
/// <list type="bullet">
/// <item>a question about users reads per principal: their own and their groups' assignments;</item>
/// <item>otherwise the provisioning listing of the scope (one call per account or per set, whichever side is
/// smaller) gives the number of provisioned pairs; when the users and groups to list are fewer than those pairs,
/// reading per principal is cheaper;</item>
/// <item>a probe that finds no provisioned pair at all reads per principal. AWS provisions a set to an account as part
/// of every successful assignment, so on AWS an empty probe means nothing is assigned in scope and the per-principal
/// read only confirms the empty answer; but a backend that does not provision on assignment (moto, other emulators)
/// also answers empty while assignments exist, and the per-principal read is exact on every backend. An empty answer
/// is the one a wrong probe would give, so it is the one not trusted.</item>
/// </list>
/// </summary>
public static class EffectiveAccessPlanner
{
    /// <summary>Which side to probe for provisioned pairs: the smaller of accounts and permission sets in scope.</summary>
    public static EffectiveAccessPath ProvisioningSide(int accountsInScope, int permissionSetsInScope) =>
        permissionSetsInScope <= accountsInScope ? EffectiveAccessPath.PermissionSet : EffectiveAccessPath.Account;

    /// <summary>Before probing: with fewer principals than probe calls, reading per principal is cheaper whatever the probe finds.</summary>
    public static bool PrincipalsCheaperThanProbe(int principals, int probeCalls) => principals <= probeCalls;

    /// <summary>After probing: one listing per provisioned pair against one per principal; no pair at all proves nothing.</summary>
    public static EffectiveAccessPath Choose(EffectiveAccessPath probedSide, int provisionedPairs, int principals) =>
        provisionedPairs == 0 || principals < provisionedPairs ? EffectiveAccessPath.Principal : probedSide;

    /// <summary>The listing calls a path needs (one page each), for benchmarks and verbose output.</summary>
    public static int ListingCalls(EffectiveAccessPath path, int probeCalls, int provisionedPairs, int principals) => path switch
    {
        EffectiveAccessPath.Principal => principals,
        EffectiveAccessPath.Account or EffectiveAccessPath.PermissionSet => probeCalls + provisionedPairs,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "A concrete path."),
    };
}
