BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $group = New-IdcGroup (New-TestName -Prefix 'Members')
    $users = 1..3 | ForEach-Object {
        $n = New-TestName -Prefix 'gm'
        New-IdcUser -UserName $n -Email "$n@example.com" -GivenName G -FamilyName "M$_" -WarningAction SilentlyContinue
    }
    $users | Add-IdcGroupMember -GroupId $group.GroupId
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcGroupMember' {
    It 'lists the members of a group piped from Get-IdcGroup, with names and emails' {
        $members = Get-IdcGroup $group.DisplayName | Get-IdcGroupMember

        $members | Should -HaveCount 3
        ($members.UserName | Sort-Object) | Should -Be ($users.UserName | Sort-Object)
        ($members.Email | Sort-Object) | Should -Be ($users.Email | Sort-Object)
        $members | ForEach-Object { $_.GroupName | Should -Be $group.DisplayName }
    }

    It 'lists by group name and by id alike' {
        (Get-IdcGroupMember $group.DisplayName) | Should -HaveCount 3
        (Get-IdcGroupMember -GroupId $group.GroupId) | Should -HaveCount 3
    }

    It 'pipes members into Get-IdcUser' {
        (Get-IdcGroupMember $group.DisplayName | Get-IdcUser) | Should -HaveCount 3
    }

    It 'reports an unknown group with IdcGroupNotFound' {
        { Get-IdcGroupMember 'no-such-group' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.GetIdcGroupMemberCommand'
    }
}
