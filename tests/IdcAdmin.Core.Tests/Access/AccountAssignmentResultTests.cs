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
}
