using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.Lockout;

/// <summary>The lock-out guard refused a change: it would leave the management account with no administrator.</summary>
public sealed class AdministratorLockoutException : InvalidOperationException
{
    /// <summary>The error id every cmdlet reports this refusal with.</summary>
    public const string ErrorId = "IdcLockoutGuard";

    public AdministratorLockoutException(string what, string managementAccountId, IReadOnlyCollection<string> administratorsToday, IEnumerable<string>? names = null)
        : base($"Refusing to {what}: it would leave the organization's management account {managementAccountId} with no user holding an " +
               $"administrator permission set (today: {string.Join(", ", names ?? administratorsToday)}), which could lock every administrator out. " +
               "Give another user administrator access there first, or, if that is really meant, add -AllowNoAdministrator (-Force only skips the prompt).")
    {
        ManagementAccountId = managementAccountId;
        AdministratorsToday = administratorsToday;
    }

    public string ManagementAccountId { get; }
    /// <summary>User ids holding administrator access on the management account before the change.</summary>
    public IReadOnlyCollection<string> AdministratorsToday { get; }
}
