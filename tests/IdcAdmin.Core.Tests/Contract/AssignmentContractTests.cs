using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>Account assignments and provisioning, asynchronous in AWS: moto and the sandbox.</summary>
[Collection(MotoCollection.Name)]
public sealed class AssignmentContractTests
{
    private readonly MotoServer _moto;
    public AssignmentContractTests(MotoServer moto) => _moto = moto;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private sealed record Fixture(ContractBackend B, string Account, string PermissionSetArn, string GroupId);

    private static async Task<Fixture> ArrangeAsync(ContractBackend b)
    {
        var account = await b.NewAccountAsync(Unique("acct"), await b.RootAsync());
        var set = (await b.Session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = b.Session.InstanceArn, Name = Unique("asg"), SessionDuration = "PT1H" })).PermissionSet!;
        await b.Session.Connection.SsoAdmin.AttachManagedPolicyToPermissionSetAsync(new AttachManagedPolicyToPermissionSetRequest
            { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn, ManagedPolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" });
        var group = await b.Session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = b.Session.IdentityStoreId, DisplayName = Unique("asggrp") });
        return new Fixture(b, account, set.PermissionSetArn!, group.GroupId!);
    }

    private static CreateAccountAssignmentRequest Create(Fixture f, string? account = null) => new()
    {
        InstanceArn = f.B.Session.InstanceArn, TargetId = account ?? f.Account, TargetType = "AWS_ACCOUNT", PermissionSetArn = f.PermissionSetArn, PrincipalType = "GROUP", PrincipalId = f.GroupId,
    };

    private static Task<AccountAssignmentOperationStatus> WaitCreationAsync(Fixture f, string requestId) =>
        StatusPoller.UntilDoneAsync(async ct => (await f.B.Session.Connection.SsoAdmin.DescribeAccountAssignmentCreationStatusAsync(
                new DescribeAccountAssignmentCreationStatusRequest { InstanceArn = f.B.Session.InstanceArn, AccountAssignmentCreationRequestId = requestId }, ct)).AccountAssignmentCreationStatus!,
            s => s.Status != "IN_PROGRESS", ContractBackend.FastPolling, CancellationToken.None);

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task An_assignment_is_created_asynchronously_listed_both_ways_and_deleted(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var f = await ArrangeAsync(b);
        var sso = b.Session.Connection.SsoAdmin;

        var started = (await sso.CreateAccountAssignmentAsync(Create(f))).AccountAssignmentCreationStatus!;

        // docs/sandbox-vs-moto.md: AWS answers IN_PROGRESS and finishes later; moto answers SUCCEEDED at once.
        Assert.Equal(b.FollowsDocs ? "IN_PROGRESS" : "SUCCEEDED", started.Status);
        var done = await WaitCreationAsync(f, started.RequestId!);
        Assert.Equal("SUCCEEDED", done.Status);
        var onAccount = await sso.ListAccountAssignmentsAsync(new ListAccountAssignmentsRequest { InstanceArn = b.Session.InstanceArn, AccountId = f.Account, PermissionSetArn = f.PermissionSetArn });
        Assert.Equal(f.GroupId, Assert.Single(onAccount.AccountAssignments!).PrincipalId);
        var ofPrincipal = await sso.ListAccountAssignmentsForPrincipalAsync(new ListAccountAssignmentsForPrincipalRequest { InstanceArn = b.Session.InstanceArn, PrincipalId = f.GroupId, PrincipalType = "GROUP" });
        Assert.Equal(f.Account, Assert.Single(ofPrincipal.AccountAssignments!).AccountId);

        var deleted = (await sso.DeleteAccountAssignmentAsync(new DeleteAccountAssignmentRequest
        {
            InstanceArn = b.Session.InstanceArn, TargetId = f.Account, TargetType = "AWS_ACCOUNT", PermissionSetArn = f.PermissionSetArn, PrincipalType = "GROUP", PrincipalId = f.GroupId,
        })).AccountAssignmentDeletionStatus!;
        var gone = await StatusPoller.UntilDoneAsync(async ct => (await sso.DescribeAccountAssignmentDeletionStatusAsync(
                new DescribeAccountAssignmentDeletionStatusRequest { InstanceArn = b.Session.InstanceArn, AccountAssignmentDeletionRequestId = deleted.RequestId }, ct)).AccountAssignmentDeletionStatus!,
            s => s.Status != "IN_PROGRESS", ContractBackend.FastPolling, CancellationToken.None);
        Assert.Equal("SUCCEEDED", gone.Status);
        Assert.Empty((await sso.ListAccountAssignmentsAsync(new ListAccountAssignmentsRequest { InstanceArn = b.Session.InstanceArn, AccountId = f.Account, PermissionSetArn = f.PermissionSetArn })).AccountAssignments!);
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task An_assignment_to_an_account_outside_the_organization_fails_with_a_reason_where_checked(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var f = await ArrangeAsync(b);

        var started = (await b.Session.Connection.SsoAdmin.CreateAccountAssignmentAsync(Create(f, "999999999999"))).AccountAssignmentCreationStatus!;
        var done = await WaitCreationAsync(f, started.RequestId!);

        if (b.FollowsDocs)
        {
            Assert.Equal("FAILED", done.Status);
            Assert.Contains("999999999999", done.FailureReason);
        }
        else Assert.Equal("SUCCEEDED", done.Status); // docs/sandbox-vs-moto.md: moto does not check the account.
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_duplicate_assignment_is_a_conflict_where_checked(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var f = await ArrangeAsync(b);
        var sso = b.Session.Connection.SsoAdmin;
        await WaitCreationAsync(f, (await sso.CreateAccountAssignmentAsync(Create(f))).AccountAssignmentCreationStatus!.RequestId!);

        if (b.FollowsDocs) await Assert.ThrowsAsync<AwsConflictException>(() => sso.CreateAccountAssignmentAsync(Create(f)));
        else await sso.CreateAccountAssignmentAsync(Create(f)); // docs/sandbox-vs-moto.md: moto accepts duplicates.
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_successful_assignment_provisions_the_set_and_an_edit_leaves_the_account_out_of_date_until_reprovisioned(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var f = await ArrangeAsync(b);
        var sso = b.Session.Connection.SsoAdmin;
        await WaitCreationAsync(f, (await sso.CreateAccountAssignmentAsync(Create(f))).AccountAssignmentCreationStatus!.RequestId!);
        async Task<List<string>> AccountsAsync(string? status)
        {
            var accounts = new List<string>();
            await foreach (var a in sso.PaginateListAccountsForProvisionedPermissionSet(new ListAccountsForProvisionedPermissionSetRequest
                               { InstanceArn = b.Session.InstanceArn, PermissionSetArn = f.PermissionSetArn, ProvisioningStatus = status })) accounts.Add(a);
            return accounts;
        }

        if (!b.FollowsDocs)
        {
            // docs/sandbox-vs-moto.md: moto does not provision on assignment and keeps no provisioning status.
            Assert.DoesNotContain(f.Account, await AccountsAsync(null));
            return;
        }
        Assert.Equal(new[] { f.Account }, await AccountsAsync(null));
        var toAccount = await sso.ListPermissionSetsProvisionedToAccountAsync(new ListPermissionSetsProvisionedToAccountRequest { InstanceArn = b.Session.InstanceArn, AccountId = f.Account });
        Assert.Equal(new[] { f.PermissionSetArn }, toAccount.PermissionSets);

        await sso.UpdatePermissionSetAsync(new UpdatePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = f.PermissionSetArn, SessionDuration = "PT8H" });
        Assert.Equal(new[] { f.Account }, await AccountsAsync("LATEST_PERMISSION_SET_NOT_PROVISIONED"));
        Assert.Empty(await AccountsAsync("LATEST_PERMISSION_SET_PROVISIONED"));

        var provisioning = (await sso.ProvisionPermissionSetAsync(new ProvisionPermissionSetRequest
            { InstanceArn = b.Session.InstanceArn, PermissionSetArn = f.PermissionSetArn, TargetType = "ALL_PROVISIONED_ACCOUNTS" })).PermissionSetProvisioningStatus!;
        Assert.Equal("IN_PROGRESS", provisioning.Status);
        var finished = await StatusPoller.UntilDoneAsync(async ct => (await sso.DescribePermissionSetProvisioningStatusAsync(new DescribePermissionSetProvisioningStatusRequest
                { InstanceArn = b.Session.InstanceArn, ProvisionPermissionSetRequestId = provisioning.RequestId }, ct)).PermissionSetProvisioningStatus!,
            s => s.Status != "IN_PROGRESS", ContractBackend.FastPolling, CancellationToken.None);
        Assert.Equal("SUCCEEDED", finished.Status);
        Assert.Equal(new[] { f.Account }, await AccountsAsync("LATEST_PERMISSION_SET_PROVISIONED"));
        var requests = await sso.ListPermissionSetProvisioningStatusAsync(new ListPermissionSetProvisioningStatusRequest { InstanceArn = b.Session.InstanceArn });
        Assert.Contains(requests.PermissionSetsProvisioningStatus!, r => r.RequestId == provisioning.RequestId && r.Status == "SUCCEEDED");
    }
}
