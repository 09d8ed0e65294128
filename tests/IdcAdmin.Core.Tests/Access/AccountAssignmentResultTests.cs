using IdcAdmin.Core.Access;
using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>How long a request took, as one readable value that still converts back to a TimeSpan.</summary>
public sealed class AccountAssignmentResultTests
{
    [Fact]
    public void Duration_is_the_elapsed_time_in_ISO_8601()
    {
        var result = new AccountAssignmentResult { Elapsed = TimeSpan.FromMilliseconds(61500) };
        Assert.Equal("PT1M1.5S", result.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(61500), Iso8601Duration.Parse(result.Duration!));
    }

    [Fact]
    public void A_result_never_sent_has_no_duration() =>
        Assert.Null(new AccountAssignmentResult { Status = AssignmentStatus.AlreadyAssigned }.Duration);

    [Fact]
    public void A_request_belongs_to_the_instance_its_permission_set_ARN_names()
    {
        var result = new AccountAssignmentResult { PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1111/ps-aaaa" };
        Assert.True(result.BelongsTo("arn:aws:sso:::instance/ssoins-1111"));
        Assert.False(result.BelongsTo("arn:aws:sso:::instance/ssoins-2222"));
        Assert.False(result.BelongsTo("arn:aws:sso:::instance/ssoins-111"));
    }
}
