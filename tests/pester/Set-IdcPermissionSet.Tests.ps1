BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.SetIdcPermissionSetCommand'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Set-IdcPermissionSet' {
    BeforeEach {
        $name = New-TestName -Prefix 'set'
        $set = New-IdcPermissionSet -Name $name -Description 'before' -ManagedPolicy ReadOnlyAccess, SecurityAudit -CustomerManagedPolicy Keep `
            -InlinePolicy '{"Version":"2012-10-17","Statement":[]}'
    }

    It 'makes the managed policies exactly those given' {
        Set-IdcPermissionSet -PermissionSet $name -ManagedPolicy ReadOnlyAccess, PowerUserAccess

        $after = Get-IdcPermissionSet -Name $name -Detail Policies
        $after.ManagedPolicies.Name | Sort-Object | Should -Be @('PowerUserAccess', 'ReadOnlyAccess')
        $after.CustomerManagedPolicies | Should -HaveCount 1
    }

    It 'changes the duration and description and removes the inline policy' {
        Set-IdcPermissionSet -PermissionSet $name -SessionDuration PT8H -Description 'after' -RemoveInlinePolicy -NoProvision

        $after = Get-IdcPermissionSet -Name $name -Detail Policies

        $after.SessionDuration | Should -BeExactly 'PT8H'
        $after.Description | Should -Be 'after'
        $after.InlinePolicy | Should -BeNullOrEmpty
    }

    It 'returns the changed set with -PassThru, warning about the details it cannot read' {
        $result = Set-IdcPermissionSet $name -Description 'after' -PassThru -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $result.Description | Should -Be 'after'
        ($result.ManagedPolicies.Name | Sort-Object) | Should -Be @('ReadOnlyAccess', 'SecurityAudit')
        $result.PermissionsBoundary | Should -BeNullOrEmpty
        $result.Tags | Should -BeNullOrEmpty
        @($warnings | Where-Object { "$_" -match 'PermissionsBoundary' }) | Should -HaveCount 1
        @($warnings | Where-Object { "$_" -match '\bTags\b' }) | Should -HaveCount 1
    }

    It 'takes the set from the pipeline' {
        $set | Set-IdcPermissionSet -CustomerManagedPolicy @()

        (Get-IdcPermissionSet -Name $name -Detail Policies).CustomerManagedPolicies | Should -HaveCount 0
    }

    It 'lists the changes and makes none with -WhatIf' {
        Set-IdcPermissionSet -PermissionSet $name -ManagedPolicy PowerUserAccess -WhatIf

        (Get-IdcPermissionSet -Name $name -Detail Policies).ManagedPolicies.Name | Sort-Object | Should -Be @('ReadOnlyAccess', 'SecurityAudit')
    }

    It 'refuses an invalid duration without changing anything' {
        { Set-IdcPermissionSet -PermissionSet $name -SessionDuration PT30M -ErrorAction Stop } | Should -Throw -ErrorId "IdcPermissionSetInvalid,$command"
        (Get-IdcPermissionSet -Name $name -Detail None).SessionDuration | Should -BeExactly 'PT1H'
    }

    It 'reports a set that does not exist' {
        { Set-IdcPermissionSet -PermissionSet 'no-such-set' -Description x -ErrorAction Stop } | Should -Throw -ErrorId "IdcPermissionSetNotFound,$command"
    }
}
