BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $moto = Start-TestSession
}

AfterAll {
    Stop-TestSession $moto
}

Describe 'Remove-IdcGroup' {
    It 'deletes the group and its memberships but keeps the users' {
        $group = New-IdcGroup (New-TestName -Prefix 'rmgrp')
        $user = New-IdcUser -UserName (New-TestName -Prefix 'keep') -GivenName Keep -FamilyName Me -WarningAction SilentlyContinue
        $user | Add-IdcGroupMember -GroupId $group.GroupId

        Remove-IdcGroup $group.DisplayName -Force

        Get-IdcGroup -GroupId $group.GroupId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-IdcGroupMembership -UserId $user.UserId | Should -BeNullOrEmpty
        (Get-IdcUser -UserId $user.UserId).UserName | Should -Be $user.UserName
    }

    It 'deletes piped groups' {
        $groups = 1..2 | ForEach-Object { New-IdcGroup (New-TestName -Prefix 'piped') }

        $groups | Remove-IdcGroup -Force

        $groups | ForEach-Object { Get-IdcGroup -GroupId $_.GroupId -ErrorAction SilentlyContinue } | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf' {
        $group = New-IdcGroup (New-TestName -Prefix 'stay')

        Remove-IdcGroup $group.DisplayName -WhatIf

        (Get-IdcGroup -GroupId $group.GroupId).DisplayName | Should -Be $group.DisplayName
    }

    It 'reports an unknown group with IdcGroupNotFound' {
        { Remove-IdcGroup 'no-such-group' -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.RemoveIdcGroupCommand'
    }
}
