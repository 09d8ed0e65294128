using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Completers;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Naming;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.Account;

/// <summary>Lists the AWS accounts of the organization, with the path of the organizational unit that holds each.</summary>
/// <remarks>
/// <para>Without parameters every account is listed, walking the organization from its root. -Name filters by account
/// name or id and accepts wildcards; -OrganizationalUnit limits the listing to one OU, given by path
/// (/Root/Workloads/Prod) or id, and -Recurse adds the OUs below it. Accounts stream as they are read.</para>
/// <para>Each account carries AccountId, so it pipes into Grant-, Revoke- and Test-IdcAccountAccess.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcAccount</code>
/// <para>Lists every account with its OU path and status.</para>
/// </example>
/// <example>
/// <code>Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse -Name *prod*</code>
/// <para>Lists the accounts under Workloads (at any depth) whose name contains "prod".</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcAccount")]
[OutputType(typeof(AwsAccount))]
public sealed class GetIdcAccountCommand : IdcCmdlet
{
    /// <summary>Account names or ids; wildcards allowed.</summary>
    // Not bound from the pipeline: an OU piped in carries a Name too, which must not filter its accounts.
    [Parameter(Position = 0)]
    [Alias("AccountId", "AccountName")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AccountCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only the accounts in this organizational unit: a path such as /Root/Workloads/Prod, or an ou-… or r-… id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("OrganizationalUnitId")]
    [ArgumentCompleter(typeof(OrganizationalUnitCompleter))]
    public string? OrganizationalUnit { get; set; }

    /// <summary>With -OrganizationalUnit, also the accounts of every OU below it.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Only accounts with this status.</summary>
    [Parameter]
    [ValidateSet("ACTIVE", "SUSPENDED", "PENDING_CLOSURE")]
    public string? Status { get; set; }

    protected override void ProcessRecord()
    {
        var directory = OrganizationDirectory.For(CurrentSession);
        var patterns = (Name ?? Array.Empty<string>()).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => new NamePattern(n.Trim())).ToList();
        var unmatched = new HashSet<string>(patterns.Where(p => !NamePattern.HasWildcards(p.Text)).Select(p => p.Text), StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var account in Stream(Accounts(directory, patterns, CancellationToken))) WriteIfMatching(account, patterns, unmatched);
        }
        catch (OrganizationalUnitNotFoundException e)
        {
            WriteItemError(e, "IdcOrganizationalUnitNotFound", OrganizationalUnit, ErrorCategory.ObjectNotFound);
            return;
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            WriteItemError(e, "IdcListAccountsFailed", (object?)OrganizationalUnit ?? Name);
            return;
        }
        foreach (var name in unmatched)
            WriteItemError(new ItemNotFoundException($"No account '{name}' (name or id) was found{(OrganizationalUnit != null ? " in " + OrganizationalUnit : "")}."),
                "IdcAccountNotFound", name, ErrorCategory.ObjectNotFound);
    }

    /// <summary>Writes an account that matches the patterns and -Status; a name it matches is no longer unmatched.</summary>
    private void WriteIfMatching(AwsAccount account, List<NamePattern> patterns, HashSet<string> unmatched)
    {
        if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(account.Name) || p.IsMatch(account.AccountId))) return;
        unmatched.RemoveWhere(n => string.Equals(n, account.Name, StringComparison.OrdinalIgnoreCase) || n == account.AccountId);
        if (Status != null && !string.Equals(account.Status, Status, StringComparison.OrdinalIgnoreCase)) return;
        WriteObject(account);
    }

    private async IAsyncEnumerable<AwsAccount> Accounts(OrganizationDirectory directory, List<NamePattern> patterns, [EnumeratorCancellation] CancellationToken ct)
    {
        // One exact account id without an OU: DescribeAccount is cheaper than walking the tree.
        if (OrganizationalUnit == null && patterns.Count == 1 && IsAccountId(patterns[0].Text))
        {
            var one = await directory.DescribeAccountAsync(patterns[0].Text, ct).ConfigureAwait(false);
            if (one != null) yield return one;
            yield break;
        }
        if (OrganizationalUnit == null)
        {
            await foreach (var a in directory.AllAccountsAsync(ct).ConfigureAwait(false)) yield return a;
            yield break;
        }
        var unit = await directory.ResolveUnitAsync(OrganizationalUnit, ct).ConfigureAwait(false);
        await foreach (var a in directory.AccountsAsync(unit, Recurse, ct).ConfigureAwait(false)) yield return a;
    }

    private static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsDigit);
}
