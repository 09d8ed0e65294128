using IdcAdmin.Core.Access;
using Xunit;
using IdcAdmin.Core.Lockout;

namespace IdcAdmin.Core.Tests.Reliability;

/// <summary>Which inline policies make a permission set an administrator set for the lock-out guard.</summary>
public sealed class AdministratorPolicyTests
{
    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", true)]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["*"],"Resource":["*"]}}""", true)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*:*","Resource":"*"}]}""", true)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"*","Resource":"*"}]}""", true)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""", false)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", false)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::bucket"}]}""", false)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""", false)]
    [InlineData("", false)]
    [InlineData("not json", false)]
    public void An_inline_policy_is_administrator_access_when_it_allows_every_action_on_every_resource_unconditionally(string policy, bool expected) =>
        Assert.Equal(expected, AdministratorAccessGuard.AllowsEverything(policy));
}
