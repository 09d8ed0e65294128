using IdcAdmin.Core.Identity;
using Xunit;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Input the identity store would reject is refused with a specific error id and the offending field.</summary>
public sealed class IdentityRulesTests
{
    private static UserDefinition Valid() => new() { UserName = "alice", GivenName = "Alice", FamilyName = "Doe", Email = "alice@example.com" };

    [Theory]
    [InlineData("not-an-email", "IdcUserInvalidEmail", "Email")]
    [InlineData("alice@", "IdcUserInvalidEmail", "Email")]
    [InlineData("alice@example", "IdcUserInvalidEmail", "Email")]
    [InlineData("al ice@example.com", "IdcUserInvalidEmail", "Email")]
    public void Invalid_emails_are_refused(string email, string errorId, string field)
    {
        var d = Valid();
        d.Email = email;
        var e = Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_user_name_over_128_characters_is_refused()
    {
        var d = Valid();
        d.UserName = new string('a', 129);
        Assert.Equal("IdcUserNameTooLong", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d)).ErrorId);
        d.UserName = new string('a', 128);
        UserValidator.ValidateNew(d);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("tab\tname")]
    [InlineData("line\nbreak")]
    public void User_names_with_spaces_or_control_characters_are_refused(string userName)
    {
        var d = Valid();
        d.UserName = userName;
        Assert.Equal("IdcUserNameInvalidCharacters", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d)).ErrorId);
    }

    [Theory]
    [InlineData("Administrator")]
    [InlineData("AWSAdministrators")]
    [InlineData("administrator")]
    public void Reserved_names_are_refused_for_users_and_groups(string name)
    {
        var d = Valid();
        d.UserName = name;
        Assert.Equal("IdcReservedName", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d)).ErrorId);
        Assert.Equal("IdcReservedName", Assert.Throws<IdentityInputException>(() => IdentityRules.CheckGroupName(name)).ErrorId);
    }

    [Fact]
    public void Names_with_accents_symbols_and_punctuation_are_accepted()
    {
        var d = Valid();
        d.UserName = "zoë.o'brien+ops@example.com";
        UserValidator.ValidateNew(d);
    }

    [Fact]
    public void A_display_name_of_only_spaces_is_refused()
    {
        var d = Valid();
        d.DisplayName = "   ";
        Assert.Equal("IdcUserDisplayNameEmpty", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d)).ErrorId);
        Assert.Equal("IdcGroupDisplayNameEmpty", Assert.Throws<IdentityInputException>(() => IdentityRules.CheckGroupName(" ")).ErrorId);
    }

    [Fact]
    public void Given_and_family_names_are_required_for_a_new_user()
    {
        var d = Valid();
        d.GivenName = null;
        Assert.Equal("IdcUserGivenNameMissing", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d)).ErrorId);
        d = Valid();
        d.FamilyName = "";
        Assert.Equal("IdcUserFamilyNameMissing", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateNew(d.Normalized())).ErrorId);
    }

    [Fact]
    public void The_display_name_defaults_to_given_and_family_name_like_the_console()
    {
        Assert.Equal("Alice Doe", Valid().EffectiveDisplayName);
        var d = Valid();
        d.DisplayName = "Dr. Alice";
        Assert.Equal("Dr. Alice", d.EffectiveDisplayName);
    }

    [Fact]
    public void Empty_strings_mean_not_given_as_in_a_CSV_cell()
    {
        var d = Valid();
        d.Title = "";
        d.DisplayName = "";
        var n = d.Normalized();
        Assert.Null(n.Title);
        Assert.Equal("Alice Doe", n.EffectiveDisplayName);
    }

    [Fact]
    public void Required_attributes_cannot_be_cleared_and_unknown_ones_are_named()
    {
        Assert.Equal("IdcUserAttributeRequired", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateChange(new UserDefinition(), new[] { "GivenName" })).ErrorId);
        Assert.Equal("IdcUnknownAttribute", Assert.Throws<IdentityInputException>(() => UserValidator.ValidateChange(new UserDefinition(), new[] { "Shoe" })).ErrorId);
        UserValidator.ValidateChange(new UserDefinition(), new[] { "Title", "Email" });
    }

    [Fact]
    public void Group_names_longer_than_1024_characters_are_refused()
    {
        Assert.Equal("IdcGroupDisplayNameTooLong", Assert.Throws<IdentityInputException>(() => IdentityRules.CheckGroupName(new string('g', 1025))).ErrorId);
        IdentityRules.CheckGroupName("Platform Admins (EU)");
    }
}
