using System;
using System.Collections.Generic;
using System.Linq;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Reporting;

namespace IdcAdmin.Core.Identity;

/// <summary>
/// A user of the identity store, flattened: Email is the primary address (Emails the full list), the name parts are
/// top-level, and every property is named like the parameter it feeds (UserName, UserId, GivenName …).
/// </summary>
public sealed class IdcUser
{
    public string UserName { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? EmailType { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? MiddleName { get; set; }
    public string? NickName { get; set; }
    public string? Title { get; set; }
    public string? UserType { get; set; }
    public string? ProfileUrl { get; set; }
    public string? PhoneNumber { get; set; }
    public string? PhoneNumberType { get; set; }
    public string? StreetAddress { get; set; }
    public string? Locality { get; set; }
    public string? AddressRegion { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }
    /// <summary>ENABLED or DISABLED, when the identity store reports it.</summary>
    public string? UserStatus { get; set; }
    // Lists read as their values in Export-Csv (see ReadableList) and stay typed for pipelines.
    private IReadOnlyList<Email> _emails = Readable.List(Array.Empty<Email>())!;
    private IReadOnlyList<PhoneNumber> _phoneNumbers = Readable.List(Array.Empty<PhoneNumber>())!;
    private IReadOnlyList<Address> _addresses = Readable.List(Array.Empty<Address>())!;
    private IReadOnlyList<ExternalId> _externalIds = Readable.List(Array.Empty<ExternalId>())!;

    public IReadOnlyList<Email> Emails { get => _emails; set => _emails = Readable.List(value ?? Array.Empty<Email>(), UserAttributeText.Of)!; }
    public IReadOnlyList<PhoneNumber> PhoneNumbers { get => _phoneNumbers; set => _phoneNumbers = Readable.List(value ?? Array.Empty<PhoneNumber>(), UserAttributeText.Of)!; }
    public IReadOnlyList<Address> Addresses { get => _addresses; set => _addresses = Readable.List(value ?? Array.Empty<Address>(), UserAttributeText.Of)!; }
    /// <summary>Ids from an external identity provider (SCIM), when the user was provisioned from one.</summary>
    public IReadOnlyList<ExternalId> ExternalIds { get => _externalIds; set => _externalIds = Readable.List(value ?? Array.Empty<ExternalId>(), UserAttributeText.Of)!; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string IdentityStoreId { get; set; } = "";
    /// <summary>Where the user signs in (the instance's access portal).</summary>
    public string? AccessPortalUrl { get; set; }

    public override string ToString() => UserName;

    public static IdcUser From(User u, string? accessPortalUrl)
    {
        var emails = u.Emails ?? new List<Email>();
        var phones = u.PhoneNumbers ?? new List<PhoneNumber>();
        var addresses = u.Addresses ?? new List<Address>();
        var email = emails.FirstOrDefault(e => e.Primary == true) ?? emails.FirstOrDefault();
        var phone = phones.FirstOrDefault(p => p.Primary == true) ?? phones.FirstOrDefault();
        var address = addresses.FirstOrDefault(a => a.Primary == true) ?? addresses.FirstOrDefault();
        return new IdcUser
        {
            UserName = u.UserName ?? "",
            UserId = u.UserId ?? "",
            DisplayName = u.DisplayName,
            Email = email?.Value,
            EmailType = email?.Type,
            GivenName = u.Name?.GivenName,
            FamilyName = u.Name?.FamilyName,
            MiddleName = u.Name?.MiddleName,
            NickName = u.NickName,
            Title = u.Title,
            UserType = u.UserType,
            ProfileUrl = u.ProfileUrl,
            PhoneNumber = phone?.Value,
            PhoneNumberType = phone?.Type,
            StreetAddress = address?.StreetAddress,
            Locality = address?.Locality,
            AddressRegion = address?.Region,
            PostalCode = address?.PostalCode,
            Country = address?.Country,
            AddressType = address?.Type,
            PreferredLanguage = u.PreferredLanguage,
            Locale = u.Locale,
            Timezone = u.Timezone,
            UserStatus = u.UserStatus,
            Emails = emails,
            PhoneNumbers = phones,
            Addresses = addresses,
            ExternalIds = u.ExternalIds ?? new List<ExternalId>(),
            CreatedAt = u.CreatedAt,
            UpdatedAt = u.UpdatedAt,
            IdentityStoreId = u.IdentityStoreId ?? "",
            AccessPortalUrl = accessPortalUrl,
        };
    }

    public static IdcUser From(DescribeUserResponse d, string? accessPortalUrl) => From(new User
    {
        IdentityStoreId = d.IdentityStoreId, UserId = d.UserId, UserName = d.UserName, ExternalIds = d.ExternalIds, Name = d.Name,
        DisplayName = d.DisplayName, NickName = d.NickName, ProfileUrl = d.ProfileUrl, Emails = d.Emails, Addresses = d.Addresses,
        PhoneNumbers = d.PhoneNumbers, UserType = d.UserType, Title = d.Title, PreferredLanguage = d.PreferredLanguage,
        Locale = d.Locale, Timezone = d.Timezone, UserStatus = d.UserStatus, CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt,
    }, accessPortalUrl);

    /// <summary>What a just-created user looks like, without reading it back.</summary>
    public static IdcUser From(CreateUserRequest r, string userId, string? accessPortalUrl) => From(new User
    {
        IdentityStoreId = r.IdentityStoreId, UserId = userId, UserName = r.UserName, Name = r.Name, DisplayName = r.DisplayName,
        NickName = r.NickName, ProfileUrl = r.ProfileUrl, Emails = r.Emails, Addresses = r.Addresses, PhoneNumbers = r.PhoneNumbers,
        UserType = r.UserType, Title = r.Title, PreferredLanguage = r.PreferredLanguage, Locale = r.Locale, Timezone = r.Timezone,
    }, accessPortalUrl);
}
