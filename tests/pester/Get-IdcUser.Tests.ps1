BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $prefix = New-TestName -Prefix 'get'
    $users = 'a', 'b', 'c' | ForEach-Object {
        New-IdcUser -UserName "$prefix-$_" -Email "$prefix-$_@example.com" -GivenName $_ -FamilyName Test -WarningAction SilentlyContinue
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcUser' {
    It 'gets a user by user name' {
        (Get-IdcUser "$prefix-a").UserId | Should -Be $users[0].UserId
    }

    It 'gets a user by id and by email' {
        (Get-IdcUser -UserId $users[1].UserId).UserName | Should -Be "$prefix-b"
        (Get-IdcUser "$prefix-c@example.com").UserName | Should -Be "$prefix-c"
    }

    It 'filters by wildcard on the user name' {
        $found = Get-IdcUser "$prefix-[ab]"

        $found | Should -HaveCount 2
        ($found.UserName | Sort-Object) | Should -Be @("$prefix-a", "$prefix-b")
    }

    It 'lists every user without a name' {
        $all = Get-IdcUser
        ($all | Where-Object UserName -like "$prefix-*") | Should -HaveCount 3
    }

    It 'takes names from the pipeline' {
        ("$prefix-a", "$prefix-b" | Get-IdcUser) | Should -HaveCount 2
    }

    It 'reports an unknown user with IdcUserNotFound and goes on' {
        $found = Get-IdcUser -UserName 'nobody-here', "$prefix-a" -ErrorVariable failures -ErrorAction SilentlyContinue

        $found | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'IdcUserNotFound,IdcAdmin.Commands.User.GetIdcUserCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows UserName and UserId in the default table, and the rest in the list' {
        $user = Get-IdcUser "$prefix-a"

        ($user | Out-String -Width 80) | Should -Match 'UserName\s+UserId'
        ($user | Format-List | Out-String -Width 80) | Should -Match 'DisplayName\s+:'
    }
}
