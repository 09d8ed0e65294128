# UpdateGroup is not implemented by moto: these tests cover what is decided before the call (nothing to change,
# refusals, -WhatIf); the UpdateGroup operations themselves are tested in the engine against a scripted store.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $name = New-TestName -Prefix 'setgrp'
    $group = New-IdcGroup $name -Description 'Original'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Set-IdcGroup' {
    It 'returns the group unchanged when it already has the values' {
        $result = $group | Set-IdcGroup -Description 'Original' -PassThru

        $result.GroupId | Should -Be $group.GroupId
        $result.Description | Should -Be 'Original'
    }

    It 'changes nothing with -WhatIf' {
        Set-IdcGroup $name -Description 'Changed' -WhatIf

        (Get-IdcGroup $name).Description | Should -Be 'Original'
    }

    It 'refuses a reserved new name with IdcReservedName' {
        { Set-IdcGroup $name -NewDisplayName 'Administrator' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcReservedName,IdcAdmin.Commands.Group.SetIdcGroupCommand'
    }

    It 'refuses an unknown group with IdcGroupNotFound' {
        { Set-IdcGroup 'no-such-group' -Description X -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.SetIdcGroupCommand'
    }
}
