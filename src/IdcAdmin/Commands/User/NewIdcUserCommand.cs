using System;
using System.Management.Automation;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;

namespace IdcAdmin.Commands.User;

/// <summary>Creates a user in the Identity Center directory, or returns it when it already exists with the same attributes.</summary>
/// <remarks>
/// <para>Offers every attribute of the console's "Add user" page: user name, email, given, middle and family name, display name (defaults to "GivenName FamilyName" as in the console), nickname, job title, user type, profile URL, phone number, address, preferred language, locale and time zone. Every parameter takes its value from the pipeline by property name, so Import-Csv rows whose columns are named like the parameters create one user each; an empty cell means "not given".</para>
/// <para>Input is checked before anything is sent: an invalid email, a user name longer than 128 characters or with spaces or control characters, the reserved names Administrator and AWSAdministrators, a missing given or family name, or an empty display name is refused with its own error id, and nothing is created.</para>
/// <para>Re-running is safe: when a user with that user name exists with the same attributes it is returned with a warning; when attributes differ it is an error (IdcUserExistsWithDifferentAttributes) naming the fields, unless -Force is given, which updates them.</para>
/// <para>The API cannot send the invitation email that the console sends. The first New-IdcUser of a session warns about it and names the next step: in the console, Users, the user, "Send email verification link" or "Reset password". The output carries the access portal URL the user signs in at.</para>
/// </remarks>
/// <example>
/// <code>New-IdcUser -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe | Add-IdcGroupMember -Group Admins</code>
/// <para>Creates alice (display name "Alice Doe") and adds her to the Admins group.</para>
/// </example>
/// <example>
/// <code>Import-Csv people.csv | New-IdcUser</code>
/// <para>Creates one user per row; columns UserName, Email, GivenName, FamilyName, Title … bind to the parameters of the same name. Rows that fail are reported one by one while the rest go on.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "IdcUser", SupportsShouldProcess = true)]
[OutputType(typeof(IdcUser))]
public sealed class NewIdcUserCommand : UserAttributeCmdlet
{
    /// <summary>The unique name the user signs in with (at most 128 characters: letters, digits, symbols, punctuation; no spaces).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string UserName { get; set; } = "";

    /// <summary>The user's primary email address.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public string? Email { get; set; }

    /// <summary>The kind of email address (for example work or home); "work" when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? EmailType { get; set; }

    /// <summary>The first name (required by Identity Center).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FirstName")]
    public string? GivenName { get; set; }

    /// <summary>The last name (required by Identity Center).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LastName", "Surname")]
    public string? FamilyName { get; set; }

    /// <summary>The name shown for the user; "GivenName FamilyName" when not given, as the console fills it in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    /// <summary>The kind of phone number (for example work or mobile); "work" when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PhoneNumberType { get; set; }

    /// <summary>The kind of address (for example work or home); "work" when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AddressType { get; set; }

    /// <summary>The time zone (for example America/New_York).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Timezone { get; set; }

    /// <summary>When the user exists with different attributes, update them to the given values instead of failing.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var definition = IdentityCmdletSupport.CopyParameters(this, new UserDefinition());
        var users = new UserService(CurrentSession);
        try
        {
            var plan = Run(ct => users.PlanCreateAsync(definition, Force, ct));
            if (plan.Outcome == CreateOutcome.Create && !ShouldProcessChange($"user '{UserName}'", "Create user")) return;
            if (plan.Outcome == CreateOutcome.UpdateExisting && !ShouldProcessChange($"user '{UserName}'", $"Update {string.Join(", ", plan.Differences)}")) return;
            WriteObject(Run(ct => users.CreateAsync(plan, Output, ct)));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            var (errorId, category) = IdentityCmdletSupport.Classify(e, "IdcNewUserFailed");
            WriteItemError(e, errorId, UserName, category);
        }
    }
}
