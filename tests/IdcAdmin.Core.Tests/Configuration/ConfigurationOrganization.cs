using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Organizations.Model;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>
/// A private corner of moto's organization for one test: /Root/&lt;prefix&gt;/Workloads holding prod and staging,
/// /Root/&lt;prefix&gt;/Workloads/Dev holding dev, and a spare account in /Root/&lt;prefix&gt; outside Workloads.
/// </summary>
public sealed class ConfigurationOrganization
{
    public string Prefix { get; private init; } = "";
    public string TopId { get; private init; } = "";
    public string WorkloadsId { get; private init; } = "";
    public string DevOuId { get; private init; } = "";
    public Dictionary<string, string> Accounts { get; } = new();
    public string ManagementAccountId { get; private set; } = "";

    public static async Task<ConfigurationOrganization> CreateAsync(IdcSession session)
    {
        var org = session.Connection.Organizations;
        try { await org.CreateOrganizationAsync(new CreateOrganizationRequest { FeatureSet = "ALL" }); }
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyInOrganizationException") { }
        var root = (await org.ListRootsAsync(new ListRootsRequest())).Roots![0].Id!;
        var prefix = "cfg" + Guid.NewGuid().ToString("N")[..6];
        async Task<string> Ou(string parent, string name) =>
            (await org.CreateOrganizationalUnitAsync(new CreateOrganizationalUnitRequest { ParentId = parent, Name = name })).OrganizationalUnit!.Id!;
        var top = await Ou(root, prefix);
        var workloads = await Ou(top, "Workloads");
        var dev = await Ou(workloads, "Dev");
        var result = new ConfigurationOrganization { Prefix = prefix, TopId = top, WorkloadsId = workloads, DevOuId = dev };
        foreach (var (name, parent) in new[] { ("prod", workloads), ("staging", workloads), ("dev", dev), ("spare", top) })
        {
            var accountName = $"{prefix}-{name}";
            var id = (await org.CreateAccountAsync(new CreateAccountRequest { AccountName = accountName, Email = accountName + "@example.com" })).CreateAccountStatus!.AccountId!;
            await org.MoveAccountAsync(new MoveAccountRequest { AccountId = id, SourceParentId = root, DestinationParentId = parent });
            result.Accounts[name] = id;
        }
        result.ManagementAccountId = (await org.DescribeOrganizationAsync(new DescribeOrganizationRequest())).Organization!.MasterAccountId!;
        return result;
    }

    /// <summary>The example configuration, its names made unique to this corner.</summary>
    public string ExampleJson(bool withRemovals = false) => $$"""
        {
          "Users": [
            { "UserName": "alice-{{Prefix}}", "GivenName": "Alice", "FamilyName": "Doe", "Email": "alice-{{Prefix}}@example.com" },
            { "UserName": "bob-{{Prefix}}", "GivenName": "Bob", "FamilyName": "Roe" }
          ],
          "Groups": [
            { "Name": "Admins-{{Prefix}}", "Description": "Administrators", "Members": ["alice-{{Prefix}}"] },
            { "Name": "Devs-{{Prefix}}", "Members": ["bob-{{Prefix}}"] }
          ],
          "PermissionSets": [
            { "Predefined": "AdministratorAccess" },
            { "Name": "ReadOnly-{{Prefix}}", "ManagedPolicies": ["ReadOnlyAccess"], "SessionDuration": "PT4H", "Description": "Reads everything" },
            { "Name": "Logs-{{Prefix}}", "InlinePolicyPath": "policies/logs.json" }
          ],
          "Assignments": [
            { "Group": "Admins-{{Prefix}}", "PermissionSet": "AdministratorAccess", "Accounts": ["{{Prefix}}-prod", "{{Prefix}}-staging"] },
            { "Group": "Devs-{{Prefix}}", "PermissionSet": "ReadOnly-{{Prefix}}", "OrganizationalUnits": ["/Root/{{Prefix}}/Workloads"], "Recurse": true },
            { "Group": "Devs-{{Prefix}}", "PermissionSet": "Logs-{{Prefix}}", "Accounts": ["{{Prefix}}-staging"] }
          ]
        }
        """;

    public const string LogsPolicy = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "logs:Get*", "Resource": "*" } ] }""";
}
