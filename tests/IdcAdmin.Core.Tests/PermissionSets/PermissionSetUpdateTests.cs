using System.Net;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

/// <summary>Set-IdcPermissionSet's change and the listing of the accounts to re-provision to, sent together.</summary>
public sealed class PermissionSetUpdateTests
{
    private const string InstanceArn = "arn:aws:sso:::instance/ssoins-1111222233334444";
    private const string SetArn = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaabbbbccccdddd";

    private static ScriptedHandler Backend(ScriptedResponse? update = null) => new ScriptedHandler()
        .On("DescribePermissionSet", _ => new { PermissionSet = new { Name = "Data", PermissionSetArn = SetArn, SessionDuration = "PT2H", Description = "old" } })
        .On("UpdatePermissionSet", _ => update ?? ScriptedResponse.Ok(new { }))
        .On("ListAccountsForProvisionedPermissionSet", _ => new { AccountIds = new[] { "111111111111", "222222222222" } });

    private static IdcSession SessionOver(HttpMessageHandler handler) =>
        new(ScriptedConnection.Connect(handler), new IdcInstance { InstanceArn = InstanceArn, IdentityStoreId = "d-1234567890", Region = "us-east-1" });

    private static async Task<IReadOnlyList<string>?> UpdateAsync(IdcSession session, bool listAccounts)
    {
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { Description = "new" }, forCreate: false);
        var plan = await new PermissionSetPlanner(session).PlanUpdateAsync(SetArn, spec, CancellationToken.None);
        return await PermissionSetUpdate.ApplyAsync(session, NullOutputWriter.Instance, plan, spec, listAccounts, allowNoAdministrator: false, CancellationToken.None);
    }

    [Fact]
    public async Task The_accounts_to_reprovision_are_listed_while_the_change_is_sent()
    {
        var backend = Backend();
        var rendezvous = new Rendezvous(backend, Rendezvous.ByOperation, "UpdatePermissionSet", "ListAccountsForProvisionedPermissionSet");
        using var session = SessionOver(rendezvous);

        var accounts = await UpdateAsync(session, listAccounts: true);

        Assert.True(rendezvous.Met);
        Assert.Equal(new[] { "111111111111", "222222222222" }, accounts);
        Assert.Equal("new", (string?)backend.Calls.Single(c => c.Operation == "UpdatePermissionSet").Body["Description"]);
    }

    [Fact]
    public async Task Without_reprovisioning_no_account_is_listed()
    {
        var backend = Backend();
        using var session = SessionOver(backend);
        Assert.Null(await UpdateAsync(session, listAccounts: false));
        Assert.Equal(0, backend.CountOf("ListAccountsForProvisionedPermissionSet"));
    }

    [Fact]
    public async Task A_refused_change_is_the_error_reported()
    {
        var backend = Backend(ScriptedResponse.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "Not allowed"));
        using var session = SessionOver(backend);
        var e = await Assert.ThrowsAsync<PermissionSetWriteException>(() => UpdateAsync(session, listAccounts: true));
        Assert.IsType<AwsAccessDeniedException>(e.InnerException);
    }
}
