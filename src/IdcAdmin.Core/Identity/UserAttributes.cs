using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.IdentityStore.Model;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// One user attribute: its parameter name, where UpdateUser finds it (AttributePath), and how to read it from a
/// definition and from an existing user. One table drives validation, comparison and updates alike.
/// </summary>
public sealed class UserAttribute
{
    internal UserAttribute(string field, string path, Func<UserDefinition, string?> desired, Action<UserDefinition, string?> setDesired,
        Func<IdcUser, string?> current, bool ignoreCase = false, bool required = false)
    {
        Field = field;
        Path = path;
        Desired = desired;
        SetDesired = setDesired;
        Current = current;
        IgnoreCase = ignoreCase;
        Required = required;
    }

    /// <summary>The parameter / property name (UserName, GivenName, Email …).</summary>
    public string Field { get; }
    /// <summary>UpdateUser's AttributePath; emails, phoneNumbers and addresses are replaced as a whole.</summary>
    public string Path { get; }
    public Func<UserDefinition, string?> Desired { get; }
    public Action<UserDefinition, string?> SetDesired { get; }
    public Func<IdcUser, string?> Current { get; }
    public bool IgnoreCase { get; }
    /// <summary>Identity Center needs it on every user: it can be changed but not cleared.</summary>
    public bool Required { get; }

    public bool SameValue(string? a, string? b) =>
        string.Equals(a, b, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Whether the path holds a list that UpdateUser only accepts as a full replacement.</summary>
    public bool IsMultiValued => Path is UserAttributes.EmailsPath or UserAttributes.PhoneNumbersPath or UserAttributes.AddressesPath;
}

/// <summary>The table of user attributes and what can be derived from it.</summary>
public static class UserAttributes
{
    public const string EmailsPath = "emails";
    public const string PhoneNumbersPath = "phoneNumbers";
    public const string AddressesPath = "addresses";

    public static readonly IReadOnlyList<UserAttribute> All = new[]
    {
        new UserAttribute("UserName", "userName", d => d.UserName, (d, v) => d.UserName = v, u => u.UserName, ignoreCase: true, required: true),
        new UserAttribute("DisplayName", "displayName", d => d.DisplayName, (d, v) => d.DisplayName = v, u => u.DisplayName, required: true),
        new UserAttribute("GivenName", "name.givenName", d => d.GivenName, (d, v) => d.GivenName = v, u => u.GivenName, required: true),
        new UserAttribute("FamilyName", "name.familyName", d => d.FamilyName, (d, v) => d.FamilyName = v, u => u.FamilyName, required: true),
        new UserAttribute("MiddleName", "name.middleName", d => d.MiddleName, (d, v) => d.MiddleName = v, u => u.MiddleName),
        new UserAttribute("Email", EmailsPath, d => d.Email, (d, v) => d.Email = v, u => u.Email, ignoreCase: true),
        new UserAttribute("EmailType", EmailsPath, d => d.EmailType, (d, v) => d.EmailType = v, u => u.EmailType),
        new UserAttribute("NickName", "nickName", d => d.NickName, (d, v) => d.NickName = v, u => u.NickName),
        new UserAttribute("Title", "title", d => d.Title, (d, v) => d.Title = v, u => u.Title),
        new UserAttribute("UserType", "userType", d => d.UserType, (d, v) => d.UserType = v, u => u.UserType),
        new UserAttribute("ProfileUrl", "profileUrl", d => d.ProfileUrl, (d, v) => d.ProfileUrl = v, u => u.ProfileUrl),
        new UserAttribute("PhoneNumber", PhoneNumbersPath, d => d.PhoneNumber, (d, v) => d.PhoneNumber = v, u => u.PhoneNumber),
        new UserAttribute("PhoneNumberType", PhoneNumbersPath, d => d.PhoneNumberType, (d, v) => d.PhoneNumberType = v, u => u.PhoneNumberType),
        new UserAttribute("StreetAddress", AddressesPath, d => d.StreetAddress, (d, v) => d.StreetAddress = v, u => u.StreetAddress),
        new UserAttribute("Locality", AddressesPath, d => d.Locality, (d, v) => d.Locality = v, u => u.Locality),
        new UserAttribute("AddressRegion", AddressesPath, d => d.AddressRegion, (d, v) => d.AddressRegion = v, u => u.AddressRegion),
        new UserAttribute("PostalCode", AddressesPath, d => d.PostalCode, (d, v) => d.PostalCode = v, u => u.PostalCode),
        new UserAttribute("Country", AddressesPath, d => d.Country, (d, v) => d.Country = v, u => u.Country),
        new UserAttribute("AddressType", AddressesPath, d => d.AddressType, (d, v) => d.AddressType = v, u => u.AddressType),
        new UserAttribute("PreferredLanguage", "preferredLanguage", d => d.PreferredLanguage, (d, v) => d.PreferredLanguage = v, u => u.PreferredLanguage),
        new UserAttribute("Locale", "locale", d => d.Locale, (d, v) => d.Locale = v, u => u.Locale),
        new UserAttribute("Timezone", "timezone", d => d.Timezone, (d, v) => d.Timezone = v, u => u.Timezone),
    };

    /// <summary>Attribute names that can be cleared (everything Identity Center does not require).</summary>
    public static IEnumerable<string> Clearable => All.Where(a => !a.Required).Select(a => a.Field);

    public static UserAttribute? Find(string field) =>
        All.FirstOrDefault(a => string.Equals(a.Field, field, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The fields a definition gives that differ from the existing user (display name compared as it would be
    /// stored, i.e. defaulted from the names). Fields the definition leaves out are not compared.
    /// </summary>
    public static IReadOnlyList<string> Differences(UserDefinition wanted, IdcUser existing)
    {
        var differing = new List<string>();
        foreach (var attribute in All)
        {
            var value = attribute.Field == "DisplayName" ? wanted.EffectiveDisplayName : attribute.Desired(wanted);
            if (value == null) continue;
            var current = attribute.Current(existing);
            // A type that was never stored reads back as the default the create call would have sent.
            if (current == null && attribute.Field.EndsWith("Type", StringComparison.Ordinal) && attribute.Field != "UserType") current = UserDefinition.DefaultType;
            if (!attribute.SameValue(value, current)) differing.Add(attribute.Field);
        }
        return differing;
    }

    /// <summary>
    /// The UpdateUser operations that turn <paramref name="existing"/> into it with <paramref name="changes"/> applied
    /// and <paramref name="cleared"/> removed; one operation per path, lists replaced whole (the API requires it).
    /// </summary>
    public static List<AttributeOperation> Operations(IdcUser existing, UserDefinition changes, IEnumerable<string> cleared)
    {
        var clearedSet = new HashSet<string>(cleared, StringComparer.OrdinalIgnoreCase);
        var merged = UserDefinition.From(existing);
        var changedPaths = new List<string>();
        foreach (var attribute in All)
        {
            var wanted = clearedSet.Contains(attribute.Field) ? null : attribute.Desired(changes);
            if (wanted == null && !clearedSet.Contains(attribute.Field)) continue;
            if (attribute.SameValue(wanted, attribute.Current(existing))) continue;
            attribute.SetDesired(merged, wanted);
            if (!changedPaths.Contains(attribute.Path)) changedPaths.Add(attribute.Path);
        }
        return changedPaths.Select(path => new AttributeOperation { AttributePath = path, AttributeValue = ValueOf(path, merged) }).ToList();
    }

    /// <summary>What CreateUser should send for a (validated) definition.</summary>
    public static CreateUserRequest ToCreateRequest(UserDefinition d, string identityStoreId) => new()
    {
        IdentityStoreId = identityStoreId,
        UserName = d.UserName,
        DisplayName = d.EffectiveDisplayName,
        Name = new Name { GivenName = d.GivenName, FamilyName = d.FamilyName, MiddleName = d.MiddleName },
        NickName = d.NickName,
        Title = d.Title,
        UserType = d.UserType,
        ProfileUrl = d.ProfileUrl,
        Emails = Emails(d),
        PhoneNumbers = PhoneNumbers(d),
        Addresses = Addresses(d),
        PreferredLanguage = d.PreferredLanguage,
        Locale = d.Locale,
        Timezone = d.Timezone,
    };

    private static object? ValueOf(string path, UserDefinition merged) => path switch
    {
        EmailsPath => Emails(merged),
        PhoneNumbersPath => PhoneNumbers(merged),
        AddressesPath => Addresses(merged),
        // Scalars: a null value (AttributeValue left out) removes the attribute.
        _ => All.First(a => a.Path == path).Desired(merged),
    };

    private static List<Email>? Emails(UserDefinition d) => d.Email == null ? null
        : new List<Email> { new() { Value = d.Email, Type = d.EmailType ?? UserDefinition.DefaultType, Primary = true } };

    private static List<PhoneNumber>? PhoneNumbers(UserDefinition d) => d.PhoneNumber == null ? null
        : new List<PhoneNumber> { new() { Value = d.PhoneNumber, Type = d.PhoneNumberType ?? UserDefinition.DefaultType, Primary = true } };

    private static List<Address>? Addresses(UserDefinition d) => !d.HasAddress ? null
        : new List<Address>
        {
            new()
            {
                StreetAddress = d.StreetAddress, Locality = d.Locality, Region = d.AddressRegion, PostalCode = d.PostalCode,
                Country = d.Country, Type = d.AddressType ?? UserDefinition.DefaultType, Primary = true,
            },
        };
}
