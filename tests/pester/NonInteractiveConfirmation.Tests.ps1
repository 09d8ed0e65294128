# A runbook or CI job runs PowerShell non-interactively: a change that asks first (a removal, or any change given
# -Confirm) cannot ask there. Each such cmdlet says how to go ahead without asking, under one error id, and changes nothing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $manifest = (Get-Module IdcAdmin).Path -replace '\.dll$', '.psd1'
    # One non-interactive pwsh runs every removal without -Force against a sandbox seeded with the example's access,
    # and reports each error and what is left.
    $script:report = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command @"
Import-Module '$manifest'
`$null = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.05 -SandboxConfigurationPath '$ExampleConfiguration'
`$commands = [ordered]@{
    'Remove-IdcUser'          = { Remove-IdcUser carol }
    'Remove-IdcGroup'         = { Remove-IdcGroup Developers }
    'Remove-IdcGroupMember'   = { Remove-IdcGroupMember -Group Developers -User bob }
    'Revoke-IdcAccountAccess' = { Revoke-IdcAccountAccess -Group Developers -PermissionSet LogReader -Account staging }
    'Remove-IdcPermissionSet' = { Remove-IdcPermissionSet ReadOnlyAccess -RemoveAssignments }
}
`$errors = foreach (`$name in `$commands.Keys) {
    `$err = @(& `$commands[`$name] 2>&1 | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })
    [pscustomobject]@{ Command = `$name; Errors = `$err.Count; Id = `$err[0].FullyQualifiedErrorId; Message = `$err[0].Exception.Message }
}
[pscustomobject]@{
    Errors = @(`$errors)
    Users = @((Get-IdcUser).UserName); Groups = @((Get-IdcGroup).DisplayName); Members = @((Get-IdcGroupMember Developers).UserName)
    PermissionSets = @((Get-IdcPermissionSet -Detail None).Name); Assignments = @(Get-IdcAccountAssignment -Group Developers).Count
} | ConvertTo-Json -Depth 4 -Compress
"@ | ConvertFrom-Json
}

Describe 'Removals in a non-interactive PowerShell' {
    It '<_> without -Force says to add -Force, under the IdcConfirmationUnavailable error id' -ForEach @(
        'Remove-IdcUser', 'Remove-IdcGroup', 'Remove-IdcGroupMember', 'Revoke-IdcAccountAccess', 'Remove-IdcPermissionSet'
    ) {
        $command = $_
        $result = $script:report.Errors | Where-Object { $_.Command -eq $command }

        $result.Errors | Should -Be 1
        $result.Id | Should -BeLike 'IdcConfirmationUnavailable,*'
        $result.Message | Should -BeLike '*non-interactively*-Force*'
    }

    It 'changes nothing' {
        $script:report.Users | Should -Contain 'carol'
        $script:report.Groups | Should -Contain 'Developers'
        $script:report.Members | Should -Contain 'bob'
        $script:report.PermissionSets | Should -Contain 'ReadOnlyAccess'
        $script:report.Assignments | Should -Be 3
    }
}

Describe 'Other changes given -Confirm in a non-interactive PowerShell' {
    BeforeAll {
        # One non-interactive pwsh runs every other state-changing cmdlet with -Confirm against a sandbox seeded with the
        # example's access (and a copy of its configuration with one user more, for Sync), and reports each error and
        # what is left.
        $script:changes = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command @"
Import-Module '$manifest'
`$null = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.05 -SandboxConfigurationPath '$ExampleConfiguration'
Copy-Item -Recurse -Path '$(Split-Path $ExampleConfiguration)' -Destination '$TestDrive/configuration'
`$configuration = '$TestDrive/configuration/access.psd1'
(Get-Content -Raw `$configuration) -replace "(?m)^(\s*)(@\{ UserName = 'carol')", "```$1@{ UserName = 'dave'; GivenName = 'Dave'; FamilyName = 'Moe'; Email = 'dave@example.com' }``n```$1```$2" |
    Set-Content `$configuration
`$prod = (Get-IdcAccount prod).AccountId
`$commands = [ordered]@{
    'New-IdcUser'                 = { New-IdcUser -UserName quinn -Email quinn@example.com -GivenName Quinn -FamilyName Loe -Confirm }
    'Set-IdcUser'                 = { Set-IdcUser alice -GivenName Alicia -Confirm }
    'New-IdcGroup'                = { New-IdcGroup Testers -Confirm }
    'Set-IdcGroup'                = { Set-IdcGroup Admins -Description Changed -Confirm }
    'Add-IdcGroupMember'          = { Add-IdcGroupMember -Group Admins -User bob -Confirm }
    'New-IdcPermissionSet'        = { New-IdcPermissionSet -Name Auditor -ManagedPolicy ReadOnlyAccess -Confirm }
    'Set-IdcPermissionSet'        = { Set-IdcPermissionSet LogReader -Description Changed -Confirm }
    'Deploy-IdcPermissionSet'     = { Deploy-IdcPermissionSet LogReader -Confirm }
    'Grant-IdcAccountAccess'      = { Grant-IdcAccountAccess -Group Admins -PermissionSet LogReader -Account prod -Confirm }
    'Export-IdcConfiguration'     = { Export-IdcConfiguration -Path '$TestDrive/export.psd1' -Confirm }
    'Sync-IdcConfiguration'       = { Sync-IdcConfiguration -Path `$configuration -Confirm }
    'Initialize-IdcAdministrator' = { Initialize-IdcAdministrator -UserName erin -Email erin@example.com -GivenName Erin -FamilyName Ode -GroupName Ops -AccountId `$prod -Confirm }
}
`$errors = foreach (`$name in `$commands.Keys) {
    `$err = @(& `$commands[`$name] 2>&1 | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })
    [pscustomobject]@{ Command = `$name; Errors = `$err.Count; Id = `$err[0].FullyQualifiedErrorId; Message = `$err[0].Exception.Message }
}
[pscustomobject]@{
    Errors = @(`$errors)
    Users = @((Get-IdcUser).UserName); GivenName = (Get-IdcUser alice).GivenName; Groups = @((Get-IdcGroup).DisplayName)
    AdminsDescription = (Get-IdcGroup Admins).Description; Admins = @((Get-IdcGroupMember Admins).UserName)
    PermissionSets = @((Get-IdcPermissionSet -Detail None).Name); LogReaderDescription = (Get-IdcPermissionSet LogReader -Detail None).Description
    AdminsAssignments = @(Get-IdcAccountAssignment -Group Admins).Count; Exported = (Test-Path '$TestDrive/export.psd1')
} | ConvertTo-Json -Depth 4 -Compress
"@ | ConvertFrom-Json
    }

    It '<_> -Confirm says to give -Confirm:$false, under the IdcConfirmationUnavailable error id' -ForEach @(
        'New-IdcUser', 'Set-IdcUser', 'New-IdcGroup', 'Set-IdcGroup', 'Add-IdcGroupMember', 'New-IdcPermissionSet',
        'Set-IdcPermissionSet', 'Deploy-IdcPermissionSet', 'Grant-IdcAccountAccess', 'Export-IdcConfiguration',
        'Sync-IdcConfiguration', 'Initialize-IdcAdministrator'
    ) {
        $command = $_
        $result = $script:changes.Errors | Where-Object { $_.Command -eq $command }

        $result.Errors | Should -Be 1
        $result.Id | Should -BeLike 'IdcConfirmationUnavailable,*'
        $result.Message | Should -BeLike '*non-interactively*-Confirm:$false*'
    }

    It 'changes nothing' {
        $script:changes.Users | Should -Be @('alice', 'bob', 'carol')
        $script:changes.GivenName | Should -Be 'Alice'
        $script:changes.Groups | Should -Be @('Admins', 'Developers')
        $script:changes.AdminsDescription | Should -Be 'Administrators of prod and staging'
        $script:changes.Admins | Should -Be @('alice')
        $script:changes.PermissionSets | Should -Not -Contain 'Auditor'
        $script:changes.LogReaderDescription | Should -Be 'Reads CloudWatch logs of the workloads'
        $script:changes.AdminsAssignments | Should -Be 2
        $script:changes.Exported | Should -BeFalse
    }
}
