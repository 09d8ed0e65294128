using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.Accounts;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Organizations;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.PermissionSets.Listings;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Guide;

/// <summary>
/// The guide's flow as one idempotent run: make sure the user, the optional group and membership, the
/// AdministratorAccess permission set and the assignments exist — creating only what is missing — and wait for AWS.
/// Every write first asks <c>shouldProcess</c>, so -WhatIf sends none.
/// </summary>
public sealed class AdministratorSetup
{
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    private readonly IdcSession _session;
    private readonly IOutputWriter _output;
    private readonly Func<string, string, bool> _shouldProcess;

    public AdministratorSetup(IdcSession session, IOutputWriter output, Func<string, string, bool> shouldProcess)
    {
        _session = session;
        _output = output;
        _shouldProcess = shouldProcess;
    }

    public async Task<AdministratorSetupResult> RunAsync(AdministratorSetupRequest request, CancellationToken ct)
    {
        AdministratorSetupValidator.Validate(request);
        var permissionSetSpec = AdministratorAccessSpec(request);
        var result = new AdministratorSetupResult
        {
            UserName = request.UserName,
            GroupName = request.GroupName,
            PermissionSetName = request.PermissionSetName,
            AccessPortalUrl = _session.Instance.AccessPortalUrl,
        };
        // Resolve the accounts before writing anything: an unusable target must not leave a half-done setup.
        var accounts = request.AccountIds.Count > 0 ? request.AccountIds.ToList() : new List<string> { await ManagementAccountAsync(ct).ConfigureAwait(false) };

        result.UserId = await EnsureUserAsync(request, result, ct).ConfigureAwait(false);
        if (request.GroupName != null)
        {
            result.GroupId = await EnsureGroupAsync(request.GroupName, result, ct).ConfigureAwait(false);
            await EnsureMembershipAsync(request, result, ct).ConfigureAwait(false);
        }
        result.PermissionSetArn = await EnsurePermissionSetAsync(request, permissionSetSpec, result, ct).ConfigureAwait(false);

        var (kind, principalId, principalName) = request.GroupName != null
            ? (PrincipalKind.Group, result.GroupId, request.GroupName)
            : (PrincipalKind.User, result.UserId, request.UserName);
        for (var i = 0; i < accounts.Count; i++)
        {
            _output.WriteProgress(new ProgressReport(1, "Assigning administrative access", $"Account {accounts[i]}", i * 100 / accounts.Count));
            result.Assignments.Add(await EnsureAssignmentAsync(accounts[i], kind, principalId, principalName, result, ct).ConfigureAwait(false));
        }
        _output.WriteProgress(new ProgressReport(1, "Assigning administrative access", "Done", 100, completed: true));
        result.ManualSteps.AddRange(ManualSteps.For(request.UserName, result.AccessPortalUrl));
        return result;
    }

    private async Task<string> ManagementAccountAsync(CancellationToken ct) =>
        // The session's organization directory knows (and caches) the management account, as the lock-out guard uses it.
        await OrganizationDirectory.For(_session).ManagementAccountIdAsync(ct).ConfigureAwait(false)
        ?? throw new InvalidOperationException(
            "This account is not in an AWS Organization, so there is no management account to assign. Pass -AccountId with the accounts to give access to. " +
            "(An account instance of Identity Center cannot assign AWS account access at all; that needs an organization instance.)");

    private async Task<string?> EnsureUserAsync(AdministratorSetupRequest request, AdministratorSetupResult result, CancellationToken ct)
    {
        var users = new UserService(_session);
        var existing = await _session.Principals.FindUserIdByUserNameAsync(request.UserName, ct).ConfigureAwait(false);
        if (existing != null)
        {
            // An existing administrator is used as it is: this command sets up access, Set-IdcUser edits people.
            result.Steps.Add(new SetupStep("user", request.UserName, SetupAction.Reused, existing));
            return existing;
        }
        if (!Allowed(request.UserName, "Create Identity Center user", result, "user")) return null;
        var plan = await users.PlanCreateAsync(AdministratorSetupValidator.UserOf(request), force: false, ct).ConfigureAwait(false);
        var created = await users.CreateAsync(plan, _output, ct).ConfigureAwait(false);
        Changed(result, new SetupStep("user", request.UserName, SetupAction.Created, created.UserId));
        return created.UserId;
    }

    private async Task<string?> EnsureGroupAsync(string groupName, AdministratorSetupResult result, CancellationToken ct)
    {
        var existing = await _session.Principals.FindGroupIdAsync(groupName, ct).ConfigureAwait(false);
        if (existing != null)
        {
            result.Steps.Add(new SetupStep("group", groupName, SetupAction.Reused, existing));
            return existing;
        }
        if (!Allowed(groupName, "Create Identity Center group", result, "group")) return null;
        var groups = new GroupService(_session);
        var plan = await groups.PlanCreateAsync(new GroupDefinition { DisplayName = groupName, Description = "Administrators" }, force: false, ct).ConfigureAwait(false);
        var created = await groups.CreateAsync(plan, _output, ct).ConfigureAwait(false);
        Changed(result, new SetupStep("group", groupName, SetupAction.Created, created.GroupId));
        return created.GroupId;
    }

    private async Task EnsureMembershipAsync(AdministratorSetupRequest request, AdministratorSetupResult result, CancellationToken ct)
    {
        var name = $"{request.UserName} in {request.GroupName}";
        if (result.UserId == null || result.GroupId == null)
        {
            // -WhatIf before the user or group exists: there is nothing to look up yet.
            Allowed(name, "Add user to group", result, "membership");
            return;
        }
        var memberships = new MembershipService(_session);
        var plan = await memberships.PlanAsync(result.GroupId, result.UserId, ct).ConfigureAwait(false);
        if (plan.Exists)
        {
            result.Steps.Add(new SetupStep("membership", name, SetupAction.Reused, plan.ExistingMembershipId));
            return;
        }
        if (!Allowed(name, "Add user to group", result, "membership")) return;
        var added = await memberships.AddAsync(plan, ct).ConfigureAwait(false);
        Changed(result, new SetupStep("membership", name, SetupAction.Created, added.MembershipId));
    }

    private async Task<string?> EnsurePermissionSetAsync(AdministratorSetupRequest request, PermissionSetSpec spec, AdministratorSetupResult result, CancellationToken ct)
    {
        var name = request.PermissionSetName;
        var arn = await _session.PermissionSets.FindArnAsync(name, ct).ConfigureAwait(false);
        if (arn != null)
        {
            var hasAdmin = false;
            await foreach (var p in PolicyListings.ManagedPoliciesAsync(_session, arn, ct).ConfigureAwait(false)) hasAdmin |= p.Arn == AdministratorAccessArn;
            if (!hasAdmin)
                _output.WriteWarning($"The existing permission set '{name}' does not have the AWS managed policy AdministratorAccess; it is used as it is. Inspect it with Get-IdcPermissionSet {name}.");
            result.Steps.Add(new SetupStep("permission set", name, SetupAction.Reused, arn));
            return arn;
        }
        if (!Allowed(name, "Create permission set with the AWS managed policy AdministratorAccess", result, "permission set")) return null;
        // The permission set engine creates it and deletes it again if the policy attach fails.
        var created = await new PermissionSetWriter(_session, _output).CreateAsync(spec, ct).ConfigureAwait(false);
        Changed(result, new SetupStep("permission set", name, SetupAction.Created, created.PermissionSetArn), writes: 2);
        return created.PermissionSetArn;
    }

    /// <summary>The predefined AdministratorAccess set under the requested name and session duration.</summary>
    internal static PermissionSetSpec AdministratorAccessSpec(AdministratorSetupRequest request)
    {
        var definition = PredefinedPermissionSets.Definition(PredefinedPermissionSet.AdministratorAccess);
        definition.Name = request.PermissionSetName;
        definition.Description = "Full administrative access (AWS managed policy AdministratorAccess)";
        definition.SessionDuration = request.SessionDuration;
        return PermissionSetValidator.Validate(definition, forCreate: true);
    }

    private async Task<SetupAssignment> EnsureAssignmentAsync(string accountId, PrincipalKind kind, string? principalId, string principalName,
        AdministratorSetupResult result, CancellationToken ct)
    {
        var assignment = new SetupAssignment
        {
            AccountId = accountId,
            PermissionSetName = result.PermissionSetName,
            PrincipalType = kind.ToAws(),
            PrincipalName = principalName,
        };
        var label = $"{result.PermissionSetName} for {kind.ToAws().ToLowerInvariant()} {principalName} on account {accountId}";
        if (principalId != null && result.PermissionSetArn != null)
        {
            var existing = await ExistingAssignments.ForPairAsync(_session, accountId, result.PermissionSetArn, ct).ConfigureAwait(false);
            if (existing.Contains(new AssignmentKey(accountId, result.PermissionSetArn, kind, principalId)))
            {
                assignment.Status = "EXISTING";
                result.Steps.Add(new SetupStep("assignment", label, SetupAction.Reused));
                return assignment;
            }
        }
        if (!Allowed(label, "Assign AWS account access", result, "assignment") || principalId == null || result.PermissionSetArn == null)
        {
            assignment.Status = "SKIPPED";
            return assignment;
        }
        var key = new AssignmentKey(accountId, result.PermissionSetArn, kind, principalId);
        var started = await AccountAssignmentCalls.StartCreateAsync(_session, key, ct).ConfigureAwait(false);
        _output.WriteVerbose($"Assignment requested ({started.RequestId}); waiting for AWS to finish it.");
        var final = await AccountAssignmentCalls.WaitAsync(_session, started, deletion: false, ct).ConfigureAwait(false);
        assignment.Status = final.Status ?? AccountAssignmentCalls.Succeeded;
        assignment.FailureReason = final.FailureReason;
        Changed(result, new SetupStep("assignment", label, assignment.Status == AccountAssignmentCalls.Failed ? SetupAction.Failed : SetupAction.Created, final.FailureReason));
        return assignment;
    }

    private bool Allowed(string target, string action, AdministratorSetupResult result, string resource)
    {
        if (_shouldProcess(target, action)) return true;
        result.Steps.Add(new SetupStep(resource, target, SetupAction.Skipped, action));
        return false;
    }

    private static void Changed(AdministratorSetupResult result, SetupStep step, int writes = 1)
    {
        result.Steps.Add(step);
        result.Changes += writes;
    }

}
