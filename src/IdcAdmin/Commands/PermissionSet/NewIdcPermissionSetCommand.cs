using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IdcAdmin.Completers;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Commands.PermissionSet;

/// <summary>Creates a permission set: predefined in one line, or custom with every policy kind.</summary>
/// <remarks>
/// <para>A permission set is the template of the IAM role Identity Center creates in each account it is assigned to.
/// -Predefined creates the sets the console offers (AdministratorAccess, ReadOnlyAccess, ViewOnlyAccess, Billing, ...):
/// the name and AWS managed policy are set for you. A custom set takes AWS managed policies by name or ARN,
/// customer managed policies as Name or /path/Name, one inline policy (JSON text, a file or a hashtable), a
/// permissions boundary, a session duration (a TimeSpan like 04:00:00 or ISO 8601 like PT4H, 1 to 12 hours, default
/// 1 hour), a relay state URL, a description and tags.</para>
/// <para>Everything is checked before anything is written: the name (at most 32 letters, digits and + = , . @ - _),
/// lengths, the duration, the inline policy (JSON with Version and Statement, at most 32,768 bytes), at most 20
/// managed and customer managed policies, and AWS managed policy names (a misspelt name gets a "did you mean").
/// If AWS refuses a step after the set was created, the half-made set is deleted and the error names the step.</para>
/// <para>Safe to run again: when a set of that name exists with the same definition it is returned with a warning;
/// when it differs, the error lists the differences (use Set-IdcPermissionSet to change it).</para>
/// </remarks>
/// <example>
/// <code>New-IdcPermissionSet -Predefined AdministratorAccess -SessionDuration PT4H</code>
/// <para>Creates the AdministratorAccess permission set with the AdministratorAccess AWS managed policy and four-hour sessions.</para>
/// </example>
/// <example>
/// <code>New-IdcPermissionSet -Name DataReaders -ManagedPolicy ReadOnlyAccess -CustomerManagedPolicy /team/DataLakeRead -InlinePolicy @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Deny'; Action = 's3:DeleteObject'; Resource = '*' }) } -Tag @{ Owner = 'data' }</code>
/// <para>Creates a custom set with an AWS managed policy, a customer managed policy reference, an inline policy given as a hashtable, and a tag.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "IdcPermissionSet", SupportsShouldProcess = true, DefaultParameterSetName = CustomSet)]
[OutputType(typeof(IdcPermissionSet))]
public sealed class NewIdcPermissionSetCommand : PermissionSetCmdlet
{
    private const string CustomSet = "Custom";
    private const string PredefinedSet = "Predefined";

    /// <summary>The permission set's name: at most 32 letters, digits and + = , . @ - _. With -Predefined, defaults to the predefined set's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CustomSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PredefinedSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>One of the predefined permission sets the console offers; its AWS managed policy is attached for you.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PredefinedSet)]
    public PredefinedPermissionSet Predefined { get; set; }

    /// <summary>What the set is for (at most 700 characters).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>How long a session lasts: 1 to 12 hours, as a TimeSpan (04:00:00) or ISO 8601 (PT4H). Default one hour.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionDurationTransformation]
    public TimeSpan? SessionDuration { get; set; }

    /// <summary>The URL the AWS console opens after sign-in (at most 240 characters).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? RelayState { get; set; }

    /// <summary>AWS managed policies by name (ReadOnlyAccess), path and name (job-function/Billing) or ARN.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ManagedPolicyCompleter))]
    public string[]? ManagedPolicy { get; set; }

    /// <summary>Customer managed policies as Name or /path/Name; they must exist in every account the set is provisioned to.</summary>
    [Parameter]
    public string[]? CustomerManagedPolicy { get; set; }

    /// <summary>The inline policy: JSON text, a hashtable, or an object from ConvertFrom-Json.</summary>
    [Parameter]
    public object? InlinePolicy { get; set; }

    /// <summary>A file holding the inline policy's JSON.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? InlinePolicyPath { get; set; }

    /// <summary>An AWS managed policy (name or ARN) as the permissions boundary.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ManagedPolicyCompleter))]
    public string? PermissionsBoundary { get; set; }

    /// <summary>A customer managed policy (Name or /path/Name) as the permissions boundary.</summary>
    [Parameter]
    public string? CustomerManagedPermissionsBoundary { get; set; }

    /// <summary>Tags as a hashtable: @{ Owner = 'platform' }.</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    protected override void ProcessRecord()
    {
        var target = Name ?? Predefined.ToString();
        var session = CurrentSession;
        if (Validate(BuildDefinition, forCreate: true, target) is not { } spec) return;
        TryWrite(target, "IdcPermissionSetCreateFailed", () => Create(session, spec, target));
    }

    /// <summary>Creates the set, unless one of that name exists: the same is returned, a different one refused.</summary>
    private void Create(IdcSession session, PermissionSetSpec spec, string target)
    {
        var plan = Run(ct => new PermissionSetPlanner(session).PlanCreateAsync(spec, ct));
        if (plan.IsUpToDate)
        {
            WriteWarning($"Permission set {spec.Name} already exists with this definition; returning it.");
            WriteObject(plan.Current);
            return;
        }
        if (plan.Exists)
        {
            WriteItemError(new InvalidOperationException(
                    $"Permission set {spec.Name} already exists and differs from this definition; making it match would {string.Join("; ", plan.Changes)}. Use Set-IdcPermissionSet to change it."),
                "IdcPermissionSetExistsDifferent", target, ErrorCategory.ResourceExists);
            return;
        }
        if (!ShouldProcessChange(spec.Name ?? "", "Create permission set")) return;
        WriteObject(Run(ct => new PermissionSetWriter(session, Output).CreateAsync(spec, ct)));
    }

    private PermissionSetDefinition BuildDefinition()
    {
        var definition = ParameterSetName == PredefinedSet ? PredefinedPermissionSets.Definition(Predefined) : new PermissionSetDefinition();
        if (Name != null) definition.Name = Name;
        if (ManagedPolicy != null) definition.ManagedPolicies = (definition.ManagedPolicies ?? new List<string>()).Concat(ManagedPolicy).ToList();
        definition.CustomerManagedPolicies = CustomerManagedPolicy;
        definition.Description = Description;
        definition.SessionDuration = SessionDuration;
        definition.RelayState = RelayState;
        definition.InlinePolicy = PermissionSetInput.InlinePolicyJson(InlinePolicy, InlinePolicyPath, this);
        definition.PermissionsBoundary = PermissionsBoundary;
        definition.CustomerManagedPermissionsBoundary = CustomerManagedPermissionsBoundary;
        definition.Tags = PermissionSetInput.Tags(Tag);
        return definition;
    }
}
