BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $moto = Start-TestSession
}

AfterAll {
    Stop-TestSession $moto
}

Describe 'Add-IdcGroupMember' {
    BeforeEach {
        $group = New-IdcGroup (New-TestName -Prefix 'Admins')
    }

    It 'adds a user piped from New-IdcUser' {
        $name = New-TestName -Prefix 'alice'

        $member = New-IdcUser -UserName $name -GivenName Alice -FamilyName Doe -WarningAction SilentlyContinue |
            Add-IdcGroupMember -Group $group.DisplayName -PassThru

        $member.UserName | Should -Be $name
        $member.GroupName | Should -Be $group.DisplayName
        (Get-IdcGroupMember $group.DisplayName).UserName | Should -Be $name
    }

    It 'is a no-op when the user is already a member' {
        $user = New-IdcUser -UserName (New-TestName -Prefix 'twice') -GivenName T -FamilyName W -WarningAction SilentlyContinue

        $first = Add-IdcGroupMember -Group $group.DisplayName -User $user.UserName -PassThru
        $second = Add-IdcGroupMember -Group $group.GroupId -User $user.UserId -PassThru

        $second.MembershipId | Should -Be $first.MembershipId
        Get-IdcGroupMember -GroupId $group.GroupId | Should -HaveCount 1
    }

    It 'adds several users to a group piped from Get-IdcGroup' {
        $names = 1..2 | ForEach-Object { (New-IdcUser -UserName (New-TestName -Prefix 'many') -GivenName M -FamilyName N -WarningAction SilentlyContinue).UserName }

        Get-IdcGroup $group.DisplayName | Add-IdcGroupMember -User $names

        Get-IdcGroupMember $group.DisplayName | Should -HaveCount 2
    }

    It 'keeps the group given on the command line when piped memberships carry another' {
        $other = New-IdcGroup (New-TestName -Prefix 'Other')
        $user = New-IdcUser -UserName (New-TestName -Prefix 'move') -GivenName M -FamilyName V -WarningAction SilentlyContinue
        Add-IdcGroupMember -Group $other.DisplayName -User $user.UserName

        Get-IdcGroupMember $other.DisplayName | Add-IdcGroupMember -Group $group.DisplayName

        (Get-IdcGroupMember $group.DisplayName).UserId | Should -Be $user.UserId
    }

    It 'refuses an unknown group with IdcGroupNotFound' {
        { Add-IdcGroupMember -Group 'no-such-group' -User 'whoever' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.AddIdcGroupMemberCommand'
    }

    It 'refuses an unknown user with IdcUserNotFound' {
        { Add-IdcGroupMember -Group $group.DisplayName -User 'nobody-here' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.Group.AddIdcGroupMemberCommand'
    }

    It 'adds nothing with -WhatIf' {
        $user = New-IdcUser -UserName (New-TestName -Prefix 'wi') -GivenName W -FamilyName I -WarningAction SilentlyContinue

        Add-IdcGroupMember -Group $group.DisplayName -User $user.UserName -WhatIf

        Get-IdcGroupMember $group.DisplayName | Should -BeNullOrEmpty
    }
}
