using IdcAdmin.Core.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.PermissionSets;

public sealed class Iso8601DurationTests
{
    [Theory]
    [InlineData("PT1H", 60)]
    [InlineData("PT4H", 240)]
    [InlineData("PT1H30M", 90)]
    [InlineData("PT90M", 90)]
    [InlineData("pt12h", 720)]
    [InlineData("P1D", 1440)]
    [InlineData("PT3600S", 60)]
    public void Parses_the_forms_AWS_and_people_write(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Iso8601Duration.Parse(text));

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("4H")]
    [InlineData("P1Y")]
    [InlineData("04:00:00")]
    [InlineData("")]
    public void Refuses_what_is_not_a_fixed_length_ISO_duration(string text) =>
        Assert.False(Iso8601Duration.TryParse(text, out _));

    [Theory]
    [InlineData(60, "PT1H")]
    [InlineData(90, "PT1H30M")]
    [InlineData(720, "PT12H")]
    public void Formats_the_shortest_form(int minutes, string expected) =>
        Assert.Equal(expected, Iso8601Duration.Format(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Round_trips_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(3725), Iso8601Duration.Parse(Iso8601Duration.Format(TimeSpan.FromSeconds(3725))));
}
