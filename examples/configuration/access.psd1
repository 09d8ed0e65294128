# The seeds' organization as code: who may reach which account, with which permissions.
# Check it:   Compare-IdcConfiguration -Path ./access.psd1
# Apply it:   Sync-IdcConfiguration -Path ./access.psd1 -WhatIf   (then without -WhatIf)
# Read with PowerShell's data-file rules: nothing in this file runs. Get-Help about_IdcAdmin_Configuration
@{
    Users = @(
        @{ UserName = 'alice'; GivenName = 'Alice'; FamilyName = 'Doe'; Email = 'alice@example.com' }
        @{ UserName = 'bob'; GivenName = 'Bob'; FamilyName = 'Roe'; Email = 'bob@example.com' }
        @{ UserName = 'carol'; GivenName = 'Carol'; FamilyName = 'Poe'; Email = 'carol@example.com' }
    )

    Groups = @(
        @{ Name = 'Admins'; Description = 'Administrators of prod and staging'; Members = @('alice') }
        @{ Name = 'Developers'; Description = 'Application developers'; Members = @('bob', 'carol') }
    )

    PermissionSets = @(
        @{ Predefined = 'AdministratorAccess'; SessionDuration = 'PT1H' }
        @{ Predefined = 'ReadOnlyAccess'; SessionDuration = 'PT4H' }
        @{
            Name            = 'LogReader'
            Description     = 'Reads CloudWatch logs of the workloads'
            SessionDuration = 'PT8H'
            InlinePolicyPath = 'policies/log-reader.json'
        }
    )

    Assignments = @(
        # Admins on the prod and staging accounts, by name.
        @{ Group = 'Admins'; PermissionSet = 'AdministratorAccess'; Accounts = @('prod', 'staging') }
        # Developers read everything in the Workloads OU and below, including accounts that join it later.
        @{ Group = 'Developers'; PermissionSet = 'ReadOnlyAccess'; OrganizationalUnits = @('/Root/Workloads'); Recurse = $true }
        @{ Group = 'Developers'; PermissionSet = 'LogReader'; Accounts = @('staging') }
    )
}
