using System;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Core.Session;

/// <summary>A connected instance and the clients to reach it; one per PowerShell runspace, serving a whole runbook.</summary>
public sealed class IdcSession : IDisposable
{
    public IdcSession(AwsConnection connection, IdcInstance instance)
    {
        Connection = connection;
        Instance = instance;
        Principals = new PrincipalResolver(connection.IdentityStore, instance.IdentityStoreId);
        PermissionSets = new PermissionSetResolver(connection.SsoAdmin, instance.InstanceArn);
        Organization = new OrganizationDirectory(connection.Organizations);
    }

    /// <summary>User and group names ↔ ids, cached for the session.</summary>
    public PrincipalResolver Principals { get; }
    /// <summary>Permission set names ↔ ARNs, cached for the session.</summary>
    public PermissionSetResolver PermissionSets { get; }

    /// <summary>The organization's accounts and OUs, its snapshot and management account cached for the session.</summary>
    public OrganizationDirectory Organization { get; }

    public AwsConnection Connection { get; }
    public IdcInstance Instance { get; }
    public string InstanceArn => Instance.InstanceArn;
    public string IdentityStoreId => Instance.IdentityStoreId;

    /// <summary>How asynchronous requests (assignments, provisioning) are waited for.</summary>
    public PollOptions Polling { get; set; } = new();

    /// <summary>How long each kind of asynchronous request takes here, learned from its status reads.</summary>
    public CompletionEstimates Completions { get; } = new();

    /// <summary>Warnings that should be said once per session (e.g. that the API cannot send invitation emails).</summary>
    public OncePerSession Once { get; } = new();

    /// <summary>True once the session is ended (Disconnect-IdcInstance): its connections are closed and it serves no call.</summary>
    public bool IsEnded { get; private set; }

    public void Dispose()
    {
        IsEnded = true;
        Connection.Dispose();
    }
}
