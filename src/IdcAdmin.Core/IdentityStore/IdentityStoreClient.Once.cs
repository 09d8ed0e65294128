using System;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.IdentityStore.Model;

namespace IdcAdmin.Core.IdentityStore;

/// <summary>
/// Creates that must not be repeated blindly after a lost reply: before sending again, <c>findApplied</c> looks for
/// what the lost attempt may have made (AWS would refuse the repeat as a duplicate; emulators may accept it).
/// </summary>
public sealed partial class IdentityStoreClient
{
    public Task<CreateUserResponse> CreateUserAsync(CreateUserRequest request, Func<CancellationToken, Task<CreateUserResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<CreateUserRequest, CreateUserResponse>("CreateUser", request, findApplied, cancellationToken);

    public Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, Func<CancellationToken, Task<CreateGroupResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<CreateGroupRequest, CreateGroupResponse>("CreateGroup", request, findApplied, cancellationToken);

    public Task<CreateGroupMembershipResponse> CreateGroupMembershipAsync(CreateGroupMembershipRequest request, Func<CancellationToken, Task<CreateGroupMembershipResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<CreateGroupMembershipRequest, CreateGroupMembershipResponse>("CreateGroupMembership", request, findApplied, cancellationToken);
}
