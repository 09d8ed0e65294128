using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

public sealed class ManagedPolicyCatalogTests
{
    private static readonly ManagedPolicyCatalog Catalog = ManagedPolicyCatalog.Default;

    [Fact]
    public void Ships_the_AWS_managed_policy_list() => Assert.True(Catalog.Count > 1000);

    [Theory]
    [InlineData("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData("ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")]
    [InlineData("job-function/Billing", "arn:aws:iam::aws:policy/job-function/Billing")]
    [InlineData("/job-function/SupportUser", "arn:aws:iam::aws:policy/job-function/SupportUser")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")]
    public void Resolves_names_paths_and_ARNs_to_the_ARN_with_its_path(string input, string arn)
    {
        var r = Catalog.Resolve(input);
        Assert.Equal(arn, r.Policy.Arn);
        Assert.Null(r.Warning);
    }

    [Fact]
    public void Uses_the_partition_of_the_instance() =>
        Assert.Equal("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", Catalog.Resolve("ReadOnlyAccess", "aws-us-gov").Policy.Arn);

    [Fact]
    public void A_misspelt_name_is_refused_with_a_suggestion()
    {
        var e = Assert.Throws<UnknownManagedPolicyException>(() => Catalog.Resolve("ReadOnlyAcess"));
        Assert.Contains("ReadOnlyAccess", e.Suggestions);
        Assert.Contains("Did you mean", e.Message);
    }

    [Fact]
    public void A_name_in_the_wrong_case_suggests_the_right_case()
    {
        var e = Assert.Throws<UnknownManagedPolicyException>(() => Catalog.Resolve("administratoraccess"));
        Assert.Equal(new[] { "AdministratorAccess" }, e.Suggestions);
    }

    [Fact]
    public void An_ARN_with_the_wrong_path_is_refused_naming_the_right_one()
    {
        var e = Assert.Throws<UnknownManagedPolicyException>(() => Catalog.Resolve("arn:aws:iam::aws:policy/ViewOnlyAccess"));
        Assert.Contains("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", e.Message);
    }

    [Fact]
    public void A_customer_managed_policy_ARN_points_to_the_customer_managed_parameter()
    {
        var e = Assert.Throws<UnknownManagedPolicyException>(() => Catalog.Resolve("arn:aws:iam::123456789012:policy/team/DataRead"));
        Assert.Contains("-CustomerManagedPolicy '/team/DataRead'", e.Message);
    }

    [Fact]
    public void An_ARN_newer_than_the_list_is_sent_with_a_warning()
    {
        var r = Catalog.Resolve("arn:aws:iam::aws:policy/BrandNewPolicyNotYetListed");
        Assert.Equal("BrandNewPolicyNotYetListed", r.Policy.Name);
        Assert.NotNull(r.Warning);
    }
}
