BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.GetIdcPermissionSetProvisioningCommand'
    # The emulator ignores the ProvisioningStatus filter and has no provisioning-request listing; outdated accounts and
    # failure reasons are proven by the engine tests against a scripted Identity Center.
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcPermissionSetProvisioning' {
    It 'lists nothing for a set that is provisioned nowhere' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'prov')

        Get-IdcPermissionSetProvisioning -PermissionSet $set.Name -IncludeCurrent | Should -BeNullOrEmpty
    }

    It 'lists the accounts of a provisioned set, with their provisioning status' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'prov')
        $null = Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId 123456789012

        $entries = $set | Get-IdcPermissionSetProvisioning -IncludeCurrent

        $entries | Should -Not -BeNullOrEmpty
        $entries[0].GetType().FullName | Should -Be 'IdcAdmin.Core.PermissionSets.PermissionSetAccountProvisioning'
        $entries[0].AccountId | Should -Be '123456789012'
        $entries[0].PermissionSetArn | Should -Be $set.PermissionSetArn
        $entries[0].ProvisioningStatus | Should -BeIn 'LATEST_PERMISSION_SET_PROVISIONED', 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
    }

    It 'looks from one account''s side' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'prov')
        $null = Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId 123456789012

        (Get-IdcPermissionSetProvisioning -AccountId 123456789012 -IncludeCurrent).PermissionSetArn | Should -Contain $set.PermissionSetArn
    }

    It 'offers only the AWS request statuses' {
        { Get-IdcPermissionSetProvisioning -RequestStatus Broken -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'reports a set that does not exist and goes on' {
        $err = $null
        Get-IdcPermissionSetProvisioning -PermissionSet 'no-such-set' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be "IdcPermissionSetNotFound,$command"
    }
}
