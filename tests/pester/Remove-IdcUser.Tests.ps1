BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto

    function New-RemovableUser {
        $n = New-TestName -Prefix 'rm'
        New-IdcUser -UserName $n -GivenName Re -FamilyName Move -WarningAction SilentlyContinue
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Remove-IdcUser' {
    It 'is High impact' {
        (Get-Command Remove-IdcUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'deletes the user and its group memberships with -Force' {
        $user = New-RemovableUser
        $group = New-IdcGroup (New-TestName -Prefix 'grp') -WarningAction SilentlyContinue
        Add-IdcGroupMember -GroupId $group.GroupId -UserId $user.UserId

        Remove-IdcUser $user.UserName -Force

        Get-IdcUser -UserId $user.UserId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-IdcGroupMember -GroupId $group.GroupId | Should -BeNullOrEmpty
    }

    It 'deletes piped users' {
        $users = 1..2 | ForEach-Object { New-RemovableUser }

        $users | Remove-IdcUser -Force

        $users | ForEach-Object { Get-IdcUser -UserId $_.UserId -ErrorAction SilentlyContinue } | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf' {
        $user = New-RemovableUser

        Remove-IdcUser $user.UserName -WhatIf

        (Get-IdcUser -UserId $user.UserId).UserName | Should -Be $user.UserName
    }

    It 'reports an unknown user with IdcUserNotFound' {
        { Remove-IdcUser 'nobody-here' -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.User.RemoveIdcUserCommand'
    }
}
