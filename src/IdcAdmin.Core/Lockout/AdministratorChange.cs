using System;
using System.Collections.Generic;
using IdcAdmin.Core.Assignments;

namespace IdcAdmin.Core.Lockout;

/// <summary>
/// What a command is about to take away, described for the lock-out guard: assignments revoked, users and groups
/// deleted, memberships removed, permission sets that stop granting administrator access (deleted, or their admin
/// policy detached or replaced). A configuration sync describes its whole plan the same way.
/// </summary>
public sealed class AdministratorChange
{
    public HashSet<AssignmentKey> RevokedAssignments { get; } = new();
    public HashSet<string> RemovedUsers { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RemovedGroups { get; } = new(StringComparer.Ordinal);
    /// <summary>(group id, user id) pairs.</summary>
    public HashSet<(string GroupId, string UserId)> RemovedMemberships { get; } = new();
    public HashSet<string> PermissionSetsLosingAdministrator { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => RevokedAssignments.Count == 0 && RemovedUsers.Count == 0 && RemovedGroups.Count == 0
                           && RemovedMemberships.Count == 0 && PermissionSetsLosingAdministrator.Count == 0;
}
