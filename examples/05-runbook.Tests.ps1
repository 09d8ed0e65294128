<#
.SYNOPSIS
    Tests a runbook (02-admin-group-prod-staging.ps1) against the embedded Identity Center sandbox: no AWS account,
    credentials, network or emulator, so it runs in any pipeline that has PowerShell and the module.
.EXAMPLE
    Invoke-Pester ./05-runbook.Tests.ps1
#>
BeforeAll {
    # A fresh, deterministic Identity Center with the organization the runbook expects, starting with the access the
    # organization declares in configuration/access.psd1 (bob, a developer, is no administrator); assignments take 0.2 s.
    $access = Join-Path (Join-Path $PSScriptRoot 'configuration') 'access.psd1'
    $null = Connect-IdcInstance -Sandbox -SandboxSeed 1 -SandboxOperationDelay 00:00:00.2 -SandboxConfigurationPath $access -SandboxOrganization @{
        Workloads = @{ Prod = 'prod'; Staging = 'staging' }
        Sandbox   = 'playground'
    }
    $runbook = Join-Path $PSScriptRoot '02-admin-group-prod-staging.ps1'
}

AfterAll {
    Disconnect-IdcInstance
}

Describe '02-admin-group-prod-staging.ps1' {
    It 'describes the grant under -WhatIf and changes nothing' {
        $null = & $runbook -UseCurrentConnection -Member bob -WhatIf 6>$null
        Get-IdcGroup -DisplayName PlatformAdmins -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-IdcAccountAccess -User bob -PermissionSet AdministratorAccess -Account prod | Should -BeFalse
        Compare-IdcConfiguration -Path $access | Should -BeNullOrEmpty
    }

    It 'gives the group AdministratorAccess on prod and staging, waiting until AWS has finished' {
        $results = & $runbook -UseCurrentConnection -Member bob 6>$null
        $results.AccountName | Sort-Object | Should -Be @('prod', 'staging')
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
    }

    It 'lets bob (who had no administrator access) reach prod and staging through the group, and not the playground account' {
        Test-IdcAccountAccess -User bob -PermissionSet AdministratorAccess -Account prod | Should -BeTrue
        Test-IdcAccountAccess -User bob -PermissionSet AdministratorAccess -Account staging | Should -BeTrue
        Test-IdcAccountAccess -User bob -PermissionSet AdministratorAccess -Account playground | Should -BeFalse
    }

    It 'provisions the permission set to exactly the accounts it was assigned on' {
        $expected = (Get-IdcAccount -Name prod, staging).AccountId | Sort-Object
        $provisioned = Get-IdcPermissionSetProvisioning -PermissionSet AdministratorAccess -IncludeCurrent
        $provisioned.AccountId | Sort-Object | Should -Be $expected
        $provisioned.IsOutdated | Should -Not -Contain $true
    }

    It 'leaves the access declared in configuration/access.psd1 as it was' {
        Compare-IdcConfiguration -Path $access | Should -BeNullOrEmpty
    }

    It 'changes nothing when run again' {
        $again = & $runbook -UseCurrentConnection -Member bob 6>$null
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyAssigned'
    }
}
