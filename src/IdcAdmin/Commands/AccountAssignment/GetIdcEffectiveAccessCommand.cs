using System;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Access;

namespace IdcAdmin.Commands.AccountAssignment;

/// <summary>Lists what people can reach: every user, account and permission set, with the group it comes through.</summary>
/// <remarks>
/// <para>Each row is one way a user reaches an account with a permission set: assigned directly (GroupName empty) or
/// through membership of a group. With no filter it covers the whole organization; -User narrows it to what those
/// users reach, -Group to what comes through those groups, -Account to who can reach those accounts, -PermissionSet
/// to who holds those sets anywhere, in any combination. Rows are flat, so Export-Csv writes one line per row.</para>
/// <para>Assignments are read by the cheapest path for the question: per user (their assignments and their groups'),
/// per permission set through the accounts it is provisioned to, or per account through the sets provisioned to it,
/// chosen from the number of users, groups, accounts and provisioned pairs. -Path forces one: Principal needs no
/// provisioning listing, which some emulators get wrong. -Verbose tells which path was used.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcEffectiveAccess | Export-Csv access.csv</code>
/// <para>Writes everyone's access in the organization to a CSV file.</para>
/// </example>
/// <example>
/// <code>Get-IdcEffectiveAccess -Account Prod | Sort-Object UserName</code>
/// <para>Shows who can reach the Prod account, with which permission set and through which group.</para>
/// </example>
/// <example>
/// <code>Get-IdcEffectiveAccess -AsMatrix | Export-Csv access-matrix.csv</code>
/// <para>Writes a spreadsheet with a line per user and a column per account, each cell the permission sets reached there.</para>
/// </example>
/// <example>
/// <code>Get-IdcGroup Admins | Get-IdcEffectiveAccess</code>
/// <para>Shows what each member of Admins reaches through that group.</para>
/// </example>
/// <example>
/// <code>Get-IdcEffectiveAccess -User alice</code>
/// <para>Shows every account alice can reach and how.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcEffectiveAccess")]
[OutputType(typeof(EffectiveAccessEntry))]
[OutputType(typeof(PSObject))]
public sealed class GetIdcEffectiveAccessCommand : IdcCmdlet
{
    /// <summary>Users by user name, email address or user id: what they reach.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("UserName", "UserId")]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    public string[]? User { get; set; }

    /// <summary>Groups by display name or group id: what comes through them, to each member (Get-IdcGroup output binds by GroupId).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("GroupName", "GroupId")]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string[]? Group { get; set; }

    /// <summary>AWS accounts by 12-digit id or name: who reaches them.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AccountId")]
    [ArgumentCompleter(typeof(AccountCompleter))]
    public string[]? Account { get; set; }

    /// <summary>Permission sets by name or ARN: who holds them anywhere.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string[]? PermissionSet { get; set; }

    /// <summary>How to read assignments: Auto (the cheapest; per principal when the provisioning listings show no provisioned pair, as on emulators that do not provision on assignment), Principal, Account or PermissionSet.</summary>
    [Parameter]
    public EffectiveAccessPath Path { get; set; } = EffectiveAccessPath.Auto;

    /// <summary>One row per user and one column per account, each cell the permission sets reached there, for Export-Csv; rows come once all are read.</summary>
    [Parameter]
    public SwitchParameter AsMatrix { get; set; }

    protected override void ProcessRecord()
    {
        var filter = new EffectiveAccessFilter { Path = Path };
        filter.Users.AddRange(NonEmpty(User));
        filter.Groups.AddRange(NonEmpty(Group));
        filter.Accounts.AddRange(NonEmpty(Account));
        filter.PermissionSets.AddRange(NonEmpty(PermissionSet));
        var query = new EffectiveAccessQuery(CurrentSession);
        try
        {
            if (AsMatrix) WriteMatrix(EffectiveAccessMatrix.From(Stream(query.StreamAsync(filter, CancellationToken))));
            else foreach (var entry in Stream(query.StreamAsync(filter, CancellationToken))) WriteObject(entry);
            WriteResolutionErrors(query.Unresolved);
            WriteVerbose($"Read assignments per {query.ChosenPath}: {query.PrincipalCount} users and groups" +
                (query.ProvisionedPairs is { } pairs ? $", {pairs} provisioned account and permission set pairs." : "."));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcEffectiveAccessFailed", null);
        }
    }

    private void WriteMatrix(EffectiveAccessMatrix matrix)
    {
        foreach (var row in matrix.Rows)
        {
            var line = new PSObject();
            line.Properties.Add(new PSNoteProperty(EffectiveAccessMatrix.UserColumn, row.UserName));
            foreach (var column in matrix.AccountColumns) line.Properties.Add(new PSNoteProperty(column, row.Cells[column]));
            WriteObject(line);
        }
    }

    private static string[] NonEmpty(string[]? values) =>
        (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
}
