BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $moto = Start-TestSession
}

AfterAll {
    Stop-TestSession $moto
}

Describe 'Remove-IdcGroupMember' {
    BeforeEach {
        $group = New-IdcGroup (New-TestName -Prefix 'Team')
        $user = New-IdcUser -UserName (New-TestName -Prefix 'member') -GivenName Mem -FamilyName Ber -WarningAction SilentlyContinue
        Add-IdcGroupMember -Group $group.DisplayName -User $user.UserName
    }

    It 'removes the user from the group with -Force' {
        Remove-IdcGroupMember -Group $group.DisplayName -User $user.UserName -Force

        Get-IdcGroupMember $group.DisplayName | Should -BeNullOrEmpty
        (Get-IdcUser -UserId $user.UserId).UserName | Should -Be $user.UserName
    }

    It 'removes memberships piped from Get-IdcGroupMembership' {
        Get-IdcGroupMembership $user.UserName | Remove-IdcGroupMember -Force

        Get-IdcGroupMembership $user.UserName | Should -BeNullOrEmpty
    }

    It 'does nothing when the user is not a member' {
        Remove-IdcGroupMember -Group $group.DisplayName -User $user.UserName -Force

        { Remove-IdcGroupMember -Group $group.DisplayName -User $user.UserName -Force -ErrorAction Stop } | Should -Not -Throw
    }

    It 'removes nothing with -WhatIf' {
        Remove-IdcGroupMember -Group $group.DisplayName -User $user.UserName -WhatIf

        (Get-IdcGroupMember $group.DisplayName).UserId | Should -Be $user.UserId
    }

    It 'refuses an unknown group with IdcGroupNotFound' {
        { Remove-IdcGroupMember -Group 'no-such-group' -User $user.UserName -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.RemoveIdcGroupMemberCommand'
    }
}
