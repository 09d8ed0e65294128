using IdcAdmin.Core.Access;
using IdcAdmin.Core.Assignments;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.PermissionSets;
using IdcAdmin.Core.Reporting;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Access;
using IdcAdmin.Core.Tests.Infrastructure;
using IdcAdmin.Core.Tests.PermissionSets;
using Xunit;

namespace IdcAdmin.Core.Tests.Reliability;

/// <summary>
/// Each write the module sends, with its first reply lost after moto applied it (a dropped connection, or a 500):
/// the call reports success, leaves no duplicate and no orphan, and the end state is the one asked for. moto accepts
/// duplicate permission sets and memberships, so a blind resend would show here as a second object.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LostReplyMotoTests
{
    private const string Region = "ap-southeast-2";
    private const string Account = "123456789012";
    private const string Inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""";
    private readonly MotoServer _moto;

    public LostReplyMotoTests(MotoServer moto) => _moto = moto;

    /// <summary>The writes moto implements (or <see cref="MotoGapsHandler"/> stands in for), each lost as a drop and as a 500.</summary>
    public static readonly string[] MotoOperations =
    {
        "CreateUser", "CreateGroup", "CreateGroupMembership", "DeleteGroupMembership", "DeleteUser", "DeleteGroup",
        "CreatePermissionSet", "AttachManagedPolicyToPermissionSet", "AttachCustomerManagedPolicyReferenceToPermissionSet",
        "PutInlinePolicyToPermissionSet", "PutPermissionsBoundaryToPermissionSet",
        "UpdatePermissionSet", "DetachManagedPolicyFromPermissionSet", "DetachCustomerManagedPolicyReferenceFromPermissionSet",
        "DeleteInlinePolicyFromPermissionSet", "DeletePermissionsBoundaryFromPermissionSet", "TagResource", "UntagResource",
        "DeletePermissionSet", "CreateAccountAssignment", "DeleteAccountAssignment",
    };

    public static IEnumerable<object[]> Cases() =>
        from op in MotoOperations from serverError in new[] { false, true } select new object[] { op, serverError };

    private sealed class Sessions : IDisposable
    {
        public required IdcSession Clean { get; init; }
        public required IdcSession Faulty { get; init; }
        public required FaultInjectingHandler Faults { get; init; }
        public void Dispose() { Clean.Dispose(); Faulty.Dispose(); }
    }

    private async Task<Sessions> SessionsAsync(string operation, bool serverError)
    {
        var gaps = new MotoGapsHandler();
        var faults = new FaultInjectingHandler(gaps);
        (serverError ? faults.ServerErrorAfterApply : faults.DropReplyAfterApply).Add(operation);
        return new Sessions { Clean = await _moto.SessionAsync(Region, gaps), Faulty = await _moto.SessionAsync(Region, faults), Faults = faults };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_write_whose_reply_is_lost_after_it_was_applied_succeeds_once(string operation, bool serverError)
    {
        using var s = await SessionsAsync(operation, serverError);
        var ct = CancellationToken.None;
        switch (operation)
        {
            case "CreateUser":
            {
                var name = TestIdentity.UniqueName("lost");
                var users = new UserService(s.Faulty);
                var created = await users.CreateAsync(await users.PlanCreateAsync(new UserDefinition { UserName = name, GivenName = "Lost", FamilyName = "Reply", Email = name + "@example.com" }, false, ct), NullOutputWriter.Instance, ct);
                var found = await new UserService(s.Clean).GetAsync(name, ct);
                Assert.Equal(found.UserId, created.UserId);
                Assert.Single(await ListAsync(s.Clean.Connection.IdentityStore.PaginateListUsers(new ListUsersRequest { IdentityStoreId = s.Clean.IdentityStoreId }, ct)), u => u.UserName == name);
                break;
            }
            case "CreateGroup":
            {
                var name = TestIdentity.UniqueName("lost");
                var groups = new GroupService(s.Faulty);
                var created = await groups.CreateAsync(await groups.PlanCreateAsync(new GroupDefinition { DisplayName = name, Description = "d" }, false, ct), NullOutputWriter.Instance, ct);
                Assert.Equal((await new GroupService(s.Clean).GetAsync(name, ct)).GroupId, created.GroupId);
                Assert.Single(await ListAsync(s.Clean.Connection.IdentityStore.PaginateListGroups(new ListGroupsRequest { IdentityStoreId = s.Clean.IdentityStoreId }, ct)), g => g.DisplayName == name);
                break;
            }
            case "CreateGroupMembership":
            {
                var (_, userId) = await TestIdentity.UserAsync(s.Clean);
                var (_, groupId) = await TestIdentity.GroupAsync(s.Clean);
                var memberships = new MembershipService(s.Faulty);
                var member = await memberships.AddAsync(await memberships.PlanAsync(groupId, userId, ct), ct);
                var all = await MembersAsync(s.Clean, groupId);
                Assert.Equal(member.MembershipId, Assert.Single(all).MembershipId);
                break;
            }
            case "DeleteGroupMembership":
            {
                var (_, userId) = await TestIdentity.UserAsync(s.Clean);
                var (_, groupId) = await TestIdentity.GroupAsync(s.Clean);
                await TestIdentity.AddMemberAsync(s.Clean, groupId, userId);
                var memberships = new MembershipService(s.Faulty);
                await memberships.RemoveAsync(await memberships.PlanAsync(groupId, userId, ct), ct);
                Assert.Empty(await MembersAsync(s.Clean, groupId));
                break;
            }
            case "DeleteUser":
            {
                var (name, _) = await TestIdentity.UserAsync(s.Clean);
                var plan = await new UserService(s.Faulty).PlanRemoveAsync(name, ct);
                await PrincipalRemoval.RemoveAsync(s.Faulty, plan, false, NullOutputWriter.Instance, ct);
                Assert.Null(await new UserService(s.Clean).FindAsync(name, ct));
                break;
            }
            case "DeleteGroup":
            {
                var (name, _) = await TestIdentity.GroupAsync(s.Clean);
                var plan = await new GroupService(s.Faulty).PlanRemoveAsync(name, ct);
                await PrincipalRemoval.RemoveAsync(s.Faulty, plan, false, NullOutputWriter.Instance, ct);
                Assert.Null(await new GroupService(s.Clean).FindAsync(name, ct));
                break;
            }
            case "CreatePermissionSet" or "AttachManagedPolicyToPermissionSet" or "AttachCustomerManagedPolicyReferenceToPermissionSet"
                or "PutInlinePolicyToPermissionSet" or "PutPermissionsBoundaryToPermissionSet":
            {
                var name = TestIdentity.UniqueName("lost");
                var created = await new PermissionSetWriter(s.Faulty, NullOutputWriter.Instance).CreateAsync(FullSpec(name), ct);
                var arns = await ArnsNamedAsync(s.Clean, name);
                Assert.Equal(created.PermissionSetArn, Assert.Single(arns));
                var read = await new PermissionSetReader(s.Clean).ReadAsync(created.PermissionSetArn, PermissionSetDetail.All, ct);
                Assert.Equal(new[] { "ReadOnlyAccess" }, read.ManagedPolicies!.Select(p => p.Name));
                Assert.Equal(new CustomerManagedPolicyName("DataLakeRead", "/team/"), Assert.Single(read.CustomerManagedPolicies!));
                Assert.True(InlinePolicyDocument.AreEquivalent(Inline, read.InlinePolicy));
                Assert.NotNull(read.PermissionsBoundary);
                break;
            }
            case "UpdatePermissionSet" or "DetachManagedPolicyFromPermissionSet" or "DetachCustomerManagedPolicyReferenceFromPermissionSet"
                or "DeleteInlinePolicyFromPermissionSet" or "DeletePermissionsBoundaryFromPermissionSet" or "TagResource" or "UntagResource":
            {
                var name = TestIdentity.UniqueName("lost");
                var created = await new PermissionSetWriter(s.Clean, NullOutputWriter.Instance).CreateAsync(FullSpec(name), ct);
                var spec = PermissionSetValidator.Validate(new PermissionSetDefinition
                {
                    SessionDuration = TimeSpan.FromHours(8), ManagedPolicies = Array.Empty<string>(), CustomerManagedPolicies = Array.Empty<string>(),
                    RemoveInlinePolicy = true, RemovePermissionsBoundary = true, Tags = new Dictionary<string, string> { ["Team"] = "data" },
                }, forCreate: false);
                var plan = await new PermissionSetPlanner(s.Faulty).PlanUpdateAsync(created.PermissionSetArn, spec, ct);
                await new PermissionSetWriter(s.Faulty, NullOutputWriter.Instance).ApplyAsync(plan.Current!, plan.Changes, spec, ct);
                var read = await new PermissionSetReader(s.Clean).ReadAsync(created.PermissionSetArn, PermissionSetDetail.All, ct);
                Assert.Equal("PT8H", read.SessionDuration);
                Assert.Empty(read.ManagedPolicies!);
                Assert.Empty(read.CustomerManagedPolicies!);
                Assert.Null(read.InlinePolicy);
                Assert.Null(read.PermissionsBoundary);
                Assert.Equal(new Dictionary<string, string> { ["Team"] = "data" }, read.Tags);
                break;
            }
            case "DeletePermissionSet":
            {
                var (name, arn) = await TestIdentity.PermissionSetAsync(s.Clean);
                await new PermissionSetWriter(s.Faulty, NullOutputWriter.Instance).DeleteAsync(arn, ct);
                Assert.Empty(await ArnsNamedAsync(s.Clean, name));
                break;
            }
            case "CreateAccountAssignment":
            {
                var key = await AssignmentKeyAsync(s.Clean);
                var status = await AccountAssignmentCalls.StartCreateAsync(s.Faulty, key, ct);
                status = await AccountAssignmentCalls.WaitAsync(s.Faulty, status, deletion: false, ct);
                Assert.Equal(AccountAssignmentCalls.Succeeded, status.Status);
                Assert.Single(await ExistingAssignments.ForPairAsync(s.Clean, key.AccountId, key.PermissionSetArn, ct), k => k.Equals(key));
                break;
            }
            case "DeleteAccountAssignment":
            {
                var key = await AssignmentKeyAsync(s.Clean);
                await AccountAssignmentCalls.StartCreateAsync(s.Clean, key, ct);
                var status = await AccountAssignmentCalls.StartDeleteAsync(s.Faulty, key, ct);
                status = await AccountAssignmentCalls.WaitAsync(s.Faulty, status, deletion: true, ct);
                Assert.Equal(AccountAssignmentCalls.Succeeded, status.Status);
                Assert.DoesNotContain(key, await ExistingAssignments.ForPairAsync(s.Clean, key.AccountId, key.PermissionSetArn, ct));
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "No scenario.");
        }
        // The reply really was lost after the write was applied.
        Assert.Equal(1, s.Faults.AppliedThenLost);
    }

    private static PermissionSetSpec FullSpec(string name) => PermissionSetValidator.Validate(new PermissionSetDefinition
    {
        Name = name, Description = "lost replies", SessionDuration = TimeSpan.FromHours(2),
        ManagedPolicies = new[] { "ReadOnlyAccess" }, CustomerManagedPolicies = new[] { "/team/DataLakeRead" }, InlinePolicy = Inline,
        PermissionsBoundary = "PowerUserAccess", Tags = new Dictionary<string, string> { ["Owner"] = "data" },
    }, forCreate: true);

    private static async Task<AssignmentKey> AssignmentKeyAsync(IdcSession session)
    {
        var (_, userId) = await TestIdentity.UserAsync(session);
        var (_, arn) = await TestIdentity.PermissionSetAsync(session);
        return new AssignmentKey(Account, arn, PrincipalKind.User, userId);
    }

    private static async Task<List<string>> ArnsNamedAsync(IdcSession session, string name)
    {
        var arns = new List<string>();
        await foreach (var arn in session.Connection.SsoAdmin.PaginateListPermissionSets(new ListPermissionSetsRequest { InstanceArn = session.InstanceArn }))
        {
            var d = await session.Connection.SsoAdmin.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = session.InstanceArn, PermissionSetArn = arn });
            if (d.PermissionSet?.Name == name) arns.Add(arn);
        }
        return arns;
    }

    private static Task<List<GroupMembership>> MembersAsync(IdcSession session, string groupId) =>
        ListAsync(session.Connection.IdentityStore.PaginateListGroupMemberships(new ListGroupMembershipsRequest { IdentityStoreId = session.IdentityStoreId, GroupId = groupId }));

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items) list.Add(i);
        return list;
    }
}
