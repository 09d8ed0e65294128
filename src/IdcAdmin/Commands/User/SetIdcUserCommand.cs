using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.User;

/// <summary>Changes attributes of an existing user; only what is given (or cleared) changes.</summary>
/// <remarks>
/// <para>The user is found by user name, email or id. Each given attribute that differs from the stored value becomes one UpdateUser operation; emails, phone numbers and addresses are replaced whole, as the API requires. Nothing is sent when nothing differs. -Clear removes optional attributes; the user name, display name and given and family names are required by Identity Center and can be changed but not cleared.</para>
/// <para>Piped user objects work as expected: their own values bind by property name and are unchanged, while the values given on the command line win. An empty string means "not given", so CSV rows with blank cells leave those attributes alone.</para>
/// </remarks>
/// <example>
/// <code>Set-IdcUser alice -Title 'Principal Engineer' -PhoneNumber '+1 555 0100' -PassThru</code>
/// <para>Sets alice's job title and phone number and returns the updated user.</para>
/// </example>
/// <example>
/// <code>Get-IdcUser 'contractor-*' | Set-IdcUser -UserType Contractor</code>
/// <para>Sets the user type of every matching user.</para>
/// </example>
/// <example>
/// <code>Set-IdcUser -UserId $id -NewUserName alice.doe -Clear NickName</code>
/// <para>Renames a user and removes its nickname.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "IdcUser", SupportsShouldProcess = true)]
[OutputType(typeof(IdcUser))]
public sealed class SetIdcUserCommand : UserAttributeCmdlet
{
    /// <summary>The user to change: user name, email address or id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    public string? UserName { get; set; }

    /// <summary>The id of the user to change; used instead of UserName when both arrive.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserId { get; set; }

    /// <summary>A new user name for the user.</summary>
    [Parameter]
    public string? NewUserName { get; set; }

    /// <summary>The user's primary email address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Email { get; set; }

    /// <summary>The kind of email address (for example work or home).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EmailType { get; set; }

    /// <summary>The first name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FirstName")]
    public string? GivenName { get; set; }

    /// <summary>The last name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LastName", "Surname")]
    public string? FamilyName { get; set; }

    /// <summary>The name shown for the user.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    /// <summary>The kind of phone number (for example work or mobile).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PhoneNumberType { get; set; }

    /// <summary>The kind of address (for example work or home).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AddressType { get; set; }

    /// <summary>The time zone (for example Europe/Berlin).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Timezone { get; set; }

    /// <summary>Optional attributes to remove from the user.</summary>
    [Parameter]
    [ValidateSet("MiddleName", "Email", "EmailType", "NickName", "Title", "UserType", "ProfileUrl", "PhoneNumber", "PhoneNumberType",
        "StreetAddress", "Locality", "AddressRegion", "PostalCode", "Country", "AddressType", "PreferredLanguage", "Locale", "Timezone")]
    public string[]? Clear { get; set; }

    /// <summary>Write the updated user to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var target = !string.IsNullOrEmpty(UserId) ? UserId! : UserName;
        if (string.IsNullOrEmpty(target))
        {
            WriteItemError(new ArgumentException("Name the user to change with -UserName or -UserId."), "IdcUserNotSpecified", null, ErrorCategory.InvalidArgument);
            return;
        }
        var changes = IdentityCmdletSupport.CopyParameters(this, new UserDefinition(), nameof(UserName));
        changes.UserName = NewUserName;
        var users = new UserService(CurrentSession);
        try
        {
            var plan = Run(ct => users.PlanUpdateAsync(target!, changes, Clear ?? Array.Empty<string>(), ct));
            if (!plan.Writes) WriteVerbose($"User '{plan.Current.UserName}' already has these values; nothing to change.");
            else if (!ShouldProcessChange($"user '{plan.Current.UserName}'", $"Update {string.Join(", ", plan.ChangedPaths)}")) return;
            var updated = Run(ct => users.UpdateAsync(plan, ct));
            if (PassThru) WriteObject(updated);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcSetUserFailed");
            WriteItemError(e, errorId, target, category);
        }
    }
}
