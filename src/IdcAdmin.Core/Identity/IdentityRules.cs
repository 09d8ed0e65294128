using System;
using System.Text.RegularExpressions;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// What the identity store accepts, from its service model and documentation, checked before any call so a bad row
/// of a CSV is refused on its own with a specific error id and nothing is half-made.
/// </summary>
public static class IdentityRules
{
    public const int MaxUserNameLength = 128;
    public const int MaxStringLength = 1024;

    // The model's patterns: UserName allows letters, marks, symbols, numbers and punctuation (no spaces);
    // display names and other strings also allow tabs, line breaks and (non-breaking) spaces.
    private static readonly Regex UserNamePattern = new(@"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$", RegexOptions.CultureInvariant);
    private static readonly Regex GroupNamePattern = new("^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0]+$", RegexOptions.CultureInvariant);
    private static readonly Regex StringPattern = new("^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0\u3000]+$", RegexOptions.CultureInvariant);
    // One @, something on both sides, a dot in the domain, no spaces: what mail systems and Identity Center take.
    private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant);

    /// <summary>Names Identity Center reserves for itself; refused for users and groups.</summary>
    public static readonly string[] ReservedNames = { "Administrator", "AWSAdministrators" };

    public static bool IsReserved(string name) =>
        Array.Exists(ReservedNames, r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static void CheckUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
            throw new IdentityInputException("IdcUserNameMissing", "UserName", "A user name is required.");
        if (userName!.Length > MaxUserNameLength)
            throw new IdentityInputException("IdcUserNameTooLong", "UserName",
                $"The user name '{Shorten(userName)}' has {userName.Length} characters; Identity Center allows at most {MaxUserNameLength}.");
        if (!UserNamePattern.IsMatch(userName))
            throw new IdentityInputException("IdcUserNameInvalidCharacters", "UserName",
                $"The user name '{userName}' contains characters Identity Center rejects (spaces or control characters); use letters, digits, symbols and punctuation only.");
        if (IsReserved(userName))
            throw new IdentityInputException("IdcReservedName", "UserName", $"'{userName}' is reserved by Identity Center and cannot name a user.");
    }

    public static void CheckEmail(string? email)
    {
        if (email == null) return;
        if (!EmailPattern.IsMatch(email))
            throw new IdentityInputException("IdcUserInvalidEmail", "Email", $"'{email}' is not a valid email address (expected name@domain.tld).");
        CheckString("Email", email, "IdcUserInvalidEmail");
    }

    public static void CheckDisplayName(string? displayName, string errorPrefix)
    {
        if (displayName == null || displayName.Trim().Length == 0)
            throw new IdentityInputException(errorPrefix + "DisplayNameEmpty", "DisplayName",
                errorPrefix == "IdcUser"
                    ? "The display name is empty: give -DisplayName, or -GivenName and -FamilyName to derive it."
                    : "The group's display name is empty.");
    }

    public static void CheckGroupName(string? displayName)
    {
        CheckDisplayName(displayName, "IdcGroup");
        if (displayName!.Length > MaxStringLength)
            throw new IdentityInputException("IdcGroupDisplayNameTooLong", "DisplayName",
                $"The group name has {displayName.Length} characters; Identity Center allows at most {MaxStringLength}.");
        if (!GroupNamePattern.IsMatch(displayName))
            throw new IdentityInputException("IdcGroupDisplayNameInvalidCharacters", "DisplayName",
                $"The group name '{displayName}' contains characters Identity Center rejects (control characters).");
        if (IsReserved(displayName))
            throw new IdentityInputException("IdcReservedName", "DisplayName", $"'{displayName}' is reserved by Identity Center and cannot name a group.");
    }

    /// <summary>Any other string attribute: at most 1024 characters, no control characters but tab and line breaks.</summary>
    public static void CheckString(string field, string? value, string errorId = "IdcInvalidAttribute")
    {
        if (value == null) return;
        if (value.Length > MaxStringLength)
            throw new IdentityInputException(errorId, field, $"{field} has {value.Length} characters; Identity Center allows at most {MaxStringLength}.");
        if (!StringPattern.IsMatch(value))
            throw new IdentityInputException(errorId, field, $"{field} '{Shorten(value)}' is empty or contains characters Identity Center rejects.");
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
}
