using System;
using System.Threading;
using System.Threading.Tasks;
using IdcAdmin.Core.SsoAdmin.Model;

namespace IdcAdmin.Core.SsoAdmin;

/// <summary>
/// Creates that must not be repeated blindly after a lost reply: before sending again, <c>findApplied</c> looks for
/// what the lost attempt may have made (AWS refuses a second permission set of one name; emulators may accept it).
/// </summary>
public sealed partial class SsoAdminClient
{
    public Task<CreatePermissionSetResponse> CreatePermissionSetAsync(CreatePermissionSetRequest request, Func<CancellationToken, Task<CreatePermissionSetResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<CreatePermissionSetRequest, CreatePermissionSetResponse>("CreatePermissionSet", request, findApplied, cancellationToken);

    public Task<CreateAccountAssignmentResponse> CreateAccountAssignmentAsync(CreateAccountAssignmentRequest request, Func<CancellationToken, Task<CreateAccountAssignmentResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<CreateAccountAssignmentRequest, CreateAccountAssignmentResponse>("CreateAccountAssignment", request, findApplied, cancellationToken);

    public Task<AttachManagedPolicyToPermissionSetResponse> AttachManagedPolicyToPermissionSetAsync(AttachManagedPolicyToPermissionSetRequest request, Func<CancellationToken, Task<AttachManagedPolicyToPermissionSetResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<AttachManagedPolicyToPermissionSetRequest, AttachManagedPolicyToPermissionSetResponse>("AttachManagedPolicyToPermissionSet", request, findApplied, cancellationToken);

    public Task<AttachCustomerManagedPolicyReferenceToPermissionSetResponse> AttachCustomerManagedPolicyReferenceToPermissionSetAsync(AttachCustomerManagedPolicyReferenceToPermissionSetRequest request, Func<CancellationToken, Task<AttachCustomerManagedPolicyReferenceToPermissionSetResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<AttachCustomerManagedPolicyReferenceToPermissionSetRequest, AttachCustomerManagedPolicyReferenceToPermissionSetResponse>("AttachCustomerManagedPolicyReferenceToPermissionSet", request, findApplied, cancellationToken);

    public Task<DeleteAccountAssignmentResponse> DeleteAccountAssignmentAsync(DeleteAccountAssignmentRequest request, Func<CancellationToken, Task<DeleteAccountAssignmentResponse?>> findApplied, CancellationToken cancellationToken = default)
        => _transport.InvokeAsync<DeleteAccountAssignmentRequest, DeleteAccountAssignmentResponse>("DeleteAccountAssignment", request, findApplied, cancellationToken);
}
