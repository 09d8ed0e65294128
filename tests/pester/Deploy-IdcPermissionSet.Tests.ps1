BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.DeployIdcPermissionSetCommand'
    # The emulator provisions every set to its own account and answers SUCCEEDED at once; failures are proven by the
    # engine tests against a scripted Identity Center.
    $account = '123456789012'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Deploy-IdcPermissionSet' {
    It 'provisions to an account and writes its result' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep') -ManagedPolicy ReadOnlyAccess

        $result = Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId $account

        $result.GetType().FullName | Should -Be 'IdcAdmin.Core.PermissionSets.PermissionSetProvisioningResult'
        $result.Status | Should -Be 'SUCCEEDED'
        $result.AccountId | Should -Be $account
        $result.PermissionSetArn | Should -Be $set.PermissionSetArn
        (Get-IdcPermissionSet -Name $set.Name -Detail Provisioning).ProvisionedAccounts | Should -Contain $account
    }

    It 're-provisions every account that has the set when no account is given' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep')
        $null = $set | Deploy-IdcPermissionSet -AccountId $account

        $results = $set | Deploy-IdcPermissionSet

        $results.AccountId | Should -Be @($account)
    }

    It 'does nothing for a set provisioned nowhere' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep')

        Deploy-IdcPermissionSet -PermissionSet $set.Name | Should -BeNullOrEmpty
    }

    It 'provisions nothing with -WhatIf' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep')

        Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId $account -WhatIf | Should -BeNullOrEmpty

        (Get-IdcPermissionSet -Name $set.Name -Detail Provisioning).ProvisionedAccounts | Should -HaveCount 0
    }

    It 'refuses an account id that is not 12 digits' {
        { Deploy-IdcPermissionSet -PermissionSet x -AccountId 42 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'reports a set that does not exist' {
        { Deploy-IdcPermissionSet -PermissionSet 'no-such-set' -ErrorAction Stop } | Should -Throw -ErrorId "IdcPermissionSetNotFound,$command"
    }
}

Describe 'Deploy-IdcPermissionSet in an organization' {
    BeforeAll {
        $null = New-TestOrganization -Moto $moto -AccountCount 1
        # A session learns once whether it is in an organization; this one was not when it connected.
        $null = Connect-TestInstance -Moto $moto
    }

    It 'refuses an account id that is not in the organization before provisioning anything' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep')

        { Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId 999999999999 -ErrorAction Stop } |
            Should -Throw -ErrorId "IdcAccountNotFound,$command"
        (Get-IdcPermissionSet -Name $set.Name -Detail Provisioning).ProvisionedAccounts | Should -BeNullOrEmpty
    }

    It 'provisions to an account of the organization' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'dep')
        (Deploy-IdcPermissionSet -PermissionSet $set.Name -AccountId $account).Status | Should -Be 'SUCCEEDED'
    }
}
