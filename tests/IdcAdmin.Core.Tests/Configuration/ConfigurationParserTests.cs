using IdcAdmin.Core.Configuration;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.Configuration;

/// <summary>What a valid file becomes: the model the planner compares with the live instance.</summary>
public sealed class ConfigurationParserTests
{
    [Fact]
    public void A_predefined_set_gets_its_name_and_policy_and_an_inline_policy_may_be_a_table_or_a_file()
    {
        using var files = new ConfigurationFiles();
        files.Write("policies/p.json", """{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" } }""");
        var configuration = files.Json("""
            {
              "permissionsets": [
                { "predefined": "administratoraccess" },
                { "Name": "Table", "InlinePolicy": { "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" } } },
                { "Name": "FromFile", "InlinePolicyPath": "policies/p.json", "SessionDuration": "04:00:00", "Tags": { "team": "data" } }
              ]
            }
            """);

        var admin = configuration.PermissionSets[0];
        Assert.Equal("AdministratorAccess", admin.Name);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", Assert.Single(admin.CreateSpec.ManagedPolicies!).Arn);
        Assert.True(InlinePolicyDocument.AreEquivalent(configuration.PermissionSets[1].CreateSpec.InlinePolicy, configuration.PermissionSets[2].CreateSpec.InlinePolicy));
        var fromFile = configuration.PermissionSets[2];
        Assert.Equal(TimeSpan.FromHours(4), fromFile.UpdateSpec.SessionDuration);
        Assert.Equal("data", fromFile.UpdateSpec.Tags!["team"]);
        // An existing set's policies are exactly the file's: none listed means none kept.
        Assert.Empty(fromFile.UpdateSpec.ManagedPolicies!);
        Assert.Empty(fromFile.UpdateSpec.CustomerManagedPolicies!);
        // Parts the file leaves out are not managed.
        Assert.Null(configuration.PermissionSets[1].UpdateSpec.Description);
        Assert.False(configuration.PermissionSets[1].UpdateSpec.PermissionsBoundarySpecified);
        Assert.Null(configuration.PermissionSets[1].UpdateSpec.Tags);
    }

    [Fact]
    public void Rules_take_single_values_or_lists_and_groups_without_Members_leave_members_unmanaged()
    {
        using var files = new ConfigurationFiles();
        var configuration = files.Json("""
            {
              "Groups": [ { "Name": "Admins" }, { "Name": "Devs", "Members": [] } ],
              "Assignments": [
                { "User": "alice", "PermissionSet": ["A", "B"], "Accounts": "111122223333" },
                { "Group": "Devs", "PermissionSet": "A", "OrganizationalUnits": "/Root/Workloads", "Recurse": true }
              ]
            }
            """);

        Assert.Null(configuration.Groups[0].Members);
        Assert.Empty(configuration.Groups[1].Members!);
        var user = configuration.Assignments[0];
        Assert.Equal(PrincipalKind.User, user.PrincipalKind);
        Assert.Equal(new[] { "A", "B" }, user.PermissionSets.Select(p => p.Name));
        Assert.Equal("111122223333", Assert.Single(user.Accounts).Name);
        Assert.Equal("Assignments[0].Accounts", user.Accounts[0].Location.KeyPath);
        Assert.True(configuration.Assignments[1].Recurse);
        Assert.Equal(5, configuration.Assignments[1].OrganizationalUnits[0].Location.Line);
    }

    [Fact]
    public void An_export_reads_back_as_the_same_configuration()
    {
        var root = ConfigurationNode.Map(0, new[]
        {
            new KeyValuePair<string, ConfigurationNode>("Groups", ConfigurationNode.List(0, new[]
            {
                ConfigurationNode.Map(0, new[]
                {
                    new KeyValuePair<string, ConfigurationNode>("Name", ConfigurationNode.Text("O'Brien \"team\"")),
                    new KeyValuePair<string, ConfigurationNode>("Members", ConfigurationNode.List(0, new[] { ConfigurationNode.Text("alice", "a comment") })),
                }),
            })),
        });
        using var files = new ConfigurationFiles();

        var configuration = files.Json(ConfigurationTextWriter.ToJson(root));

        Assert.Equal("O'Brien \"team\"", configuration.Groups[0].Name);
        Assert.Equal("alice", Assert.Single(configuration.Groups[0].Members!).Name);
        var psd1 = ConfigurationTextWriter.ToPowerShellDataFile(root);
        Assert.Contains("Name = 'O''Brien \"team\"'", psd1);
        Assert.Contains("'alice'  # a comment", psd1);
    }

    [Fact]
    public void A_managed_policy_ARN_newer_than_the_shipped_list_is_accepted_with_a_warning_that_names_its_place()
    {
        using var files = new ConfigurationFiles();
        var configuration = files.Json("""
            {
              "PermissionSets": [
                { "Name": "New", "ManagedPolicies": ["arn:aws:iam::aws:policy/BrandNewPolicyFromAws"] }
              ]
            }
            """);

        var warning = Assert.Single(configuration.Warnings);
        Assert.Contains(":3: PermissionSets[0]: ", warning);
        Assert.Contains("BrandNewPolicyFromAws", warning);
        Assert.Equal("arn:aws:iam::aws:policy/BrandNewPolicyFromAws", Assert.Single(configuration.PermissionSets[0].CreateSpec.ManagedPolicies!).Arn);
    }
}
