using System.Reflection;
using IdcAdmin.Core.Identity;
using IdcAdmin.HelpGen;
using IdcAdmin.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Tests;

/// <summary>
/// The user attribute table (UserAttributes.All) is the one list of user attributes: New-IdcUser and Set-IdcUser take a
/// parameter for each (copied by name into UserDefinition), IdcUser carries each, and Set-IdcUser -Clear accepts exactly
/// the attributes that can be cleared. An attribute added in one place and not the others fails here.
/// </summary>
public sealed class UserAttributeDeclarationTests
{
    private static readonly string[] Fields = UserAttributes.All.Select(a => a.Field).OrderBy(f => f).ToArray();

    private static CommandModel Command(string name) => ModuleSurface.Commands.Single(c => c.Name == name);

    private static string[] StringParameters(string command, params string[] except) =>
        Command(command).Parameters.Where(p => p.TypeFullName == typeof(string).FullName && !except.Contains(p.Name))
            .Select(p => p.Name).OrderBy(n => n).ToArray();

    [Fact]
    public void New_IdcUser_takes_a_parameter_for_every_attribute_and_no_other_text()
    {
        Assert.Equal(Fields, StringParameters("New-IdcUser"));
    }

    [Fact]
    public void Set_IdcUser_takes_a_parameter_for_every_attribute_besides_naming_the_user_and_renaming_it()
    {
        Assert.Equal(Fields, StringParameters("Set-IdcUser", "UserId", "NewUserName"));
    }

    [Fact]
    public void Set_IdcUser_Clear_accepts_exactly_the_attributes_that_can_be_cleared()
    {
        var clear = Command("Set-IdcUser").Parameters.Single(p => p.Name == "Clear");
        Assert.Equal(UserAttributes.Clearable.OrderBy(f => f), clear.ValidValues.OrderBy(v => v));
    }

    [Fact]
    public void UserDefinition_and_IdcUser_carry_every_attribute_as_text()
    {
        foreach (var type in new[] { typeof(UserDefinition), typeof(IdcUser) })
            Assert.All(Fields, f => Assert.Equal(typeof(string), type.GetProperty(f, BindingFlags.Public | BindingFlags.Instance)?.PropertyType));
    }
}
