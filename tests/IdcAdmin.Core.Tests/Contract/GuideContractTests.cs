using IdcAdmin.Core.Guide;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>The engine's whole guide (Initialize-IdcAdministrator) on moto and on the sandbox: same code, same outcome.</summary>
[Collection(MotoCollection.Name)]
public sealed class GuideContractTests
{
    private readonly MotoServer _moto;
    public GuideContractTests(MotoServer moto) => _moto = moto;

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task The_guide_makes_an_administrator_on_the_management_account_and_a_second_run_changes_nothing(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        await b.RootAsync();
        b.Session.Polling = ContractBackend.FastPolling;
        var user = "admin-" + Guid.NewGuid().ToString("N")[..6];
        var request = new AdministratorSetupRequest { UserName = user, Email = user + "@example.com", GivenName = "Ada", FamilyName = "Admin", GroupName = "Admins-" + user };
        var setup = new AdministratorSetup(b.Session, NullOutputWriter.Instance, (_, _) => true);

        var first = await setup.RunAsync(request, CancellationToken.None);
        var second = await setup.RunAsync(request, CancellationToken.None);

        var management = (await b.Session.Connection.Organizations.DescribeOrganizationAsync(new DescribeOrganizationRequest())).Organization!.MasterAccountId;
        var assignment = Assert.Single(first.Assignments);
        Assert.Equal((management, "SUCCEEDED", "GROUP"), (assignment.AccountId, assignment.Status, assignment.PrincipalType));
        Assert.True(first.Changes >= 5, $"first run made {first.Changes} changes");
        Assert.Equal(0, second.Changes);
    }
}
