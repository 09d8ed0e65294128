# The access an organization intends: who must, and who must not, reach which account with which permission set.
# 04-access-rules.Tests.ps1 turns every line into a Pester test.
@{
    Allowed = @(
        @{ Group = 'PlatformAdmins'; PermissionSet = 'AdministratorAccess'; Account = 'prod' }
        @{ Group = 'PlatformAdmins'; PermissionSet = 'AdministratorAccess'; Account = 'staging' }
    )
    Denied  = @(
        @{ Group = 'Analysts'; PermissionSet = 'AdministratorAccess'; Account = 'prod' }
    )
}
