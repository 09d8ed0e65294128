using System;
using System.Collections.Generic;

namespace IdcAdmin.Core.Guide;

/// <summary>What "Create an administrative user in IAM Identity Center" asks for, as one request.</summary>
public sealed class AdministratorSetupRequest
{
    public string UserName { get; set; } = "";
    public string Email { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    /// <summary>Defaults to "GivenName FamilyName", as the console does.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Optional admin group: when given, the group (not the user) is assigned, and the user joins it.</summary>
    public string? GroupName { get; set; }
    /// <summary>Account ids to give access to; empty means the organization's management account.</summary>
    public IList<string> AccountIds { get; set; } = new List<string>();
    public string PermissionSetName { get; set; } = "AdministratorAccess";
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);
}
