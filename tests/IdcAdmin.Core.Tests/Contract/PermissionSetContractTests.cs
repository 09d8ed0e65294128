using IdcAdmin.Core.Aws;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>Permission sets of every kind (managed, customer managed, inline, boundary, tags): moto and the sandbox.</summary>
[Collection(MotoCollection.Name)]
public sealed class PermissionSetContractTests
{
    private readonly MotoServer _moto;
    public PermissionSetContractTests(MotoServer moto) => _moto = moto;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
    private const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private const string Inline = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

    private static async Task<PermissionSet> CreateAsync(ContractBackend b, string name, string? duration = "PT2H") =>
        (await b.Session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest
        {
            InstanceArn = b.Session.InstanceArn, Name = name, Description = "contract", SessionDuration = duration, RelayState = "https://console.aws.amazon.com/",
        })).PermissionSet!;

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_permission_set_is_created_described_listed_updated_and_deleted(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var sso = b.Session.Connection.SsoAdmin;
        var name = Unique("ps");

        var set = await CreateAsync(b, name);

        var described = (await sso.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn })).PermissionSet!;
        Assert.Equal(name, described.Name);
        Assert.Equal("PT2H", described.SessionDuration);
        Assert.Equal("contract", described.Description);
        Assert.Equal("https://console.aws.amazon.com/", described.RelayState);
        var listed = new List<string>();
        await foreach (var arn in sso.PaginateListPermissionSets(new ListPermissionSetsRequest { InstanceArn = b.Session.InstanceArn })) listed.Add(arn);
        Assert.Contains(set.PermissionSetArn, listed);
        // docs/sandbox-vs-moto.md: AWS's ARNs say permissionSet/, moto's instance/.
        Assert.Contains(b.FollowsDocs ? ":permissionSet/ssoins-" : ":instance/ssoins-", set.PermissionSetArn);

        await sso.UpdatePermissionSetAsync(new UpdatePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn, SessionDuration = "PT4H", Description = "changed" });
        described = (await sso.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn })).PermissionSet!;
        Assert.Equal("PT4H", described.SessionDuration);
        Assert.Equal("changed", described.Description);

        await sso.DeletePermissionSetAsync(new DeletePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn });
        await Assert.ThrowsAsync<AwsNotFoundException>(() => sso.DescribePermissionSetAsync(new DescribePermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = set.PermissionSetArn }));
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_second_permission_set_with_the_same_name_is_a_conflict_where_checked(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var name = Unique("dupps");
        await CreateAsync(b, name);

        if (b.FollowsDocs) await Assert.ThrowsAsync<AwsConflictException>(() => CreateAsync(b, name));
        else await CreateAsync(b, name); // docs/sandbox-vs-moto.md: moto accepts duplicate permission set names.
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task Managed_customer_managed_and_inline_policies_are_attached_listed_and_removed(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var sso = b.Session.Connection.SsoAdmin;
        var arn = (await CreateAsync(b, Unique("pol"))).PermissionSetArn;
        string instance = b.Session.InstanceArn;

        await sso.AttachManagedPolicyToPermissionSetAsync(new AttachManagedPolicyToPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly });
        await sso.AttachCustomerManagedPolicyReferenceToPermissionSetAsync(new AttachCustomerManagedPolicyReferenceToPermissionSetRequest
            { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = new CustomerManagedPolicyReference { Name = "TeamPolicy", Path = "/teams/" } });
        await sso.PutInlinePolicyToPermissionSetAsync(new PutInlinePolicyToPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn, InlinePolicy = Inline });

        var managed = await sso.ListManagedPoliciesInPermissionSetAsync(new ListManagedPoliciesInPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn });
        var policy = Assert.Single(managed.AttachedManagedPolicies!);
        Assert.Equal(ReadOnly, policy.Arn);
        Assert.Equal("ReadOnlyAccess", policy.Name);
        var customer = await sso.ListCustomerManagedPolicyReferencesInPermissionSetAsync(new ListCustomerManagedPolicyReferencesInPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn });
        var reference = Assert.Single(customer.CustomerManagedPolicyReferences!);
        Assert.Equal(("TeamPolicy", "/teams/"), (reference.Name, reference.Path));
        var inline = await sso.GetInlinePolicyForPermissionSetAsync(new GetInlinePolicyForPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn });
        Assert.Contains("s3:ListAllMyBuckets", inline.InlinePolicy);

        await sso.DetachManagedPolicyFromPermissionSetAsync(new DetachManagedPolicyFromPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn, ManagedPolicyArn = ReadOnly });
        await sso.DetachCustomerManagedPolicyReferenceFromPermissionSetAsync(new DetachCustomerManagedPolicyReferenceFromPermissionSetRequest
            { InstanceArn = instance, PermissionSetArn = arn, CustomerManagedPolicyReference = new CustomerManagedPolicyReference { Name = "TeamPolicy", Path = "/teams/" } });
        await sso.DeleteInlinePolicyFromPermissionSetAsync(new DeleteInlinePolicyFromPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn });
        Assert.Empty((await sso.ListManagedPoliciesInPermissionSetAsync(new ListManagedPoliciesInPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn })).AttachedManagedPolicies!);
        Assert.Empty((await sso.ListCustomerManagedPolicyReferencesInPermissionSetAsync(new ListCustomerManagedPolicyReferencesInPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn })).CustomerManagedPolicyReferences!);
        Assert.True(string.IsNullOrEmpty((await sso.GetInlinePolicyForPermissionSetAsync(new GetInlinePolicyForPermissionSetRequest { InstanceArn = instance, PermissionSetArn = arn })).InlinePolicy));
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_permissions_boundary_is_put_read_and_deleted_where_implemented(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var sso = b.Session.Connection.SsoAdmin;
        var arn = (await CreateAsync(b, Unique("bnd"))).PermissionSetArn;
        var put = new PutPermissionsBoundaryToPermissionSetRequest
        {
            InstanceArn = b.Session.InstanceArn, PermissionSetArn = arn,
            PermissionsBoundary = new PermissionsBoundary { CustomerManagedPolicyReference = new CustomerManagedPolicyReference { Name = "Boundary", Path = "/" } },
        };

        if (!b.FollowsDocs)
        {
            await Assert.ThrowsAnyAsync<AwsServiceException>(() => sso.PutPermissionsBoundaryToPermissionSetAsync(put)); // docs/sandbox-vs-moto.md: no boundaries in moto.
            return;
        }
        var get = new GetPermissionsBoundaryForPermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = arn };
        await Assert.ThrowsAsync<AwsNotFoundException>(() => sso.GetPermissionsBoundaryForPermissionSetAsync(get));
        await sso.PutPermissionsBoundaryToPermissionSetAsync(put);
        Assert.Equal("Boundary", (await sso.GetPermissionsBoundaryForPermissionSetAsync(get)).PermissionsBoundary!.CustomerManagedPolicyReference!.Name);
        await sso.DeletePermissionsBoundaryFromPermissionSetAsync(new DeletePermissionsBoundaryFromPermissionSetRequest { InstanceArn = b.Session.InstanceArn, PermissionSetArn = arn });
        await Assert.ThrowsAsync<AwsNotFoundException>(() => sso.GetPermissionsBoundaryForPermissionSetAsync(get));
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task Tags_are_added_listed_and_removed_where_implemented(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var sso = b.Session.Connection.SsoAdmin;
        var arn = (await CreateAsync(b, Unique("tag"))).PermissionSetArn;
        var tag = new TagResourceRequest { InstanceArn = b.Session.InstanceArn, ResourceArn = arn, Tags = new List<Tag> { new() { Key = "team", Value = "platform" }, new() { Key = "env", Value = "prod" } } };

        if (!b.FollowsDocs)
        {
            await Assert.ThrowsAnyAsync<AwsServiceException>(() => sso.TagResourceAsync(tag)); // docs/sandbox-vs-moto.md: no tag operations in moto.
            return;
        }
        await sso.TagResourceAsync(tag);
        await sso.UntagResourceAsync(new UntagResourceRequest { InstanceArn = b.Session.InstanceArn, ResourceArn = arn, TagKeys = new List<string> { "env" } });
        var tags = (await sso.ListTagsForResourceAsync(new ListTagsForResourceRequest { InstanceArn = b.Session.InstanceArn, ResourceArn = arn })).Tags!;
        Assert.Equal(("team", "platform"), (Assert.Single(tags).Key, tags[0].Value));
        var reserved = new TagResourceRequest { InstanceArn = b.Session.InstanceArn, ResourceArn = arn, Tags = new List<Tag> { new() { Key = "aws:owner", Value = "x" } } };
        await Assert.ThrowsAsync<AwsValidationException>(() => sso.TagResourceAsync(reserved));
    }

}
