using System.Collections.Generic;

namespace IdcAdmin.Core.Identity;

/// <summary>Refuses a user definition Identity Center would reject, naming the field, before anything is sent.</summary>
public static class UserValidator
{
    /// <summary>A new user needs a user name, given and family names and a display name; all given values must be valid.</summary>
    public static void ValidateNew(UserDefinition d)
    {
        IdentityRules.CheckUserName(d.UserName);
        if (string.IsNullOrWhiteSpace(d.GivenName))
            throw new IdentityInputException("IdcUserGivenNameMissing", "GivenName", $"User '{d.UserName}': Identity Center requires a given (first) name.");
        if (string.IsNullOrWhiteSpace(d.FamilyName))
            throw new IdentityInputException("IdcUserFamilyNameMissing", "FamilyName", $"User '{d.UserName}': Identity Center requires a family (last) name.");
        IdentityRules.CheckDisplayName(d.EffectiveDisplayName, "IdcUser");
        ValidateValues(d);
    }

    /// <summary>A change to a user: only what is given is checked; required attributes cannot be cleared.</summary>
    public static void ValidateChange(UserDefinition d, IEnumerable<string> cleared)
    {
        if (d.UserName != null) IdentityRules.CheckUserName(d.UserName);
        if (d.DisplayName != null) IdentityRules.CheckDisplayName(d.DisplayName, "IdcUser");
        foreach (var field in cleared)
        {
            var attribute = UserAttributes.Find(field)
                ?? throw new IdentityInputException("IdcUnknownAttribute", field, $"'{field}' is not a user attribute. Attributes that can be cleared: {string.Join(", ", UserAttributes.Clearable)}.");
            if (attribute.Required)
                throw new IdentityInputException("IdcUserAttributeRequired", attribute.Field, $"{attribute.Field} is required by Identity Center and cannot be cleared.");
        }
        ValidateValues(d);
    }

    private static void ValidateValues(UserDefinition d)
    {
        IdentityRules.CheckEmail(d.Email);
        foreach (var attribute in UserAttributes.All)
        {
            if (attribute.Field is "UserName" or "Email") continue;
            IdentityRules.CheckString(attribute.Field, attribute.Field == "DisplayName" ? d.EffectiveDisplayName : attribute.Desired(d));
        }
    }
}
