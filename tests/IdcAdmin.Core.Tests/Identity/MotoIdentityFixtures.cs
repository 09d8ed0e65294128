using IdcAdmin.Core.Identity.Services;
using IdcAdmin.Core.Identity;
using IdcAdmin.Core.Session;

namespace IdcAdmin.Core.Tests.Identity;

/// <summary>Creates uniquely named users and groups through the engine, for tests that need some to exist.</summary>
internal static class MotoIdentityFixtures
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<IdcUser> NewUserAsync(IdcSession session, string? userName = null)
    {
        var users = new UserService(session);
        var name = userName ?? Unique("user");
        var definition = new UserDefinition { UserName = name, GivenName = "Test", FamilyName = "User", Email = $"{name}@example.com" };
        return await users.CreateAsync(await users.PlanCreateAsync(definition, false, CancellationToken.None), new CollectingOutput(), CancellationToken.None);
    }

    public static async Task<IdcGroup> NewGroupAsync(IdcSession session, string? displayName = null, string? description = null)
    {
        var groups = new GroupService(session);
        var definition = new GroupDefinition { DisplayName = displayName ?? Unique("group"), Description = description };
        return await groups.CreateAsync(await groups.PlanCreateAsync(definition, false, CancellationToken.None), new CollectingOutput(), CancellationToken.None);
    }
}
