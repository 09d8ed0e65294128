using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.SsoAdmin.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Contract;

/// <summary>
/// Requests the service models forbid. On a moto of its own, because moto accepts them and the invalid users and
/// permission sets it keeps would surprise every other test that lists the shared moto's contents.
/// </summary>
public sealed class ValidationContractTests : IClassFixture<MotoServer>
{
    private readonly MotoServer _moto;
    public ValidationContractTests(MotoServer moto) => _moto = moto;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static Task<CreateUserResponse> CreateUserAsync(ContractBackend b, string userName) =>
        b.Session.Connection.IdentityStore.CreateUserAsync(new CreateUserRequest
        {
            IdentityStoreId = b.Session.IdentityStoreId, UserName = userName, DisplayName = "Test User",
            Name = new Name { GivenName = "Test", FamilyName = "User" },
        });

    private static async Task<PermissionSet> CreateAsync(ContractBackend b, string name, string? duration = "PT2H") =>
        (await b.Session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest
            { InstanceArn = b.Session.InstanceArn, Name = name, SessionDuration = duration })).PermissionSet!;

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_user_name_longer_than_the_model_allows_is_a_ValidationException_where_validated(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);
        var tooLong = new string('a', 129);

        if (!b.FollowsDocs)
        {
            // docs/sandbox-vs-moto.md: moto does not check the service model's length constraints.
            await CreateUserAsync(b, tooLong);
            return;
        }
        var e = await Assert.ThrowsAsync<AwsValidationException>(() => CreateUserAsync(b, tooLong));
        Assert.Contains("at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128", e.AwsMessage);
    }

    [Theory]
    [MemberData(nameof(ContractBackend.All), MemberType = typeof(ContractBackend))]
    public async Task A_name_outside_the_models_pattern_and_a_13_hour_session_are_ValidationExceptions_where_validated(string backend)
    {
        await using var b = await ContractBackend.StartAsync(backend, _moto);

        if (!b.FollowsDocs)
        {
            await CreateAsync(b, "bad name!" + Guid.NewGuid().ToString("N")[..6]); // docs/sandbox-vs-moto.md: moto does not validate names or durations.
            return;
        }
        var pattern = await Assert.ThrowsAsync<AwsValidationException>(() => CreateAsync(b, "bad name!"));
        Assert.Contains("at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+", pattern.AwsMessage);
        await Assert.ThrowsAsync<AwsValidationException>(() => CreateAsync(b, Unique("long"), "PT13H"));
    }
}
