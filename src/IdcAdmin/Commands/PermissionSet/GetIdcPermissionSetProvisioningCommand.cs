using System;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Shows which permission sets are out of date in which accounts, and why provisioning requests failed.</summary>
/// <remarks>
/// <para>By default, lists every (permission set, account) pair where the account holds an older version of the set
/// than the current one; pipe the result to Deploy-IdcPermissionSet to bring them up to date. -IncludeCurrent lists
/// the up-to-date pairs too. -AccountId looks from one account's side.</para>
/// <para>-RequestStatus lists the provisioning requests AWS remembers (Failed ones with AWS's FailureReason);
/// -RequestId describes particular requests.</para>
/// </remarks>
/// <example>
/// <code>Get-IdcPermissionSetProvisioning</code>
/// <para>Lists every permission set that is out of date in some account, one line per account.</para>
/// </example>
/// <example>
/// <code>Get-IdcPermissionSetProvisioning -RequestStatus Failed | Format-List Name, AccountId, FailureReason</code>
/// <para>Shows why recent provisioning requests failed.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "IdcPermissionSetProvisioning", DefaultParameterSetName = ByPermissionSetSet)]
[OutputType(typeof(PermissionSetAccountProvisioning), ParameterSetName = new[] { ByPermissionSetSet, ByAccountSet })]
[OutputType(typeof(PermissionSetProvisioningResult), ParameterSetName = new[] { ByRequestStatusSet, ByRequestIdSet })]
public sealed class GetIdcPermissionSetProvisioningCommand : PermissionSetCmdlet
{
    private const string ByPermissionSetSet = "ByPermissionSet";
    private const string ByAccountSet = "ByAccount";
    private const string ByRequestStatusSet = "ByRequestStatus";
    private const string ByRequestIdSet = "ByRequestId";

    /// <summary>Permission set names or ARNs; every set when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ByPermissionSetSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string[]? PermissionSet { get; set; }

    /// <summary>The account (12-digit id) to look at.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByAccountSet, ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^\d{12}$")]
    [ArgumentCompleter(typeof(AccountIdCompleter))]
    public string? AccountId { get; set; }

    /// <summary>Also list the accounts that hold the latest version.</summary>
    [Parameter(ParameterSetName = ByPermissionSetSet)]
    [Parameter(ParameterSetName = ByAccountSet)]
    public SwitchParameter IncludeCurrent { get; set; }

    /// <summary>List provisioning requests with this status: Failed, InProgress, Succeeded or Any.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByRequestStatusSet)]
    [ValidateSet("Failed", "InProgress", "Succeeded", "Any")]
    public string? RequestStatus { get; set; }

    /// <summary>Describe these provisioning requests (as Deploy-IdcPermissionSet reports them).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByRequestIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? RequestId { get; set; }

    protected override void ProcessRecord()
    {
        var report = new PermissionSetProvisioningReport(CurrentSession);
        try
        {
            WriteReport(report);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            ThrowTerminating(e, "IdcPermissionSetProvisioningReadFailed", (object?)AccountId ?? PermissionSet);
        }
    }

    private void WriteReport(PermissionSetProvisioningReport report)
    {
        switch (ParameterSetName)
        {
            case ByAccountSet:
                foreach (var entry in Stream(report.ForAccountAsync(AccountId!, IncludeCurrent, CancellationToken))) WriteObject(entry);
                break;
            case ByRequestStatusSet:
                foreach (var result in Stream(report.RequestsAsync(Status, CancellationToken))) WriteObject(result);
                break;
            case ByRequestIdSet:
                foreach (var id in RequestId!) DescribeRequest(report, id);
                break;
            default:
                ForPermissionSets(report);
                break;
        }
    }

    /// <summary>-RequestStatus as the engine's filter; Any lists every request.</summary>
    private ProvisioningRequestStatus? Status =>
        Enum.TryParse<ProvisioningRequestStatus>(RequestStatus, ignoreCase: true, out var status) ? status : null;

    private void ForPermissionSets(PermissionSetProvisioningReport report)
    {
        var permissionSets = CurrentSession.PermissionSets;
        var arns = PermissionSet == null
            ? Run(ct => permissionSets.AllAsync(ct)).Values
            : (System.Collections.Generic.IEnumerable<string?>)Array.ConvertAll(PermissionSet, ResolveArn);
        foreach (var arn in arns)
        {
            if (arn == null) continue;
            foreach (var entry in Stream(report.ForPermissionSetAsync(arn, IncludeCurrent, CancellationToken))) WriteObject(entry);
        }
    }

    private void DescribeRequest(PermissionSetProvisioningReport report, string id)
    {
        try
        {
            WriteObject(Run(ct => report.DescribeAsync(id, ct)));
        }
        catch (AwsNotFoundException e)
        {
            WriteItemError(e, "IdcPermissionSetProvisioningRequestNotFound", id, ErrorCategory.ObjectNotFound);
        }
    }
}
