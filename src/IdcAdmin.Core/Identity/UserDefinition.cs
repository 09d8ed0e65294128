namespace IdcAdmin.Core.Identity;

/// <summary>
/// The attributes of a user as the console's "Add user" page offers them, named like the cmdlet parameters.
/// Null means "not given": on create the attribute is left out, on update it is left as it is.
/// </summary>
public sealed class UserDefinition
{
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? EmailType { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? MiddleName { get; set; }
    public string? DisplayName { get; set; }
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

    /// <summary>The display name to store: the given one, else "Given Family" as the console fills it in.</summary>
    public string? EffectiveDisplayName =>
        DisplayName ?? (GivenName == null && FamilyName == null ? null : $"{GivenName} {FamilyName}".Trim());

    /// <summary>The type stored with a value that has none given; the console's own default.</summary>
    public const string DefaultType = "work";

    public bool HasAddress => StreetAddress != null || Locality != null || AddressRegion != null || PostalCode != null || Country != null;

    /// <summary>Empty strings become null: an empty CSV cell means "not given", not "set to empty".</summary>
    public UserDefinition Normalized()
    {
        var copy = (UserDefinition)MemberwiseClone();
        foreach (var attribute in UserAttributes.All) attribute.SetDesired(copy, Blank(attribute.Desired(copy)));
        return copy;
    }

    /// <summary>The current values of an existing user, as a definition (for merging partial updates).</summary>
    public static UserDefinition From(IdcUser user)
    {
        var d = new UserDefinition();
        foreach (var attribute in UserAttributes.All) attribute.SetDesired(d, attribute.Current(user));
        return d;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
