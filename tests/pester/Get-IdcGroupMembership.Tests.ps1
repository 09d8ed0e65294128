BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $user = New-IdcUser -UserName (New-TestName -Prefix 'multi') -GivenName Multi -FamilyName Group -WarningAction SilentlyContinue
    $groups = 1..2 | ForEach-Object { New-IdcGroup (New-TestName -Prefix 'G') }
    $groups | ForEach-Object { Add-IdcGroupMember -GroupId $_.GroupId -UserId $user.UserId }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcGroupMembership' {
    It 'lists the groups of a user piped from Get-IdcUser' {
        $memberships = Get-IdcUser $user.UserName | Get-IdcGroupMembership

        ($memberships.GroupName | Sort-Object) | Should -Be ($groups.DisplayName | Sort-Object)
        $memberships | ForEach-Object { $_.UserId | Should -Be $user.UserId }
    }

    It 'pipes into Get-IdcGroup' {
        (Get-IdcGroupMembership -UserId $user.UserId | Get-IdcGroup) | Should -HaveCount 2
    }

    It 'reports an unknown user with IdcUserNotFound' {
        { Get-IdcGroupMembership 'nobody-here' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.Group.GetIdcGroupMembershipCommand'
    }
}
