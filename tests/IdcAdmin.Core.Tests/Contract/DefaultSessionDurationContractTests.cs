using IdcAdmin.Core.Aws;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>
/// A permission set created without a session duration. On a moto of its own: the set moto makes cannot be described
/// by the module afterwards, and would break every other test that lists the shared moto's permission sets.
/// </summary>
public sealed class DefaultSessionDurationContractTests : IClassFixture<MotoServer>
{
    private readonly MotoServer _moto;
    public DefaultSessionDurationContractTests(MotoServer moto) => _moto = moto;

    private static Task<CreatePermissionSetResponse> CreateAsync(ContractBackend b) =>
        b.Session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = b.Session.InstanceArn, Name = "nodur-" + Guid.NewGuid().ToString("N")[..6] });

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_set_created_without_a_session_duration_reads_back_as_one_hour_in_ISO_8601_where_documented(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);

        if (!b.FollowsDocs)
        {
            // docs/sandbox-vs-moto.md: moto answers the number 3600, which the model's string member cannot hold.
            var e = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(b));
            Assert.Equal("InvalidResponse", e.ErrorCode);
            return;
        }
        Assert.Equal("PT1H", (await CreateAsync(b)).PermissionSet!.SessionDuration);
    }
}
