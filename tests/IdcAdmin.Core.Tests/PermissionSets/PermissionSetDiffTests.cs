using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

public sealed class PermissionSetDiffTests
{
    private static IdcPermissionSet Current() => new()
    {
        Name = "Data",
        PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef",
        SessionDuration = "PT1H",
        ManagedPolicies = new[] { AwsManagedPolicy.FromArn("arn:aws:iam::aws:policy/ReadOnlyAccess"), AwsManagedPolicy.FromArn("arn:aws:iam::aws:policy/SecurityAudit") },
        CustomerManagedPolicies = new[] { new CustomerManagedPolicyName("Keep", "/team/") },
        Tags = new Dictionary<string, string> { ["Owner"] = "data", ["Old"] = "x" },
    };

    private static PermissionSetSpec Update(PermissionSetDefinition d) => PermissionSetValidator.Validate(d, forCreate: false);

    [Fact]
    public void Only_the_policy_differences_are_attached_and_detached()
    {
        var changes = PermissionSetDiff.Changes(Current(), Update(new PermissionSetDefinition { ManagedPolicies = new[] { "ReadOnlyAccess", "PowerUserAccess" } }));
        Assert.Equal(new[] { PermissionSetChangeKind.DetachManagedPolicy, PermissionSetChangeKind.AttachManagedPolicy }, changes.Select(c => c.Kind));
        Assert.Equal("SecurityAudit", changes[0].ManagedPolicy!.Name);
        Assert.Equal("PowerUserAccess", changes[1].ManagedPolicy!.Name);
    }

    [Fact]
    public void The_same_definition_needs_no_change() =>
        Assert.Empty(PermissionSetDiff.Changes(Current(), Update(new PermissionSetDefinition
        {
            ManagedPolicies = new[] { "SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess" },
            CustomerManagedPolicies = new[] { "/team/Keep" },
            SessionDuration = TimeSpan.FromMinutes(60),
            Tags = new Dictionary<string, string> { ["Owner"] = "data", ["Old"] = "x" },
        })));

    [Fact]
    public void Tags_are_made_equal_by_untagging_extras_and_tagging_changes()
    {
        var changes = PermissionSetDiff.Changes(Current(), Update(new PermissionSetDefinition { Tags = new Dictionary<string, string> { ["Owner"] = "platform" } }));
        Assert.Equal(new[] { "Old" }, changes.Single(c => c.Kind == PermissionSetChangeKind.Untag).TagKeys);
        Assert.Equal("platform", changes.Single(c => c.Kind == PermissionSetChangeKind.Tag).Tags!["Owner"]);
    }

    [Fact]
    public void Boundary_and_inline_policy_are_put_or_removed()
    {
        var put = PermissionSetDiff.Changes(Current(), Update(new PermissionSetDefinition
        {
            PermissionsBoundary = "PowerUserAccess",
            InlinePolicy = """{"Version":"2012-10-17","Statement":[]}""",
        }));
        Assert.Equal(new[] { PermissionSetChangeKind.PutInlinePolicy, PermissionSetChangeKind.PutPermissionsBoundary }, put.Select(c => c.Kind));

        var current = Current();
        current.InlinePolicy = """{"Version":"2012-10-17","Statement":[]}""";
        current.PermissionsBoundary = PermissionsBoundaryPolicy.CustomerManaged(new CustomerManagedPolicyName("Limit"));
        var remove = PermissionSetDiff.Changes(current, Update(new PermissionSetDefinition { RemoveInlinePolicy = true, RemovePermissionsBoundary = true }));
        Assert.Equal(new[] { PermissionSetChangeKind.DeleteInlinePolicy, PermissionSetChangeKind.DeletePermissionsBoundary }, remove.Select(c => c.Kind));
    }

    [Fact]
    public void Attribute_changes_are_one_update_naming_old_and_new_values()
    {
        var change = Assert.Single(PermissionSetDiff.Changes(Current(), Update(new PermissionSetDefinition { SessionDuration = TimeSpan.FromHours(4), Description = "new" })));
        Assert.Equal(PermissionSetChangeKind.UpdateAttributes, change.Kind);
        Assert.Contains("PT1H -> PT4H", change.Description);
    }
}
