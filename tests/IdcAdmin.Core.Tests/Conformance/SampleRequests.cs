using IS = IdcAdmin.Core.IdentityStore.Model;
using ORG = IdcAdmin.Core.Organizations.Model;
using SA = IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Tests.Conformance;

/// <summary>
/// A realistic request for every operation the clients expose, as the module would build it; each is serialized and
/// validated against the official input shape. An operation without a sample fails the coverage test.
/// </summary>
public static class SampleRequests
{
    public const string IdentityStoreId = "d-9067230d4f";
    public const string UserId = "9067230d4f-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    public const string GroupId = "9067230d4f-1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e";
    public const string MembershipId = "9067230d4f-2c3d4e5f-6a7b-8c9d-0e1f-2a3b4c5d6e7f";
    public const string InstanceArn = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
    public const string PermissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";
    public const string AccountId = "123456789012";
    public const string RequestId = "b5f4a0c2-3d1e-4f6a-9b8c-7d6e5f4a3b2c";
    public const string ManagedPolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    public const string RootId = "r-ab12";
    public const string OuId = "ou-ab12-cd34ef56";
    public const string Token = "AAMA-EFRSURBSGhYZ2VhZ2VMZ2Zz/c2l0ZQ==";

    private static readonly Lazy<IReadOnlyList<object>> Catalog = new(() => IdentityStore().Concat(SsoAdmin()).Concat(Organizations()).ToArray());

    public static IReadOnlyList<object> All => Catalog.Value;

    private static IEnumerable<object> IdentityStore()
    {
        var member = new IS.MemberId { UserId = UserId };
        yield return new IS.CreateUserRequest
        {
            IdentityStoreId = IdentityStoreId, UserName = "alice@example.com", DisplayName = "Alice Doe", NickName = "Ali",
            Name = new IS.Name { GivenName = "Alice", FamilyName = "Doe", Formatted = "Alice Doe", MiddleName = "M", HonorificPrefix = "Dr." },
            Emails = new() { new IS.Email { Value = "alice@example.com", Type = "work", Primary = true } },
            PhoneNumbers = new() { new IS.PhoneNumber { Value = "+1 555 0100", Type = "work", Primary = true } },
            Addresses = new() { new IS.Address { StreetAddress = "1 Main St", Locality = "Seattle", Region = "WA", PostalCode = "98101", Country = "US", Type = "work", Primary = true } },
            Title = "Platform Engineer", UserType = "Employee", PreferredLanguage = "en-US", Locale = "en-US", Timezone = "America/Los_Angeles",
            ProfileUrl = "https://example.com/alice", Website = "https://example.com", Birthdate = "1990-01-31",
            Photos = new() { new IS.Photo { Value = "https://example.com/alice.png", Type = "photo", Primary = true } },
            Roles = new() { new IS.Role { Value = "admin", Type = "work", Primary = true } },
        };
        yield return new IS.DescribeUserRequest { IdentityStoreId = IdentityStoreId, UserId = UserId };
        yield return new IS.UpdateUserRequest
        {
            IdentityStoreId = IdentityStoreId, UserId = UserId,
            Operations = new() { new IS.AttributeOperation { AttributePath = "name.givenName", AttributeValue = "Alicia" }, new IS.AttributeOperation { AttributePath = "title" } },
        };
        yield return new IS.DeleteUserRequest { IdentityStoreId = IdentityStoreId, UserId = UserId };
        yield return new IS.ListUsersRequest { IdentityStoreId = IdentityStoreId, MaxResults = 100, NextToken = Token };
        yield return new IS.GetUserIdRequest
        {
            IdentityStoreId = IdentityStoreId,
            AlternateIdentifier = new IS.AlternateIdentifier { UniqueAttribute = new IS.UniqueAttribute { AttributePath = "userName", AttributeValue = "alice@example.com" } },
        };
        yield return new IS.CreateGroupRequest { IdentityStoreId = IdentityStoreId, DisplayName = "Platform Admins", Description = "Administrators of the platform accounts" };
        yield return new IS.DescribeGroupRequest { IdentityStoreId = IdentityStoreId, GroupId = GroupId };
        yield return new IS.UpdateGroupRequest
        {
            IdentityStoreId = IdentityStoreId, GroupId = GroupId,
            Operations = new() { new IS.AttributeOperation { AttributePath = "description", AttributeValue = "Admins" } },
        };
        yield return new IS.DeleteGroupRequest { IdentityStoreId = IdentityStoreId, GroupId = GroupId };
        yield return new IS.ListGroupsRequest { IdentityStoreId = IdentityStoreId, MaxResults = 50 };
        yield return new IS.GetGroupIdRequest
        {
            IdentityStoreId = IdentityStoreId,
            AlternateIdentifier = new IS.AlternateIdentifier { ExternalId = new IS.ExternalId { Issuer = "https://scim.example.com", Id = "group-42" } },
        };
        yield return new IS.CreateGroupMembershipRequest { IdentityStoreId = IdentityStoreId, GroupId = GroupId, MemberId = member };
        yield return new IS.DeleteGroupMembershipRequest { IdentityStoreId = IdentityStoreId, MembershipId = MembershipId };
        yield return new IS.DescribeGroupMembershipRequest { IdentityStoreId = IdentityStoreId, MembershipId = MembershipId };
        yield return new IS.GetGroupMembershipIdRequest { IdentityStoreId = IdentityStoreId, GroupId = GroupId, MemberId = member };
        yield return new IS.ListGroupMembershipsRequest { IdentityStoreId = IdentityStoreId, GroupId = GroupId, MaxResults = 100, NextToken = Token };
        yield return new IS.ListGroupMembershipsForMemberRequest { IdentityStoreId = IdentityStoreId, MemberId = member, MaxResults = 100 };
        yield return new IS.IsMemberInGroupsRequest { IdentityStoreId = IdentityStoreId, MemberId = member, GroupIds = new() { GroupId } };
    }

    private static IEnumerable<object> SsoAdmin()
    {
        var policyRef = new SA.CustomerManagedPolicyReference { Name = "ReadOnlyBilling", Path = "/platform/" };
        var tags = new List<SA.Tag> { new() { Key = "team", Value = "platform" }, new() { Key = "cost-center", Value = "" } };
        yield return new SA.ListInstancesRequest { MaxResults = 10 };
        yield return new SA.DescribeInstanceRequest { InstanceArn = InstanceArn };
        yield return new SA.CreateInstanceRequest { Name = "workload-instance", ClientToken = "c3f1e0f2-8d4b-4a51-a1f3-0e9e0c7b9d21", Tags = tags };
        yield return new SA.CreatePermissionSetRequest
        {
            InstanceArn = InstanceArn, Name = "AdministratorAccess", Description = "Full access for platform admins",
            SessionDuration = "PT1H", RelayState = "https://console.aws.amazon.com/ec2/home?region=us-east-1#Instances:", Tags = tags,
        };
        yield return new SA.DescribePermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.UpdatePermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, Description = "Read only", SessionDuration = "PT12H" };
        yield return new SA.DeletePermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.ListPermissionSetsRequest { InstanceArn = InstanceArn, MaxResults = 100, NextToken = Token };
        yield return new SA.AttachManagedPolicyToPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, ManagedPolicyArn = ManagedPolicyArn };
        yield return new SA.DetachManagedPolicyFromPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, ManagedPolicyArn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess" };
        yield return new SA.ListManagedPoliciesInPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, MaxResults = 100 };
        yield return new SA.AttachCustomerManagedPolicyReferenceToPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, CustomerManagedPolicyReference = policyRef };
        yield return new SA.DetachCustomerManagedPolicyReferenceFromPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, CustomerManagedPolicyReference = new SA.CustomerManagedPolicyReference { Name = "ReadOnlyBilling" } };
        yield return new SA.ListCustomerManagedPolicyReferencesInPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, MaxResults = 100 };
        yield return new SA.PutInlinePolicyToPermissionSetRequest
        {
            InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn,
            InlinePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}",
        };
        yield return new SA.GetInlinePolicyForPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.DeleteInlinePolicyFromPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.PutPermissionsBoundaryToPermissionSetRequest
        {
            InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn,
            PermissionsBoundary = new SA.PermissionsBoundary { ManagedPolicyArn = "arn:aws:iam::aws:policy/PowerUserAccess" },
        };
        yield return new SA.GetPermissionsBoundaryForPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.DeletePermissionsBoundaryFromPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn };
        yield return new SA.TagResourceRequest { InstanceArn = InstanceArn, ResourceArn = PermissionSetArn, Tags = tags };
        yield return new SA.UntagResourceRequest { InstanceArn = InstanceArn, ResourceArn = PermissionSetArn, TagKeys = new() { "team" } };
        yield return new SA.ListTagsForResourceRequest { InstanceArn = InstanceArn, ResourceArn = PermissionSetArn, NextToken = Token };
        yield return new SA.ProvisionPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, TargetType = SA.ProvisionTargetTypeValues.AllProvisionedAccounts };
        yield return new SA.DescribePermissionSetProvisioningStatusRequest { InstanceArn = InstanceArn, ProvisionPermissionSetRequestId = RequestId };
        yield return new SA.ListPermissionSetProvisioningStatusRequest { InstanceArn = InstanceArn, Filter = new SA.OperationStatusFilter { Status = SA.StatusValuesValues.InProgress } };
        yield return new SA.ListAccountsForProvisionedPermissionSetRequest { InstanceArn = InstanceArn, PermissionSetArn = PermissionSetArn, ProvisioningStatus = "LATEST_PERMISSION_SET_NOT_PROVISIONED" };
        yield return new SA.ListPermissionSetsProvisionedToAccountRequest { InstanceArn = InstanceArn, AccountId = AccountId, ProvisioningStatus = "LATEST_PERMISSION_SET_PROVISIONED", MaxResults = 100 };
        yield return new SA.CreateAccountAssignmentRequest
        {
            InstanceArn = InstanceArn, TargetId = AccountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = PermissionSetArn, PrincipalType = "GROUP", PrincipalId = GroupId,
        };
        yield return new SA.DeleteAccountAssignmentRequest
        {
            InstanceArn = InstanceArn, TargetId = AccountId, TargetType = "AWS_ACCOUNT", PermissionSetArn = PermissionSetArn, PrincipalType = "USER", PrincipalId = UserId,
        };
        yield return new SA.DescribeAccountAssignmentCreationStatusRequest { InstanceArn = InstanceArn, AccountAssignmentCreationRequestId = RequestId };
        yield return new SA.DescribeAccountAssignmentDeletionStatusRequest { InstanceArn = InstanceArn, AccountAssignmentDeletionRequestId = RequestId };
        yield return new SA.ListAccountAssignmentCreationStatusRequest { InstanceArn = InstanceArn, Filter = new SA.OperationStatusFilter { Status = "FAILED" }, MaxResults = 100 };
        yield return new SA.ListAccountAssignmentDeletionStatusRequest { InstanceArn = InstanceArn, Filter = new SA.OperationStatusFilter { Status = "SUCCEEDED" } };
        yield return new SA.ListAccountAssignmentsRequest { InstanceArn = InstanceArn, AccountId = AccountId, PermissionSetArn = PermissionSetArn, MaxResults = 100 };
        yield return new SA.ListAccountAssignmentsForPrincipalRequest
        {
            InstanceArn = InstanceArn, PrincipalId = UserId, PrincipalType = "USER", Filter = new SA.ListAccountAssignmentsFilter { AccountId = AccountId }, MaxResults = 100,
        };
    }

    private static IEnumerable<object> Organizations()
    {
        var tags = new List<ORG.Tag> { new() { Key = "team", Value = "platform" } };
        yield return new ORG.DescribeOrganizationRequest();
        yield return new ORG.ListRootsRequest { MaxResults = 20 };
        yield return new ORG.ListOrganizationalUnitsForParentRequest { ParentId = RootId, MaxResults = 20, NextToken = Token };
        yield return new ORG.DescribeOrganizationalUnitRequest { OrganizationalUnitId = OuId };
        yield return new ORG.ListAccountsRequest { MaxResults = 20 };
        yield return new ORG.ListAccountsForParentRequest { ParentId = OuId, MaxResults = 20 };
        yield return new ORG.DescribeAccountRequest { AccountId = AccountId };
        yield return new ORG.ListParentsRequest { ChildId = AccountId };
        yield return new ORG.CreateOrganizationRequest { FeatureSet = "ALL" };
        yield return new ORG.CreateOrganizationalUnitRequest { ParentId = RootId, Name = "Workloads", Tags = tags };
        yield return new ORG.CreateAccountRequest
        {
            Email = "workload-prod@example.com", AccountName = "Workload Prod", RoleName = "OrganizationAccountAccessRole", IamUserAccessToBilling = "DENY", Tags = tags,
        };
        yield return new ORG.DescribeCreateAccountStatusRequest { CreateAccountRequestId = "car-0123456789abcdef" };
        yield return new ORG.MoveAccountRequest { AccountId = AccountId, SourceParentId = RootId, DestinationParentId = "ou-ab12-cd34ef56" };
        yield return new ORG.CloseAccountRequest { AccountId = AccountId };
    }
}
