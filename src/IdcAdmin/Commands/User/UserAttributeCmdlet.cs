using System.Management.Automation;

namespace IdcAdmin.Commands.User;

/// <summary>
/// The optional user attributes that New-IdcUser and Set-IdcUser take with the same meaning, declared once. The names
/// come from the attribute table (UserAttributes); the attributes whose help differs between creating and changing
/// (a default on create, a name Identity Center requires) each cmdlet declares itself.
/// </summary>
public abstract class UserAttributeCmdlet : IdcCmdlet
{
    /// <summary>The middle name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MiddleName { get; set; }

    /// <summary>An informal name for the user.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? NickName { get; set; }

    /// <summary>The job title.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("JobTitle")]
    public string? Title { get; set; }

    /// <summary>A free-form user type (for example Employee or Contractor).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserType { get; set; }

    /// <summary>A URL associated with the user.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ProfileUrl { get; set; }

    /// <summary>The user's phone number.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PhoneNumber { get; set; }

    /// <summary>The street of the user's address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? StreetAddress { get; set; }

    /// <summary>The city of the user's address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("City")]
    public string? Locality { get; set; }

    /// <summary>The state, province or region of the user's postal address (not the AWS region).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("State", "StateOrProvince")]
    public string? AddressRegion { get; set; }

    /// <summary>The postal code of the user's address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PostalCode { get; set; }

    /// <summary>The country of the user's address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Country { get; set; }

    /// <summary>The preferred language (for example en-US).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PreferredLanguage { get; set; }

    /// <summary>The locale (for example en-US).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Locale { get; set; }
}
