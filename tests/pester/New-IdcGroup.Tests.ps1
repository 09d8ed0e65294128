BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $moto = Start-TestSession
}

AfterAll {
    Stop-TestSession $moto
}

Describe 'New-IdcGroup' {
    It 'creates a group with a description' {
        $name = New-TestName -Prefix 'Admins'

        $group = New-IdcGroup $name -Description 'Administrators'

        $group.DisplayName | Should -Be $name
        $group.Description | Should -Be 'Administrators'
        (Get-IdcGroup -GroupId $group.GroupId).DisplayName | Should -Be $name
    }

    It 'returns the existing group when re-run with the same description, with a warning' {
        $name = New-TestName -Prefix 'Ops'
        $first = New-IdcGroup $name -Description 'Operators'

        $again = New-IdcGroup $name -Description 'Operators' -WarningVariable w -WarningAction SilentlyContinue

        $again.GroupId | Should -Be $first.GroupId
        "$w" | Should -Match 'already exists'
    }

    It 'refuses a different description, naming it' {
        $name = New-TestName -Prefix 'Dev'
        $null = New-IdcGroup $name -Description 'Developers'

        { New-IdcGroup $name -Description 'Someone else' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupExistsWithDifferentAttributes,IdcAdmin.Commands.Group.NewIdcGroupCommand' -ExpectedMessage '*Description*'
    }

    It 'refuses the reserved name <Name>' -ForEach @(@{ Name = 'Administrator' }, @{ Name = 'AWSAdministrators' }) {
        { New-IdcGroup $Name -ErrorAction Stop } | Should -Throw -ErrorId 'IdcReservedName,IdcAdmin.Commands.Group.NewIdcGroupCommand'
    }

    It 'creates groups from CSV rows' {
        $prefix = New-TestName -Prefix 'csvgrp'
        $rows = "DisplayName,Description`n$prefix-1,One`n$prefix-2,Two" | ConvertFrom-Csv

        ($rows | New-IdcGroup) | Should -HaveCount 2
    }

    It 'creates nothing with -WhatIf' {
        $name = New-TestName -Prefix 'WhatIf'

        New-IdcGroup $name -WhatIf

        Get-IdcGroup $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
