using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Makes a permission set equal to what is given, changing only the differences, then re-provisions it.</summary>
/// <remarks>
/// <para>Each part given replaces that part of the set: -ManagedPolicy ReadOnlyAccess leaves exactly that AWS managed
/// policy attached (others are detached, one already attached stays untouched); -Tag @{} removes every tag. Parts not
/// given stay as they are. -RemoveInlinePolicy and -RemovePermissionsBoundary remove those.</para>
/// <para>After a change, the accounts that have the set are re-provisioned so their IAM roles follow (one result per
/// account; a failed account is an error record with AWS's reason), unless -NoProvision. -WhatIf lists the changes
/// without making them.</para>
/// </remarks>
/// <example>
/// <code>Set-IdcPermissionSet -PermissionSet DataReaders -ManagedPolicy ReadOnlyAccess, AmazonAthenaFullAccess -SessionDuration PT8H</code>
/// <para>Attaches or detaches managed policies so exactly those two remain, sets eight-hour sessions, and re-provisions.</para>
/// </example>
/// <example>
/// <code>Get-IdcPermissionSet Dev* | Set-IdcPermissionSet -Tag @{ Environment = 'dev' } -NoProvision -WhatIf</code>
/// <para>Shows which tags would change on every Dev* set.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "IdcPermissionSet", SupportsShouldProcess = true)]
[OutputType(typeof(PermissionSetProvisioningResult), typeof(IdcPermissionSet))]
public sealed class SetIdcPermissionSetCommand : PermissionSetCmdlet
{
    /// <summary>The permission set's name or ARN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PermissionSetArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionSetNameCompleter))]
    public string PermissionSet { get; set; } = "";

    /// <summary>The new description (at most 700 characters).</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>The new session duration: 1 to 12 hours, as a TimeSpan (04:00:00) or ISO 8601 (PT4H).</summary>
    [Parameter]
    [SessionDurationTransformation]
    public TimeSpan? SessionDuration { get; set; }

    /// <summary>The new relay state URL.</summary>
    [Parameter]
    public string? RelayState { get; set; }

    /// <summary>The AWS managed policies the set should have (names or ARNs); an empty list detaches all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(ManagedPolicyCompleter))]
    public string[]? ManagedPolicy { get; set; }

    /// <summary>The customer managed policies the set should have (Name or /path/Name); an empty list detaches all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public string[]? CustomerManagedPolicy { get; set; }

    /// <summary>The inline policy: JSON text, a hashtable, or an object from ConvertFrom-Json.</summary>
    [Parameter]
    public object? InlinePolicy { get; set; }

    /// <summary>A file holding the inline policy's JSON.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? InlinePolicyPath { get; set; }

    /// <summary>Removes the inline policy.</summary>
    [Parameter]
    public SwitchParameter RemoveInlinePolicy { get; set; }

    /// <summary>An AWS managed policy (name or ARN) as the permissions boundary.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ManagedPolicyCompleter))]
    public string? PermissionsBoundary { get; set; }

    /// <summary>A customer managed policy (Name or /path/Name) as the permissions boundary.</summary>
    [Parameter]
    public string? CustomerManagedPermissionsBoundary { get; set; }

    /// <summary>Removes the permissions boundary.</summary>
    [Parameter]
    public SwitchParameter RemovePermissionsBoundary { get; set; }

    /// <summary>The tags the set should have; tags not listed are removed.</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    /// <summary>Change the set without re-provisioning it to its accounts (they keep the old version until Deploy-IdcPermissionSet).</summary>
    [Parameter]
    public SwitchParameter NoProvision { get; set; }

    /// <summary>Also writes the permission set as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Go ahead even when the change leaves the organization's management account with no administrator (the lock-out guard refuses it otherwise; -Force does not override it).</summary>
    [Parameter]
    public SwitchParameter AllowNoAdministrator { get; set; }

    protected override void ProcessRecord()
    {
        var session = CurrentSession;
        if (Validate(Definition, forCreate: false, PermissionSet) is not { } spec) return;
        var arn = ResolveArn(PermissionSet);
        if (arn == null) return;
        TryWrite(PermissionSet, "IdcPermissionSetUpdateFailed", () => Update(session, arn, spec));
    }

    private PermissionSetDefinition Definition() => new()
    {
        Description = Description,
        SessionDuration = SessionDuration,
        RelayState = RelayState,
        ManagedPolicies = ManagedPolicy,
        CustomerManagedPolicies = CustomerManagedPolicy,
        InlinePolicy = PermissionSetInput.InlinePolicyJson(InlinePolicy, InlinePolicyPath, this),
        RemoveInlinePolicy = RemoveInlinePolicy,
        PermissionsBoundary = PermissionsBoundary,
        CustomerManagedPermissionsBoundary = CustomerManagedPermissionsBoundary,
        RemovePermissionsBoundary = RemovePermissionsBoundary,
        Tags = PermissionSetInput.Tags(Tag),
    };

    private void Update(IdcSession session, string arn, PermissionSetSpec spec)
    {
        var plan = Run(ct => new PermissionSetPlanner(session).PlanUpdateAsync(arn, spec, ct));
        var current = plan.Current!;
        if (plan.Changes.Count == 0)
            WriteVerbose($"Permission set {current.Name} already matches; nothing to change.");
        else
        {
            if (!ShouldProcessChange(current.Name, string.Join("; ", plan.Changes))) return;
            var accounts = Run(ct => PermissionSetUpdate.ApplyAsync(session, Output, plan, spec, listAccounts: !NoProvision, AllowNoAdministrator, ct));
            if (accounts != null) Provision(current, accounts);
        }
        if (PassThru) WriteObject(Run(ct => new PermissionSetReader(session, unreadableDetails: Output).ReadAsync(arn, PermissionSetDetail.All, ct)));
    }

    private void Provision(IdcPermissionSet set, IReadOnlyList<string> accounts)
    {
        var provisioner = new PermissionSetProvisioner(CurrentSession, Output);
        if (accounts.Count == 0)
        {
            WriteVerbose($"Permission set {set.Name} is not provisioned to any account; nothing to re-provision.");
            return;
        }
        ProvisioningOutput.Write(this, Run(ct => provisioner.ProvisionAsync(set.Name, set.PermissionSetArn, accounts, ct)));
    }
}
