using System;
using System.Linq;
using System.Net.Mail;

namespace IdcAdmin.Core.Guide;

/// <summary>Refuses a setup request that AWS would reject half way, before anything is written.</summary>
public static class AdministratorSetupValidator
{
    public static void Validate(AdministratorSetupRequest r)
    {
        Require(r.UserName, nameof(r.UserName));
        Require(r.GivenName, nameof(r.GivenName));
        Require(r.FamilyName, nameof(r.FamilyName));
        Require(r.Email, nameof(r.Email));
        if (r.UserName.Length > 128)
            throw new ArgumentException($"The user name '{r.UserName}' is longer than 128 characters.", nameof(r.UserName));
        if (string.Equals(r.UserName, "Administrator", StringComparison.OrdinalIgnoreCase) || string.Equals(r.UserName, "AWSAdministrators", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{r.UserName}' is a name AWS reserves; choose another user name.", nameof(r.UserName));
        if (!IsEmail(r.Email))
            throw new ArgumentException($"'{r.Email}' is not a valid email address.", nameof(r.Email));
        if (r.GroupName != null && string.IsNullOrWhiteSpace(r.GroupName))
            throw new ArgumentException("The group name is empty.", nameof(r.GroupName));
        foreach (var account in r.AccountIds)
            if (account.Length != 12 || !account.All(char.IsDigit))
                throw new ArgumentException($"'{account}' is not an AWS account id (12 digits).", nameof(r.AccountIds));
        if (r.SessionDuration < TimeSpan.FromHours(1) || r.SessionDuration > TimeSpan.FromHours(12))
            throw new ArgumentOutOfRangeException(nameof(r.SessionDuration), r.SessionDuration, "The session duration must be between 1 and 12 hours.");
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is required.", name);
    }

    private static bool IsEmail(string value)
    {
        try
        {
            var parsed = new MailAddress(value);
            return parsed.Address == value && value.IndexOf('@') > 0 && value.Substring(value.IndexOf('@')).Contains(".");
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
