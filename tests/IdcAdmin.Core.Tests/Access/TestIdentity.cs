using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Session;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.Tests.Access;

/// <summary>Uniquely named users, groups and permission sets for one test.</summary>
public static class TestIdentity
{
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<(string Name, string Id)> GroupAsync(IdcSession session)
    {
        var name = UniqueName("grp");
        var g = await session.Connection.IdentityStore.CreateGroupAsync(new CreateGroupRequest { IdentityStoreId = session.IdentityStoreId, DisplayName = name });
        return (name, g.GroupId!);
    }

    public static async Task<(string Name, string Id)> UserAsync(IdcSession session)
    {
        var name = UniqueName("usr");
        var u = await session.Connection.IdentityStore.CreateUserAsync(new CreateUserRequest
        {
            IdentityStoreId = session.IdentityStoreId, UserName = name, DisplayName = name, Name = new Name { GivenName = "Test", FamilyName = name },
        });
        return (name, u.UserId!);
    }

    public static async Task AddMemberAsync(IdcSession session, string groupId, string userId) =>
        await session.Connection.IdentityStore.CreateGroupMembershipAsync(new CreateGroupMembershipRequest
            { IdentityStoreId = session.IdentityStoreId, GroupId = groupId, MemberId = new MemberId { UserId = userId } });

    public static async Task<(string Name, string Arn)> PermissionSetAsync(IdcSession session, string? managedPolicyArn = null)
    {
        var name = UniqueName("ps");
        var ps = await session.Connection.SsoAdmin.CreatePermissionSetAsync(new CreatePermissionSetRequest { InstanceArn = session.InstanceArn, Name = name, SessionDuration = "PT1H" });
        var arn = ps.PermissionSet!.PermissionSetArn!;
        if (managedPolicyArn != null)
            await session.Connection.SsoAdmin.AttachManagedPolicyToPermissionSetAsync(new AttachManagedPolicyToPermissionSetRequest
                { InstanceArn = session.InstanceArn, PermissionSetArn = arn, ManagedPolicyArn = managedPolicyArn });
        return (name, arn);
    }
}
