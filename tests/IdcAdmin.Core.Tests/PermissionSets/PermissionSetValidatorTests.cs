using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

public sealed class PermissionSetValidatorTests
{
    private static PermissionSetValidationException Invalid(PermissionSetDefinition d, bool forCreate = true) =>
        Assert.Throws<PermissionSetValidationException>(() => PermissionSetValidator.Validate(d, forCreate));

    [Fact]
    public void A_new_set_gets_one_hour_sessions_and_no_policies()
    {
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { Name = "Readers" }, forCreate: true);
        Assert.Equal(TimeSpan.FromHours(1), spec.SessionDuration);
        Assert.Empty(spec.ManagedPolicies!);
        Assert.Empty(spec.CustomerManagedPolicies!);
        Assert.True(spec.InlinePolicySpecified);
        Assert.Null(spec.InlinePolicy);
        Assert.True(spec.PermissionsBoundarySpecified);
        Assert.Empty(spec.Tags!);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("a-name-that-is-far-longer-than-32-chars")]
    [InlineData("")]
    public void Bad_names_are_refused(string name) => Invalid(new PermissionSetDefinition { Name = name });

    [Fact]
    public void Lengths_durations_and_relay_state_are_checked_together()
    {
        var e = Invalid(new PermissionSetDefinition
        {
            Name = "ok",
            Description = new string('d', 701),
            SessionDuration = TimeSpan.FromHours(13),
            RelayState = "not a url",
        });
        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("700"));
        Assert.Contains(e.Problems, p => p.Contains("1 to 12 hours"));
        Assert.Contains(e.Problems, p => p.Contains("http(s) URL"));
    }

    [Fact]
    public void Thirty_minute_sessions_are_refused() =>
        Invalid(new PermissionSetDefinition { Name = "ok", SessionDuration = TimeSpan.FromMinutes(30) });

    [Fact]
    public void More_than_twenty_managed_and_customer_managed_policies_are_refused()
    {
        var e = Invalid(new PermissionSetDefinition
        {
            Name = "ok",
            ManagedPolicies = new[] { "ReadOnlyAccess", "SecurityAudit", "job-function/ViewOnlyAccess" },
            CustomerManagedPolicies = Enumerable.Range(1, 18).Select(i => $"/team/Policy{i}").ToList(),
        });
        Assert.Contains(e.Problems, p => p.Contains("at most 20"));
    }

    [Fact]
    public void An_unknown_managed_policy_is_refused_with_a_suggestion()
    {
        var e = Invalid(new PermissionSetDefinition { Name = "ok", ManagedPolicies = new[] { "PowerUserAcces" } });
        Assert.Contains("PowerUserAccess", e.Message);
    }

    [Fact]
    public void An_inline_policy_without_statement_is_refused() =>
        Assert.Contains("Statement", Invalid(new PermissionSetDefinition { Name = "ok", InlinePolicy = """{"Version":"2012-10-17"}""" }).Message);

    [Fact]
    public void Customer_managed_policies_parse_name_and_path()
    {
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { Name = "ok", CustomerManagedPolicies = new[] { "Plain", "/team/data/Reader" } }, true);
        Assert.Equal(new[] { new CustomerManagedPolicyName("Plain", "/"), new CustomerManagedPolicyName("Reader", "/team/data/") }, spec.CustomerManagedPolicies);
    }

    [Fact]
    public void Two_boundaries_at_once_are_refused() =>
        Invalid(new PermissionSetDefinition { Name = "ok", PermissionsBoundary = "PowerUserAccess", CustomerManagedPermissionsBoundary = "Limit" });

    [Fact]
    public void Reserved_tag_prefix_is_refused() =>
        Invalid(new PermissionSetDefinition { Name = "ok", Tags = new Dictionary<string, string> { ["aws:owner"] = "x" } });

    [Fact]
    public void An_update_leaves_out_what_was_not_given()
    {
        var spec = PermissionSetValidator.Validate(new PermissionSetDefinition { ManagedPolicies = new[] { "ReadOnlyAccess" } }, forCreate: false);
        Assert.Null(spec.Name);
        Assert.Null(spec.SessionDuration);
        Assert.Null(spec.CustomerManagedPolicies);
        Assert.False(spec.InlinePolicySpecified);
        Assert.False(spec.PermissionsBoundarySpecified);
        Assert.Null(spec.Tags);
        Assert.Equal(PermissionSetDetail.Policies, PermissionSetDiff.DetailNeeded(spec));
    }

    [Fact]
    public void Every_predefined_set_resolves_to_its_AWS_managed_policy()
    {
        foreach (var predefined in Enum.GetValues<PredefinedPermissionSet>())
        {
            var spec = PermissionSetValidator.Validate(PredefinedPermissionSets.Definition(predefined), forCreate: true);
            Assert.Equal(predefined.ToString(), spec.Name);
            Assert.Equal(predefined.ToString(), Assert.Single(spec.ManagedPolicies!).Name);
        }
        Assert.Equal("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
            PermissionSetValidator.Validate(PredefinedPermissionSets.Definition(PredefinedPermissionSet.ViewOnlyAccess), true).ManagedPolicies![0].Arn);
    }
}
