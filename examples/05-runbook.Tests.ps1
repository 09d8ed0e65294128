<#
.SYNOPSIS
    Tests a runbook (02-admin-group-prod-staging.ps1) against the embedded Identity Center sandbox: no AWS account,
    credentials, network or emulator, so it runs in any pipeline that has PowerShell and the module.
.EXAMPLE
    Invoke-Pester ./05-runbook.Tests.ps1
#>
BeforeAll {
    # A fresh, deterministic Identity Center with the organization the runbook expects; assignments take 0.2 s.
    $null = Connect-IdcInstance -Sandbox -SandboxSeed 1 -SandboxOperationDelay 00:00:00.2 -SandboxOrganization @{
        Workloads = @{ Prod = 'prod'; Staging = 'staging' }
        Sandbox   = 'playground'
    }
    $runbook = Join-Path $PSScriptRoot '02-admin-group-prod-staging.ps1'
    $null = New-IdcUser -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe -WarningAction SilentlyContinue
}

AfterAll {
    Disconnect-IdcInstance
}

Describe '02-admin-group-prod-staging.ps1' {
    It 'describes the grant under -WhatIf and changes nothing' {
        $null = & $runbook -UseCurrentConnection -Member alice -WhatIf 6>$null
        Get-IdcGroup -DisplayName PlatformAdmins -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-IdcPermissionSet -Name AdministratorAccess -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'gives the group AdministratorAccess on prod and staging, waiting until AWS has finished' {
        $results = & $runbook -UseCurrentConnection -Member alice 6>$null
        $results.AccountName | Sort-Object | Should -Be @('prod', 'staging')
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
    }

    It 'lets alice reach prod and staging through the group, and not the playground account' {
        Test-IdcAccountAccess -User alice -PermissionSet AdministratorAccess -Account prod | Should -BeTrue
        Test-IdcAccountAccess -User alice -PermissionSet AdministratorAccess -Account staging | Should -BeTrue
        Test-IdcAccountAccess -User alice -PermissionSet AdministratorAccess -Account playground | Should -BeFalse
    }

    It 'provisions the permission set to exactly the accounts it was assigned on' {
        $expected = (Get-IdcAccount -Name prod, staging).AccountId | Sort-Object
        $provisioned = Get-IdcPermissionSetProvisioning -PermissionSet AdministratorAccess -IncludeCurrent
        $provisioned.AccountId | Sort-Object | Should -Be $expected
        $provisioned.IsOutdated | Should -Not -Contain $true
    }

    It 'changes nothing when run again' {
        $again = & $runbook -UseCurrentConnection -Member alice 6>$null
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyAssigned'
    }
}
