using System;
using System.Linq;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Core.Guide;

/// <summary>Refuses a setup request that AWS would reject half way, before anything is written.</summary>
public static class AdministratorSetupValidator
{
    public static void Validate(AdministratorSetupRequest r)
    {
        // The user is checked by the same rules New-IdcUser applies (name, email, names, display name).
        UserValidator.ValidateNew(UserOf(r).Normalized());
        if (string.IsNullOrWhiteSpace(r.Email))
            throw new IdentityInputException("IdcUserEmailMissing", nameof(r.Email), "The administrator needs an email address: AWS sends sign-in and verification mails there.");
        if (r.GroupName != null) IdentityRules.CheckDisplayName(r.GroupName, "IdcGroup");
        foreach (var account in r.AccountIds)
            if (account.Length != 12 || !account.All(char.IsDigit))
                throw new ArgumentException($"'{account}' is not an AWS account id (12 digits).", nameof(r.AccountIds));
    }

    /// <summary>The administrator as a user definition of the identity engine.</summary>
    public static UserDefinition UserOf(AdministratorSetupRequest r) => new()
    {
        UserName = r.UserName,
        Email = r.Email,
        GivenName = r.GivenName,
        FamilyName = r.FamilyName,
        DisplayName = r.DisplayName,
    };
}
