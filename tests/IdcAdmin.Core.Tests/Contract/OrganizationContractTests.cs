using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>Organizations: root, OUs and accounts, built and read through the API on moto and on the sandbox.</summary>
[Collection(MotoCollection.Name)]
public sealed class OrganizationContractTests
{
    private readonly MotoServer _moto;
    public OrganizationContractTests(MotoServer moto) => _moto = moto;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task OUs_and_accounts_are_created_moved_and_read_back_through_the_organization_directory(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var org = b.Session.Connection.Organizations;
        var root = await b.RootAsync();
        var top = Unique("ou");
        var unit = (await org.CreateOrganizationalUnitAsync(new CreateOrganizationalUnitRequest { ParentId = root, Name = top })).OrganizationalUnit!;
        var child = (await org.CreateOrganizationalUnitAsync(new CreateOrganizationalUnitRequest { ParentId = unit.Id, Name = "Prod" })).OrganizationalUnit!;
        var account = await b.NewAccountAsync(Unique("acc"), child.Id!);

        Assert.Equal(top, (await org.DescribeOrganizationalUnitAsync(new DescribeOrganizationalUnitRequest { OrganizationalUnitId = unit.Id })).OrganizationalUnit!.Name);
        var children = await org.ListOrganizationalUnitsForParentAsync(new ListOrganizationalUnitsForParentRequest { ParentId = unit.Id });
        Assert.Equal(child.Id, Assert.Single(children.OrganizationalUnits!).Id);
        var inChild = await org.ListAccountsForParentAsync(new ListAccountsForParentRequest { ParentId = child.Id });
        Assert.Equal(account, Assert.Single(inChild.Accounts!).Id);
        var parents = await org.ListParentsAsync(new ListParentsRequest { ChildId = account });
        Assert.Equal(("ORGANIZATIONAL_UNIT", child.Id), (Assert.Single(parents.Parents!).Type, parents.Parents![0].Id));
        Assert.Equal("ACTIVE", (await org.DescribeAccountAsync(new DescribeAccountRequest { AccountId = account })).Account!.Status);
        var management = (await org.DescribeOrganizationAsync(new DescribeOrganizationRequest())).Organization!.MasterAccountId;
        var all = new List<string>();
        await foreach (var a in org.PaginateListAccounts(new ListAccountsRequest { MaxResults = 2 })) all.Add(a.Id!);
        Assert.Contains(account, all);
        Assert.Contains(management, all);

        // The engine's view: the account under its OU path, found recursively from the top OU.
        var directory = OrganizationDirectory.For(b.Session);
        var resolved = await directory.ResolveUnitAsync($"/Root/{top}", CancellationToken.None);
        Assert.Equal(unit.Id, resolved.OrganizationalUnitId);
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task Unknown_accounts_and_OUs_are_not_found(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var org = b.Session.Connection.Organizations;
        await b.RootAsync();

        var account = await Assert.ThrowsAsync<AwsNotFoundException>(() => org.DescribeAccountAsync(new DescribeAccountRequest { AccountId = "999999999999" }));
        Assert.Equal("AccountNotFoundException", account.ErrorCode);
        var unit = await Assert.ThrowsAsync<AwsNotFoundException>(() => org.DescribeOrganizationalUnitAsync(new DescribeOrganizationalUnitRequest { OrganizationalUnitId = "ou-zzzz-zzzzzzzz" }));
        Assert.Equal("OrganizationalUnitNotFoundException", unit.ErrorCode);
    }
}
