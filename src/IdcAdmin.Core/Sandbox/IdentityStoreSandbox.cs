using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;

namespace IdcAdmin.Core.Sandbox;

/// <summary>The identitystore operations the module calls: users, groups and memberships with AWS's uniqueness rules.</summary>
public sealed class IdentityStoreSandbox : SandboxService
{
    // "Administrator and AWSAdministrators are reserved names and can't be used for users or groups" (IAM Identity Center User Guide).
    private static readonly string[] Reserved = { "Administrator", "AWSAdministrators" };
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public IdentityStoreSandbox(SandboxState state) : base(state, AwsService.IdentityStore)
    {
        On<CreateUserRequest>("CreateUser", CreateUser);
        On<DescribeUserRequest>("DescribeUser", (r, _) => UserView(User(r.IdentityStoreId, r.UserId)));
        On<UpdateUserRequest>("UpdateUser", UpdateUser);
        On<DeleteUserRequest, DeleteUserResponse>("DeleteUser", DeleteUser);
        On<ListUsersRequest>("ListUsers", ListUsers);
        On<GetUserIdRequest, GetUserIdResponse>("GetUserId", GetUserId);
        On<CreateGroupRequest, CreateGroupResponse>("CreateGroup", CreateGroup);
        On<DescribeGroupRequest, DescribeGroupResponse>("DescribeGroup", r => Describe(Group(r.IdentityStoreId, r.GroupId)));
        On<UpdateGroupRequest, UpdateGroupResponse>("UpdateGroup", UpdateGroup);
        On<DeleteGroupRequest, DeleteGroupResponse>("DeleteGroup", DeleteGroup);
        On<ListGroupsRequest, ListGroupsResponse>("ListGroups", ListGroups);
        On<GetGroupIdRequest, GetGroupIdResponse>("GetGroupId", GetGroupId);
        On<CreateGroupMembershipRequest, CreateGroupMembershipResponse>("CreateGroupMembership", CreateMembership);
        On<DeleteGroupMembershipRequest, DeleteGroupMembershipResponse>("DeleteGroupMembership", DeleteMembership);
        On<DescribeGroupMembershipRequest, DescribeGroupMembershipResponse>("DescribeGroupMembership", DescribeMembership);
        On<GetGroupMembershipIdRequest, GetGroupMembershipIdResponse>("GetGroupMembershipId", GetMembershipId);
        On<ListGroupMembershipsRequest, ListGroupMembershipsResponse>("ListGroupMemberships", ListMemberships);
        On<ListGroupMembershipsForMemberRequest, ListGroupMembershipsForMemberResponse>("ListGroupMembershipsForMember", ListMembershipsForMember);
        On<IsMemberInGroupsRequest, IsMemberInGroupsResponse>("IsMemberInGroups", IsMemberInGroups);
    }

    // ---- users ------------------------------------------------------------------------------------------------

    private JsonNode CreateUser(CreateUserRequest r, JsonElement body)
    {
        Store(r.IdentityStoreId);
        var user = (JsonObject)JsonNode.Parse(body.GetRawText())!;
        user.Remove("IdentityStoreId");
        CheckUserName(r.UserName, null);
        var id = State.Ids.Guid();
        user["UserId"] = id;
        user["UserStatus"] = "ENABLED";
        Stamp(user, created: true);
        State.Users.Add(id, user);
        return new JsonObject { ["IdentityStoreId"] = State.IdentityStoreId, ["UserId"] = id };
    }

    private JsonNode UpdateUser(UpdateUserRequest r, JsonElement body)
    {
        var user = User(r.IdentityStoreId, r.UserId);
        var updated = (JsonObject)user.DeepClone();
        foreach (var op in body.GetProperty("Operations").EnumerateArray())
        {
            var path = op.GetProperty("AttributePath").GetString()!;
            var segments = path.Split('.').Select(Pascal).ToArray();
            if (segments[0] is "UserId" or "IdentityStoreId" or "ExternalIds" or "UserStatus" or "CreatedAt" or "UpdatedAt" or "CreatedBy" or "UpdatedBy"
                || segments.Length > 2 || !UserMembers.Contains(segments[0]))
                throw SandboxError.Validation($"Invalid attribute path '{path}': it does not name an attribute UpdateUser can change.");
            var value = op.TryGetProperty("AttributeValue", out var v) && v.ValueKind != JsonValueKind.Null ? JsonNode.Parse(v.GetRawText()) : null;
            Set(updated, segments, value);
        }
        var check = (JsonObject)updated.DeepClone();
        foreach (var server in new[] { "UserId", "UserStatus", "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy", "ExternalIds" }) check.Remove(server);
        check["IdentityStoreId"] = State.IdentityStoreId;
        using (var doc = JsonDocument.Parse(check.ToJsonString())) Validator.Validate("CreateUser", doc.RootElement);
        var newName = (string?)updated["UserName"];
        CheckUserName(newName, r.UserId);
        // Replace the stored user by the updated copy (attributes set to null are gone from it).
        foreach (var key in user.Select(p => p.Key).ToList()) user.Remove(key);
        foreach (var p in updated.ToList()) { updated.Remove(p.Key); user[p.Key] = p.Value; }
        Stamp(user, created: false);
        return new JsonObject();
    }

    private static readonly HashSet<string> UserMembers = new(typeof(CreateUserRequest).GetProperties().Select(p => p.Name), StringComparer.Ordinal);

    private static void Set(JsonObject target, string[] segments, JsonNode? value)
    {
        if (segments.Length == 1) { if (value == null) target.Remove(segments[0]); else target[segments[0]] = value; return; }
        if (target[segments[0]] is not JsonObject inner) { if (value == null) return; inner = new JsonObject(); target[segments[0]] = inner; }
        if (value == null) inner.Remove(segments[1]); else inner[segments[1]] = value;
    }

    private DeleteUserResponse DeleteUser(DeleteUserRequest r)
    {
        User(r.IdentityStoreId, r.UserId);
        State.Users.Remove(r.UserId!);
        // Deleting a user removes it from its groups; its account assignments stay behind, as in AWS.
        State.Memberships.RemoveWhere(m => m.UserId == r.UserId, m => m.MembershipId);
        return new DeleteUserResponse();
    }

    private JsonNode ListUsers(ListUsersRequest r, JsonElement body)
    {
        Store(r.IdentityStoreId);
        IEnumerable<JsonObject> users = State.Users.Items;
        foreach (var f in r.Filters ?? new List<Filter>())
        {
            if (!string.Equals(f.AttributePath, "UserName", StringComparison.OrdinalIgnoreCase))
                throw SandboxError.Validation($"Filtering on '{f.AttributePath}' is not supported; only UserName can be filtered.");
            users = users.Where(u => Names.Equals((string?)u["UserName"], f.AttributeValue));
        }
        var page = State.Paging.Page(users.ToList(), r.MaxResults, r.NextToken, "ListUsers|" + Scope(r.Filters), out var next);
        var result = new JsonObject { ["Users"] = new JsonArray(page.Select(u => (JsonNode)UserView(u)).ToArray()) };
        if (next != null) result["NextToken"] = next;
        return result;
    }

    private GetUserIdResponse GetUserId(GetUserIdRequest r)
    {
        Store(r.IdentityStoreId);
        var unique = r.AlternateIdentifier?.UniqueAttribute
                     ?? throw new SandboxError("ResourceNotFoundException", "No user has that external id.");
        var value = Text(unique.AttributeValue);
        JsonObject? user = unique.AttributePath switch
        {
            "userName" or "UserName" => State.Users.Items.FirstOrDefault(u => Names.Equals((string?)u["UserName"], value)),
            "emails.value" => State.Users.Items.FirstOrDefault(u => u["Emails"] is JsonArray emails &&
                                                                     emails.Any(e => Names.Equals((string?)e?["Value"], value))),
            _ => throw SandboxError.Validation($"Invalid attribute path '{unique.AttributePath}': GetUserId accepts userName or emails.value."),
        };
        if (user == null) throw SandboxError.NotFound($"USER not found.");
        return new GetUserIdResponse { IdentityStoreId = State.IdentityStoreId, UserId = (string)user["UserId"]! };
    }

    private void CheckUserName(string? userName, string? self)
    {
        if (userName == null) return;
        if (Reserved.Contains(userName, Names)) throw SandboxError.Validation($"The user name {userName} is reserved and cannot be used.");
        if (State.Users.Items.Any(u => Names.Equals((string?)u["UserName"], userName) && (string?)u["UserId"] != self))
            throw SandboxError.Unique("Duplicate UserName");
    }

    private JsonObject UserView(JsonObject user)
    {
        var view = (JsonObject)user.DeepClone();
        view["IdentityStoreId"] = State.IdentityStoreId;
        return view;
    }

    private JsonObject User(string? store, string? userId)
    {
        Store(store);
        return State.Users.TryGet(userId, out var u) ? u : throw SandboxError.NotFound("USER not found.");
    }

    private void Stamp(JsonObject item, bool created)
    {
        var now = JsonValue.Create(Now.ToUnixTimeMilliseconds() / 1000.0);
        if (created) { item["CreatedAt"] = now; item["CreatedBy"] = "sandbox"; }
        item["UpdatedAt"] = now!.DeepClone();
        item["UpdatedBy"] = "sandbox";
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    private CreateGroupResponse CreateGroup(CreateGroupRequest r)
    {
        Store(r.IdentityStoreId);
        CheckGroupName(r.DisplayName, null);
        var id = State.Ids.Guid();
        State.Groups.Add(id, new SandboxGroup { GroupId = id, DisplayName = r.DisplayName, Description = r.Description, CreatedAt = Now, UpdatedAt = Now });
        return new CreateGroupResponse { GroupId = id, IdentityStoreId = State.IdentityStoreId };
    }

    private UpdateGroupResponse UpdateGroup(UpdateGroupRequest r)
    {
        var group = Group(r.IdentityStoreId, r.GroupId);
        string? name = group.DisplayName, description = group.Description;
        foreach (var op in r.Operations!)
        {
            var value = op.AttributeValue == null ? null : Text(op.AttributeValue);
            switch (op.AttributePath)
            {
                case "displayName":
                    if (string.IsNullOrEmpty(value)) throw SandboxError.Validation("Value null at 'displayName' failed to satisfy constraint: Member must not be null");
                    name = value; break;
                case "description": description = value; break;
                default: throw SandboxError.Validation($"Invalid attribute path '{op.AttributePath}': UpdateGroup can change displayName and description.");
            }
        }
        CheckGroupName(name, group.GroupId);
        group.DisplayName = name;
        group.Description = description;
        group.UpdatedAt = Now;
        return new UpdateGroupResponse();
    }

    private DeleteGroupResponse DeleteGroup(DeleteGroupRequest r)
    {
        Group(r.IdentityStoreId, r.GroupId);
        State.Groups.Remove(r.GroupId!);
        State.Memberships.RemoveWhere(m => m.GroupId == r.GroupId, m => m.MembershipId);
        return new DeleteGroupResponse();
    }

    private ListGroupsResponse ListGroups(ListGroupsRequest r)
    {
        Store(r.IdentityStoreId);
        IEnumerable<SandboxGroup> groups = State.Groups.Items;
        foreach (var f in r.Filters ?? new List<Filter>())
        {
            if (!string.Equals(f.AttributePath, "DisplayName", StringComparison.OrdinalIgnoreCase))
                throw SandboxError.Validation($"Filtering on '{f.AttributePath}' is not supported; only DisplayName can be filtered.");
            groups = groups.Where(g => Names.Equals(g.DisplayName, f.AttributeValue));
        }
        var page = State.Paging.Page(groups.ToList(), r.MaxResults, r.NextToken, "ListGroups|" + Scope(r.Filters), out var next);
        return new ListGroupsResponse { Groups = page.Select(ToGroup).ToList(), NextToken = next };
    }

    private GetGroupIdResponse GetGroupId(GetGroupIdRequest r)
    {
        Store(r.IdentityStoreId);
        var unique = r.AlternateIdentifier?.UniqueAttribute ?? throw SandboxError.NotFound("No group has that external id.");
        if (unique.AttributePath is not ("displayName" or "DisplayName"))
            throw SandboxError.Validation($"Invalid attribute path '{unique.AttributePath}': GetGroupId accepts displayName.");
        var value = Text(unique.AttributeValue);
        var group = State.Groups.Items.FirstOrDefault(g => Names.Equals(g.DisplayName, value)) ?? throw SandboxError.NotFound("GROUP not found.");
        return new GetGroupIdResponse { GroupId = group.GroupId, IdentityStoreId = State.IdentityStoreId };
    }

    private void CheckGroupName(string? name, string? self)
    {
        if (name == null) return;
        if (Reserved.Contains(name, Names)) throw SandboxError.Validation($"The group name {name} is reserved and cannot be used.");
        if (State.Groups.Items.Any(g => Names.Equals(g.DisplayName, name) && g.GroupId != self))
            throw SandboxError.Unique("Duplicate GroupDisplayName");
    }

    private SandboxGroup Group(string? store, string? groupId)
    {
        Store(store);
        return State.Groups.TryGet(groupId, out var g) ? g : throw SandboxError.NotFound("GROUP not found.");
    }

    private DescribeGroupResponse Describe(SandboxGroup g) => new()
    {
        GroupId = g.GroupId, DisplayName = g.DisplayName, Description = g.Description, CreatedAt = g.CreatedAt, UpdatedAt = g.UpdatedAt,
        CreatedBy = "sandbox", UpdatedBy = "sandbox", IdentityStoreId = State.IdentityStoreId,
    };

    private Group ToGroup(SandboxGroup g) => new()
    {
        GroupId = g.GroupId, DisplayName = g.DisplayName, Description = g.Description, CreatedAt = g.CreatedAt, UpdatedAt = g.UpdatedAt,
        CreatedBy = "sandbox", UpdatedBy = "sandbox", IdentityStoreId = State.IdentityStoreId,
    };

    // ---- memberships ------------------------------------------------------------------------------------------

    private CreateGroupMembershipResponse CreateMembership(CreateGroupMembershipRequest r)
    {
        Group(r.IdentityStoreId, r.GroupId);
        var userId = r.MemberId?.UserId;
        User(r.IdentityStoreId, userId);
        if (State.Memberships.Items.Any(m => m.GroupId == r.GroupId && m.UserId == userId))
            throw SandboxError.Unique("Member is already in the group.");
        var id = State.Ids.Guid();
        State.Memberships.Add(id, new SandboxMembership { MembershipId = id, GroupId = r.GroupId!, UserId = userId!, CreatedAt = Now });
        return new CreateGroupMembershipResponse { MembershipId = id, IdentityStoreId = State.IdentityStoreId };
    }

    private DeleteGroupMembershipResponse DeleteMembership(DeleteGroupMembershipRequest r)
    {
        Membership(r.IdentityStoreId, r.MembershipId);
        State.Memberships.Remove(r.MembershipId!);
        return new DeleteGroupMembershipResponse();
    }

    private DescribeGroupMembershipResponse DescribeMembership(DescribeGroupMembershipRequest r)
    {
        var m = Membership(r.IdentityStoreId, r.MembershipId);
        return new DescribeGroupMembershipResponse
        {
            IdentityStoreId = State.IdentityStoreId, MembershipId = m.MembershipId, GroupId = m.GroupId,
            MemberId = new MemberId { UserId = m.UserId }, CreatedAt = m.CreatedAt, UpdatedAt = m.CreatedAt,
        };
    }

    private GetGroupMembershipIdResponse GetMembershipId(GetGroupMembershipIdRequest r)
    {
        Store(r.IdentityStoreId);
        var m = State.Memberships.Items.FirstOrDefault(x => x.GroupId == r.GroupId && x.UserId == r.MemberId?.UserId)
                ?? throw SandboxError.NotFound("GROUP_MEMBERSHIP not found.");
        return new GetGroupMembershipIdResponse { MembershipId = m.MembershipId, IdentityStoreId = State.IdentityStoreId };
    }

    private ListGroupMembershipsResponse ListMemberships(ListGroupMembershipsRequest r)
    {
        Group(r.IdentityStoreId, r.GroupId);
        var all = State.Memberships.Items.Where(m => m.GroupId == r.GroupId).ToList();
        var page = State.Paging.Page(all, r.MaxResults, r.NextToken, "ListGroupMemberships|" + r.GroupId, out var next);
        return new ListGroupMembershipsResponse { GroupMemberships = page.Select(ToMembership).ToList(), NextToken = next };
    }

    private ListGroupMembershipsForMemberResponse ListMembershipsForMember(ListGroupMembershipsForMemberRequest r)
    {
        User(r.IdentityStoreId, r.MemberId?.UserId);
        var all = State.Memberships.Items.Where(m => m.UserId == r.MemberId!.UserId).ToList();
        var page = State.Paging.Page(all, r.MaxResults, r.NextToken, "ListGroupMembershipsForMember|" + r.MemberId!.UserId, out var next);
        return new ListGroupMembershipsForMemberResponse { GroupMemberships = page.Select(ToMembership).ToList(), NextToken = next };
    }

    private IsMemberInGroupsResponse IsMemberInGroups(IsMemberInGroupsRequest r)
    {
        User(r.IdentityStoreId, r.MemberId?.UserId);
        return new IsMemberInGroupsResponse
        {
            Results = r.GroupIds!.Select(g => new GroupMembershipExistenceResult
            {
                GroupId = g, MemberId = new MemberId { UserId = r.MemberId!.UserId },
                MembershipExists = State.Memberships.Items.Any(m => m.GroupId == g && m.UserId == r.MemberId.UserId),
            }).ToList(),
        };
    }

    private SandboxMembership Membership(string? store, string? id)
    {
        Store(store);
        return State.Memberships.TryGet(id, out var m) ? m : throw SandboxError.NotFound("GROUP_MEMBERSHIP not found.");
    }

    private GroupMembership ToMembership(SandboxMembership m) => new()
    {
        IdentityStoreId = State.IdentityStoreId, MembershipId = m.MembershipId, GroupId = m.GroupId,
        MemberId = new MemberId { UserId = m.UserId }, CreatedAt = m.CreatedAt, UpdatedAt = m.CreatedAt,
    };

    // ---- shared -----------------------------------------------------------------------------------------------

    private void Store(string? identityStoreId)
    {
        if (!string.Equals(identityStoreId, State.IdentityStoreId, StringComparison.Ordinal))
            throw SandboxError.NotFound($"IDENTITY_STORE {identityStoreId} not found.");
    }

    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string? Text(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        _ => value.ToString(),
    };

    private static string Scope(List<Filter>? filters) =>
        filters == null ? "" : string.Join("|", filters.Select(f => f.AttributePath + "=" + f.AttributeValue));
}
