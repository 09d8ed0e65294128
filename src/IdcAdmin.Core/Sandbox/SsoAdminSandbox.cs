using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Sandbox;

/// <summary>
/// The sso-admin operations the module calls: the instance, permission sets with every kind of policy, boundaries and
/// tags, asynchronous provisioning and account assignments, with AWS's documented behaviour.
/// </summary>
public sealed class SsoAdminSandbox : SandboxService
{
    // "Maximum number of AWS managed and customer managed policies attached to a permission set: 20" (IAM Identity Center quotas).
    private const int PolicyQuota = 20;
    private const int TagQuota = 50;

    public SsoAdminSandbox(SandboxState state) : base(state, AwsService.SsoAdmin)
    {
        On<ListInstancesRequest, ListInstancesResponse>("ListInstances", ListInstances);
        On<DescribeInstanceRequest, DescribeInstanceResponse>("DescribeInstance", DescribeInstance);
        On<CreateInstanceRequest, CreateInstanceResponse>("CreateInstance", _ =>
            throw SandboxError.Conflict("This account already has an organization instance of IAM Identity Center."));
        On<CreatePermissionSetRequest, CreatePermissionSetResponse>("CreatePermissionSet", CreatePermissionSet);
        On<DescribePermissionSetRequest, DescribePermissionSetResponse>("DescribePermissionSet", r =>
            new DescribePermissionSetResponse { PermissionSet = View(Set(r.InstanceArn, r.PermissionSetArn)) });
        On<UpdatePermissionSetRequest, UpdatePermissionSetResponse>("UpdatePermissionSet", UpdatePermissionSet);
        On<DeletePermissionSetRequest, DeletePermissionSetResponse>("DeletePermissionSet", DeletePermissionSet);
        On<ListPermissionSetsRequest, ListPermissionSetsResponse>("ListPermissionSets", r =>
        {
            Instance(r.InstanceArn);
            var page = State.Paging.Page(State.PermissionSets.Items.Select(p => p.Arn).ToList(), r.MaxResults, r.NextToken, "ListPermissionSets", out var next);
            return new ListPermissionSetsResponse { PermissionSets = page, NextToken = next };
        });
        On<AttachManagedPolicyToPermissionSetRequest, AttachManagedPolicyToPermissionSetResponse>("AttachManagedPolicyToPermissionSet", AttachManaged);
        On<DetachManagedPolicyFromPermissionSetRequest, DetachManagedPolicyFromPermissionSetResponse>("DetachManagedPolicyFromPermissionSet", DetachManaged);
        On<ListManagedPoliciesInPermissionSetRequest, ListManagedPoliciesInPermissionSetResponse>("ListManagedPoliciesInPermissionSet", r =>
        {
            var set = Set(r.InstanceArn, r.PermissionSetArn);
            var page = State.Paging.Page(set.ManagedPolicyArns, r.MaxResults, r.NextToken, "ListManagedPolicies|" + set.Arn, out var next);
            return new ListManagedPoliciesInPermissionSetResponse
                { AttachedManagedPolicies = page.Select(a => new AttachedManagedPolicy { Arn = a, Name = a.Substring(a.LastIndexOf('/') + 1) }).ToList(), NextToken = next };
        });
        On<AttachCustomerManagedPolicyReferenceToPermissionSetRequest, AttachCustomerManagedPolicyReferenceToPermissionSetResponse>(
            "AttachCustomerManagedPolicyReferenceToPermissionSet", AttachCustomer);
        On<DetachCustomerManagedPolicyReferenceFromPermissionSetRequest, DetachCustomerManagedPolicyReferenceFromPermissionSetResponse>(
            "DetachCustomerManagedPolicyReferenceFromPermissionSet", DetachCustomer);
        On<ListCustomerManagedPolicyReferencesInPermissionSetRequest, ListCustomerManagedPolicyReferencesInPermissionSetResponse>(
            "ListCustomerManagedPolicyReferencesInPermissionSet", r =>
            {
                var set = Set(r.InstanceArn, r.PermissionSetArn);
                var page = State.Paging.Page(set.CustomerManagedPolicies, r.MaxResults, r.NextToken, "ListCustomerManaged|" + set.Arn, out var next);
                return new ListCustomerManagedPolicyReferencesInPermissionSetResponse { CustomerManagedPolicyReferences = page, NextToken = next };
            });
        On<PutInlinePolicyToPermissionSetRequest, PutInlinePolicyToPermissionSetResponse>("PutInlinePolicyToPermissionSet", PutInline);
        On<GetInlinePolicyForPermissionSetRequest, GetInlinePolicyForPermissionSetResponse>("GetInlinePolicyForPermissionSet", r =>
            new GetInlinePolicyForPermissionSetResponse { InlinePolicy = Set(r.InstanceArn, r.PermissionSetArn).InlinePolicy ?? "" });
        On<DeleteInlinePolicyFromPermissionSetRequest, DeleteInlinePolicyFromPermissionSetResponse>("DeleteInlinePolicyFromPermissionSet", r =>
        {
            var set = Set(r.InstanceArn, r.PermissionSetArn);
            if (set.InlinePolicy != null) { set.InlinePolicy = null; set.MarkOutdated(); }
            return new DeleteInlinePolicyFromPermissionSetResponse();
        });
        On<PutPermissionsBoundaryToPermissionSetRequest, PutPermissionsBoundaryToPermissionSetResponse>("PutPermissionsBoundaryToPermissionSet", PutBoundary);
        On<GetPermissionsBoundaryForPermissionSetRequest, GetPermissionsBoundaryForPermissionSetResponse>("GetPermissionsBoundaryForPermissionSet", r =>
            new GetPermissionsBoundaryForPermissionSetResponse
            {
                PermissionsBoundary = Set(r.InstanceArn, r.PermissionSetArn).Boundary
                                      ?? throw SandboxError.NotFound("The permission set has no permissions boundary."),
            });
        On<DeletePermissionsBoundaryFromPermissionSetRequest, DeletePermissionsBoundaryFromPermissionSetResponse>("DeletePermissionsBoundaryFromPermissionSet", r =>
        {
            var set = Set(r.InstanceArn, r.PermissionSetArn);
            if (set.Boundary == null) throw SandboxError.NotFound("The permission set has no permissions boundary.");
            set.Boundary = null;
            set.MarkOutdated();
            return new DeletePermissionsBoundaryFromPermissionSetResponse();
        });
        On<TagResourceRequest, TagResourceResponse>("TagResource", TagResource);
        On<UntagResourceRequest, UntagResourceResponse>("UntagResource", r =>
        {
            var set = Tagged(r.InstanceArn, r.ResourceArn);
            set.Tags.RemoveAll(t => r.TagKeys!.Contains(t.Key!, StringComparer.Ordinal));
            return new UntagResourceResponse();
        });
        On<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", r =>
        {
            var set = Tagged(r.InstanceArn, r.ResourceArn);
            var page = State.Paging.Page(set.Tags, null, r.NextToken, "ListTags|" + set.Arn, out var next);
            return new ListTagsForResourceResponse { Tags = page, NextToken = next };
        });
        On<ProvisionPermissionSetRequest, ProvisionPermissionSetResponse>("ProvisionPermissionSet", Provision);
        On<DescribePermissionSetProvisioningStatusRequest, DescribePermissionSetProvisioningStatusResponse>("DescribePermissionSetProvisioningStatus", r =>
            new DescribePermissionSetProvisioningStatusResponse { PermissionSetProvisioningStatus = ProvisioningView(Request(r.InstanceArn, r.ProvisionPermissionSetRequestId, SandboxRequestKind.Provisioning)) });
        On<ListPermissionSetProvisioningStatusRequest, ListPermissionSetProvisioningStatusResponse>("ListPermissionSetProvisioningStatus", r =>
        {
            var page = Statuses(r.InstanceArn, SandboxRequestKind.Provisioning, r.Filter, r.MaxResults, r.NextToken, out var next);
            return new ListPermissionSetProvisioningStatusResponse
                { PermissionSetsProvisioningStatus = page.Select(q => new PermissionSetProvisioningStatusMetadata { Status = q.Status, RequestId = q.RequestId, CreatedDate = q.CreatedDate }).ToList(), NextToken = next };
        });
        On<ListAccountsForProvisionedPermissionSetRequest, ListAccountsForProvisionedPermissionSetResponse>("ListAccountsForProvisionedPermissionSet", r =>
        {
            var set = Set(r.InstanceArn, r.PermissionSetArn);
            var accounts = set.ProvisionedTo.Where(p => ProvisioningMatches(p.Value, r.ProvisioningStatus)).Select(p => p.Key).ToList();
            var page = State.Paging.Page(accounts, r.MaxResults, r.NextToken, $"ListAccountsForProvisioned|{set.Arn}|{r.ProvisioningStatus}", out var next);
            return new ListAccountsForProvisionedPermissionSetResponse { AccountIds = page, NextToken = next };
        });
        On<ListPermissionSetsProvisionedToAccountRequest, ListPermissionSetsProvisionedToAccountResponse>("ListPermissionSetsProvisionedToAccount", r =>
        {
            Instance(r.InstanceArn);
            var sets = State.PermissionSets.Items.Where(s => s.ProvisionedTo.TryGetValue(r.AccountId!, out var latest) && ProvisioningMatches(latest, r.ProvisioningStatus))
                .Select(s => s.Arn).ToList();
            var page = State.Paging.Page(sets, r.MaxResults, r.NextToken, $"ListPermissionSetsProvisionedToAccount|{r.AccountId}|{r.ProvisioningStatus}", out var next);
            return new ListPermissionSetsProvisionedToAccountResponse { PermissionSets = page, NextToken = next };
        });
        On<CreateAccountAssignmentRequest, CreateAccountAssignmentResponse>("CreateAccountAssignment", CreateAssignment);
        On<DeleteAccountAssignmentRequest, DeleteAccountAssignmentResponse>("DeleteAccountAssignment", DeleteAssignment);
        On<DescribeAccountAssignmentCreationStatusRequest, DescribeAccountAssignmentCreationStatusResponse>("DescribeAccountAssignmentCreationStatus", r =>
            new DescribeAccountAssignmentCreationStatusResponse { AccountAssignmentCreationStatus = AssignmentView(Request(r.InstanceArn, r.AccountAssignmentCreationRequestId, SandboxRequestKind.AssignmentCreation)) });
        On<DescribeAccountAssignmentDeletionStatusRequest, DescribeAccountAssignmentDeletionStatusResponse>("DescribeAccountAssignmentDeletionStatus", r =>
            new DescribeAccountAssignmentDeletionStatusResponse { AccountAssignmentDeletionStatus = AssignmentView(Request(r.InstanceArn, r.AccountAssignmentDeletionRequestId, SandboxRequestKind.AssignmentDeletion)) });
        On<ListAccountAssignmentCreationStatusRequest, ListAccountAssignmentCreationStatusResponse>("ListAccountAssignmentCreationStatus", r =>
        {
            var page = Statuses(r.InstanceArn, SandboxRequestKind.AssignmentCreation, r.Filter, r.MaxResults, r.NextToken, out var next);
            return new ListAccountAssignmentCreationStatusResponse { AccountAssignmentsCreationStatus = page.Select(Metadata).ToList(), NextToken = next };
        });
        On<ListAccountAssignmentDeletionStatusRequest, ListAccountAssignmentDeletionStatusResponse>("ListAccountAssignmentDeletionStatus", r =>
        {
            var page = Statuses(r.InstanceArn, SandboxRequestKind.AssignmentDeletion, r.Filter, r.MaxResults, r.NextToken, out var next);
            return new ListAccountAssignmentDeletionStatusResponse { AccountAssignmentsDeletionStatus = page.Select(Metadata).ToList(), NextToken = next };
        });
        On<ListAccountAssignmentsRequest, ListAccountAssignmentsResponse>("ListAccountAssignments", r =>
        {
            var set = Set(r.InstanceArn, r.PermissionSetArn);
            var all = State.Assignments.Where(a => a.AccountId == r.AccountId && a.PermissionSetArn == set.Arn).ToList();
            var page = State.Paging.Page(all, r.MaxResults, r.NextToken, $"ListAccountAssignments|{r.AccountId}|{set.Arn}", out var next);
            return new ListAccountAssignmentsResponse
            {
                AccountAssignments = page.Select(a => new AccountAssignment { AccountId = a.AccountId, PermissionSetArn = a.PermissionSetArn, PrincipalType = a.PrincipalType, PrincipalId = a.PrincipalId }).ToList(),
                NextToken = next,
            };
        });
        On<ListAccountAssignmentsForPrincipalRequest, ListAccountAssignmentsForPrincipalResponse>("ListAccountAssignmentsForPrincipal", r =>
        {
            Instance(r.InstanceArn);
            var all = State.Assignments.Where(a => a.PrincipalId == r.PrincipalId && a.PrincipalType == r.PrincipalType
                                                   && (r.Filter?.AccountId == null || a.AccountId == r.Filter.AccountId)).ToList();
            var page = State.Paging.Page(all, r.MaxResults, r.NextToken, $"ListAccountAssignmentsForPrincipal|{r.PrincipalType}|{r.PrincipalId}|{r.Filter?.AccountId}", out var next);
            return new ListAccountAssignmentsForPrincipalResponse
            {
                AccountAssignments = page.Select(a => new AccountAssignmentForPrincipal { AccountId = a.AccountId, PermissionSetArn = a.PermissionSetArn, PrincipalType = a.PrincipalType, PrincipalId = a.PrincipalId }).ToList(),
                NextToken = next,
            };
        });
    }

    // ---- instance ---------------------------------------------------------------------------------------------

    private ListInstancesResponse ListInstances(ListInstancesRequest r)
    {
        var all = new List<InstanceMetadata>
        {
            new()
            {
                InstanceArn = State.InstanceArn, IdentityStoreId = State.IdentityStoreId, OwnerAccountId = State.Organization?.ManagementAccountId,
                Name = "IdcAdmin sandbox", CreatedDate = State.InstanceCreated, Status = "ACTIVE",
            },
        };
        var page = State.Paging.Page(all, r.MaxResults, r.NextToken, "ListInstances", out var next);
        return new ListInstancesResponse { Instances = page, NextToken = next };
    }

    private DescribeInstanceResponse DescribeInstance(DescribeInstanceRequest r)
    {
        Instance(r.InstanceArn);
        return new DescribeInstanceResponse
        {
            InstanceArn = State.InstanceArn, IdentityStoreId = State.IdentityStoreId, OwnerAccountId = State.Organization?.ManagementAccountId,
            Name = "IdcAdmin sandbox", CreatedDate = State.InstanceCreated, Status = "ACTIVE",
        };
    }

    // ---- permission sets --------------------------------------------------------------------------------------

    private CreatePermissionSetResponse CreatePermissionSet(CreatePermissionSetRequest r)
    {
        Instance(r.InstanceArn);
        CheckDuration(r.SessionDuration);
        if (State.PermissionSets.Items.Any(p => string.Equals(p.Name, r.Name, StringComparison.OrdinalIgnoreCase)))
            throw SandboxError.Conflict($"PermissionSet with name {r.Name} already exists.");
        CheckTags(new List<Tag>(), r.Tags);
        var arn = $"arn:aws:sso:::permissionSet/{State.InstanceId}/ps-{State.Ids.Hex(16)}";
        var set = new SandboxPermissionSet
        {
            Arn = arn, Name = r.Name!, Description = r.Description, SessionDuration = r.SessionDuration ?? "PT1H", RelayState = r.RelayState, CreatedDate = Now,
        };
        if (r.Tags != null) set.Tags.AddRange(r.Tags);
        State.PermissionSets.Add(arn, set);
        return new CreatePermissionSetResponse { PermissionSet = View(set) };
    }

    private UpdatePermissionSetResponse UpdatePermissionSet(UpdatePermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        CheckDuration(r.SessionDuration);
        if (r.Description != null) set.Description = r.Description;
        if (r.SessionDuration != null) set.SessionDuration = r.SessionDuration;
        if (r.RelayState != null) set.RelayState = r.RelayState;
        set.MarkOutdated();
        return new UpdatePermissionSetResponse();
    }

    private DeletePermissionSetResponse DeletePermissionSet(DeletePermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (State.Assignments.Any(a => a.PermissionSetArn == set.Arn))
            throw SandboxError.Conflict($"The permission set {set.Name} is still assigned to principals in AWS accounts; delete those assignments first.");
        State.PermissionSets.Remove(set.Arn);
        return new DeletePermissionSetResponse();
    }

    private AttachManagedPolicyToPermissionSetResponse AttachManaged(AttachManagedPolicyToPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (set.ManagedPolicyArns.Contains(r.ManagedPolicyArn!, StringComparer.Ordinal))
            throw SandboxError.Conflict($"The managed policy {r.ManagedPolicyArn} is already attached to the permission set.");
        CheckPolicyQuota(set);
        set.ManagedPolicyArns.Add(r.ManagedPolicyArn!);
        set.MarkOutdated();
        return new AttachManagedPolicyToPermissionSetResponse();
    }

    private DetachManagedPolicyFromPermissionSetResponse DetachManaged(DetachManagedPolicyFromPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (!set.ManagedPolicyArns.Remove(r.ManagedPolicyArn!))
            throw SandboxError.NotFound($"The managed policy {r.ManagedPolicyArn} is not attached to the permission set.");
        set.MarkOutdated();
        return new DetachManagedPolicyFromPermissionSetResponse();
    }

    private AttachCustomerManagedPolicyReferenceToPermissionSetResponse AttachCustomer(AttachCustomerManagedPolicyReferenceToPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        var reference = r.CustomerManagedPolicyReference!;
        if (set.CustomerManagedPolicies.Any(c => SameReference(c, reference)))
            throw SandboxError.Conflict($"The customer managed policy {reference.Name} is already attached to the permission set.");
        CheckPolicyQuota(set);
        set.CustomerManagedPolicies.Add(new CustomerManagedPolicyReference { Name = reference.Name, Path = reference.Path ?? "/" });
        set.MarkOutdated();
        return new AttachCustomerManagedPolicyReferenceToPermissionSetResponse();
    }

    private DetachCustomerManagedPolicyReferenceFromPermissionSetResponse DetachCustomer(DetachCustomerManagedPolicyReferenceFromPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (set.CustomerManagedPolicies.RemoveAll(c => SameReference(c, r.CustomerManagedPolicyReference!)) == 0)
            throw SandboxError.NotFound($"The customer managed policy {r.CustomerManagedPolicyReference!.Name} is not attached to the permission set.");
        set.MarkOutdated();
        return new DetachCustomerManagedPolicyReferenceFromPermissionSetResponse();
    }

    private static bool SameReference(CustomerManagedPolicyReference a, CustomerManagedPolicyReference b) =>
        a.Name == b.Name && (a.Path ?? "/") == (b.Path ?? "/");

    private PutInlinePolicyToPermissionSetResponse PutInline(PutInlinePolicyToPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        try { using var _ = JsonDocument.Parse(r.InlinePolicy!); }
        catch (JsonException) { throw SandboxError.Validation("The inline policy is not a valid JSON policy document."); }
        set.InlinePolicy = r.InlinePolicy;
        set.MarkOutdated();
        return new PutInlinePolicyToPermissionSetResponse();
    }

    private PutPermissionsBoundaryToPermissionSetResponse PutBoundary(PutPermissionsBoundaryToPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        var b = r.PermissionsBoundary!;
        if ((b.ManagedPolicyArn == null) == (b.CustomerManagedPolicyReference == null))
            throw SandboxError.Validation("A permissions boundary is either an AWS managed policy ARN or a customer managed policy reference, not both or neither.");
        set.Boundary = b.CustomerManagedPolicyReference == null ? new PermissionsBoundary { ManagedPolicyArn = b.ManagedPolicyArn }
            : new PermissionsBoundary { CustomerManagedPolicyReference = new CustomerManagedPolicyReference { Name = b.CustomerManagedPolicyReference.Name, Path = b.CustomerManagedPolicyReference.Path ?? "/" } };
        set.MarkOutdated();
        return new PutPermissionsBoundaryToPermissionSetResponse();
    }

    private TagResourceResponse TagResource(TagResourceRequest r)
    {
        var set = Tagged(r.InstanceArn, r.ResourceArn);
        CheckTags(set.Tags, r.Tags);
        foreach (var tag in r.Tags!)
        {
            set.Tags.RemoveAll(t => t.Key == tag.Key);
            set.Tags.Add(new Tag { Key = tag.Key, Value = tag.Value });
        }
        return new TagResourceResponse();
    }

    private static void CheckTags(List<Tag> existing, List<Tag>? added)
    {
        if (added == null) return;
        if (added.Any(t => t.Key!.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
            throw SandboxError.Validation("Tag keys beginning with aws: are reserved for AWS use.");
        var keys = new HashSet<string>(existing.Select(t => t.Key!), StringComparer.Ordinal);
        keys.UnionWith(added.Select(t => t.Key!));
        if (keys.Count > TagQuota) throw new SandboxError("ServiceQuotaExceededException", $"A resource can have at most {TagQuota} tags.");
    }

    private void CheckPolicyQuota(SandboxPermissionSet set)
    {
        if (set.ManagedPolicyArns.Count + set.CustomerManagedPolicies.Count >= PolicyQuota)
            throw new SandboxError("ServiceQuotaExceededException", $"A permission set can have at most {PolicyQuota} AWS managed and customer managed policies attached.");
    }

    // "The length of time that the application user sessions are valid for in the ISO-8601 standard": 1 to 12 hours.
    private static void CheckDuration(string? duration)
    {
        if (duration == null) return;
        TimeSpan span;
        try { span = System.Xml.XmlConvert.ToTimeSpan(duration); }
        catch (FormatException) { throw SandboxError.Validation($"The session duration {duration} is not an ISO-8601 duration."); }
        if (span < TimeSpan.FromHours(1) || span > TimeSpan.FromHours(12))
            throw SandboxError.Validation($"The session duration {duration} must be between 1 hour (PT1H) and 12 hours (PT12H).");
    }

    private PermissionSet View(SandboxPermissionSet s) => new()
    {
        Name = s.Name, PermissionSetArn = s.Arn, Description = s.Description, CreatedDate = s.CreatedDate, SessionDuration = s.SessionDuration, RelayState = s.RelayState,
    };

    private SandboxPermissionSet Tagged(string? instanceArn, string? resourceArn)
    {
        if (instanceArn != null) Instance(instanceArn);
        return State.PermissionSets.TryGet(resourceArn, out var s) ? s : throw SandboxError.NotFound($"The resource {resourceArn} does not exist or cannot be tagged.");
    }

    // ---- provisioning -----------------------------------------------------------------------------------------

    private ProvisionPermissionSetResponse Provision(ProvisionPermissionSetRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        List<string> targets;
        if (r.TargetType == "AWS_ACCOUNT")
        {
            if (string.IsNullOrEmpty(r.TargetId)) throw SandboxError.Validation("TargetId is required when TargetType is AWS_ACCOUNT.");
            targets = new List<string> { r.TargetId! };
        }
        else
        {
            if (r.TargetId != null) throw SandboxError.Validation("TargetId must not be given when TargetType is ALL_PROVISIONED_ACCOUNTS.");
            targets = set.ProvisionedTo.Keys.ToList();
        }
        var request = Start(SandboxRequestKind.Provisioning, () =>
        {
            if (!State.PermissionSets.TryGet(set.Arn, out _)) return "The permission set was deleted before it could be provisioned";
            var outside = targets.Where(t => !State.IsActiveMember(t)).ToList();
            if (outside.Count > 0) return $"Account {string.Join(", ", outside)} is not an active member of the organization";
            foreach (var t in targets) set.ProvisionedTo[t] = true;
            return null;
        });
        request.PermissionSetArn = set.Arn;
        request.AccountId = r.TargetType == "AWS_ACCOUNT" ? r.TargetId : null;
        return new ProvisionPermissionSetResponse { PermissionSetProvisioningStatus = ProvisioningView(request) };
    }

    private static bool ProvisioningMatches(bool latest, string? filter) => filter switch
    {
        "LATEST_PERMISSION_SET_PROVISIONED" => latest,
        "LATEST_PERMISSION_SET_NOT_PROVISIONED" => !latest,
        _ => true,
    };

    private static PermissionSetProvisioningStatus ProvisioningView(SandboxAsyncRequest q) => new()
    {
        Status = q.Status, RequestId = q.RequestId, AccountId = q.AccountId, PermissionSetArn = q.PermissionSetArn, FailureReason = q.FailureReason, CreatedDate = q.CreatedDate,
    };

    // ---- assignments ------------------------------------------------------------------------------------------

    private CreateAccountAssignmentResponse CreateAssignment(CreateAccountAssignmentRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (State.Assignments.Any(a => a.Matches(r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId)) || Pending(SandboxRequestKind.AssignmentCreation, r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId))
            throw SandboxError.Conflict("The account assignment already exists, or its creation is in progress.");
        var request = Start(SandboxRequestKind.AssignmentCreation, () =>
        {
            if (!State.IsActiveMember(r.TargetId!)) return $"Received a 400 status error: The account {r.TargetId} is not an active member of the organization {State.Organization?.Id ?? "(none)"}";
            if (!PrincipalExists(r.PrincipalType, r.PrincipalId)) return $"Received a 404 status error: The {r.PrincipalType!.ToLowerInvariant()} {r.PrincipalId} does not exist in the identity store";
            if (!State.PermissionSets.TryGet(set.Arn, out _)) return "Received a 404 status error: The permission set no longer exists";
            State.Assignments.Add(new SandboxAssignment { AccountId = r.TargetId!, PermissionSetArn = set.Arn, PrincipalType = r.PrincipalType!, PrincipalId = r.PrincipalId! });
            // "As part of a successful CreateAccountAssignment call, the specified permission set will automatically be provisioned to the account."
            set.ProvisionedTo[r.TargetId!] = true;
            return null;
        });
        Describe(request, r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId);
        return new CreateAccountAssignmentResponse { AccountAssignmentCreationStatus = AssignmentView(request) };
    }

    private DeleteAccountAssignmentResponse DeleteAssignment(DeleteAccountAssignmentRequest r)
    {
        var set = Set(r.InstanceArn, r.PermissionSetArn);
        if (!State.Assignments.Any(a => a.Matches(r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId)))
            throw SandboxError.NotFound("The account assignment does not exist.");
        var request = Start(SandboxRequestKind.AssignmentDeletion, () =>
        {
            State.Assignments.RemoveAll(a => a.Matches(r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId));
            // The set's role leaves the account with its last assignment there.
            if (!State.Assignments.Any(a => a.AccountId == r.TargetId && a.PermissionSetArn == set.Arn)) set.ProvisionedTo.Remove(r.TargetId!);
            return null;
        });
        Describe(request, r.TargetId, set.Arn, r.PrincipalType, r.PrincipalId);
        return new DeleteAccountAssignmentResponse { AccountAssignmentDeletionStatus = AssignmentView(request) };
    }

    private bool PrincipalExists(string? type, string? id) => type == "USER"
        ? State.Users.TryGet(id, out _)
        : State.Groups.TryGet(id, out _);

    private bool Pending(SandboxRequestKind kind, string? account, string arn, string? type, string? principal) =>
        State.Requests.Items.Any(q => q.Kind == kind && q.Status == "IN_PROGRESS" && q.AccountId == account && q.PermissionSetArn == arn && q.PrincipalType == type && q.PrincipalId == principal);

    private static void Describe(SandboxAsyncRequest q, string? account, string arn, string? type, string? principal)
    {
        q.AccountId = account;
        q.PermissionSetArn = arn;
        q.PrincipalType = type;
        q.PrincipalId = principal;
    }

    private static AccountAssignmentOperationStatus AssignmentView(SandboxAsyncRequest q) => new()
    {
        Status = q.Status, RequestId = q.RequestId, FailureReason = q.FailureReason, TargetId = q.AccountId, TargetType = "AWS_ACCOUNT",
        PermissionSetArn = q.PermissionSetArn, PrincipalType = q.PrincipalType, PrincipalId = q.PrincipalId, CreatedDate = q.CreatedDate,
    };

    private static AccountAssignmentOperationStatusMetadata Metadata(SandboxAsyncRequest q) => new() { Status = q.Status, RequestId = q.RequestId, CreatedDate = q.CreatedDate };

    // ---- asynchronous requests --------------------------------------------------------------------------------

    private SandboxAsyncRequest Start(SandboxRequestKind kind, Func<string?> complete)
    {
        var request = new SandboxAsyncRequest(State.Ids.Guid(), kind, Now, Now + State.Options.OperationDelay, complete);
        State.Requests.Add(request.RequestId, request);
        return request;
    }

    private SandboxAsyncRequest Request(string? instanceArn, string? requestId, SandboxRequestKind kind)
    {
        Instance(instanceArn);
        return State.Requests.TryGet(requestId, out var q) && q.Kind == kind ? q : throw SandboxError.NotFound($"The request {requestId} does not exist.");
    }

    private List<SandboxAsyncRequest> Statuses(string? instanceArn, SandboxRequestKind kind, OperationStatusFilter? filter, int? maxResults, string? token, out string? next)
    {
        Instance(instanceArn);
        var all = State.Requests.Items.Where(q => q.Kind == kind && (filter?.Status == null || q.Status == filter.Status)).ToList();
        return State.Paging.Page(all, maxResults, token, $"Statuses|{kind}|{filter?.Status}", out next);
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private void Instance(string? instanceArn)
    {
        if (!string.Equals(instanceArn, State.InstanceArn, StringComparison.Ordinal))
            throw SandboxError.NotFound($"The instance {instanceArn} does not exist.");
    }

    private SandboxPermissionSet Set(string? instanceArn, string? arn)
    {
        Instance(instanceArn);
        return State.PermissionSets.TryGet(arn, out var s) ? s : throw SandboxError.NotFound($"Could not find PermissionSet with PermissionSetArn {arn}.");
    }
}
