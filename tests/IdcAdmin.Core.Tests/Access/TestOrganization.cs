using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>
/// A private corner of moto's (global, shared) organization: a uniquely named OU under the root holding Prod (with
/// Prod/Web below it) and Dev, and 52 uniquely named accounts spread over them.
/// </summary>
public sealed class TestOrganization
{
    public string Prefix { get; private init; } = "";
    public string RootId { get; private init; } = "";
    public string TopId { get; private init; } = "";
    public string TopPath => "/Root/" + Prefix;
    public string ProdId { get; private init; } = "";
    public string WebId { get; private init; } = "";
    public string DevId { get; private init; } = "";
    /// <summary>Account id → (name, parent path).</summary>
    public Dictionary<string, (string Name, string Path)> Accounts { get; } = new();

    public IEnumerable<string> AccountIdsUnder(string pathPrefix) =>
        Accounts.Where(a => a.Value.Path == pathPrefix || a.Value.Path.StartsWith(pathPrefix + "/")).Select(a => a.Key);

    public static async Task<TestOrganization> CreateAsync(IdcSession session, int prod = 20, int web = 12, int dev = 20)
    {
        var org = session.Connection.Organizations;
        try { await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        var root = (await org.ListRootsAsync(new ListRootsRequest())).Roots![0].Id!;
        var prefix = "acc-" + Guid.NewGuid().ToString("N")[..8];
        async Task<string> Ou(string parent, string name) =>
            (await org.CreateOrganizationalUnitAsync(new CreateOrganizationalUnitRequest { ParentId = parent, Name = name })).OrganizationalUnit!.Id!;
        var top = await Ou(root, prefix);
        var prodId = await Ou(top, "Prod");
        var webId = await Ou(prodId, "Web");
        var devId = await Ou(top, "Dev");
        var result = new TestOrganization { Prefix = prefix, RootId = root, TopId = top, ProdId = prodId, WebId = webId, DevId = devId };
        var n = 0;
        foreach (var (parent, path, count) in new[] { (prodId, $"/Root/{prefix}/Prod", prod), (webId, $"/Root/{prefix}/Prod/Web", web), (devId, $"/Root/{prefix}/Dev", dev) })
        {
            for (var i = 0; i < count; i++)
            {
                var name = $"{prefix}-{++n:00}";
                var created = await org.CreateAccountAsync(new CreateAccountRequest { AccountName = name, Email = name + "@example.com" });
                var id = created.CreateAccountStatus!.AccountId!;
                await org.MoveAccountAsync(new MoveAccountRequest { AccountId = id, SourceParentId = root, DestinationParentId = parent });
                result.Accounts[id] = (name, path);
            }
        }
        return result;
    }
}
