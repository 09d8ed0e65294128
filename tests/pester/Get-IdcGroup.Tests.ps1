BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $prefix = New-TestName -Prefix 'team'
    $groups = 'red', 'green', 'blue' | ForEach-Object { New-IdcGroup "$prefix-$_" -Description "Team $_" }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcGroup' {
    It 'gets a group by name and by id' {
        (Get-IdcGroup "$prefix-red").GroupId | Should -Be $groups[0].GroupId
        (Get-IdcGroup -GroupId $groups[1].GroupId).DisplayName | Should -Be "$prefix-green"
    }

    It 'filters by wildcard' {
        $found = Get-IdcGroup "$prefix-*e*"

        ($found.DisplayName | Sort-Object) | Should -Be @("$prefix-blue", "$prefix-green", "$prefix-red")
        (Get-IdcGroup "$prefix-b*") | Should -HaveCount 1
    }

    It 'lists every group without a name' {
        (Get-IdcGroup | Where-Object DisplayName -like "$prefix-*") | Should -HaveCount 3
    }

    It 'reports an unknown group with IdcGroupNotFound' {
        { Get-IdcGroup 'no-such-group' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.Group.GetIdcGroupCommand'
    }

    It 'shows DisplayName and GroupId in the default table, and the description in the list' {
        (Get-IdcGroup "$prefix-red" | Out-String -Width 80) | Should -Match 'DisplayName\s+GroupId'
        (Get-IdcGroup "$prefix-red" | Format-List | Out-String -Width 80) | Should -Match 'Description\s+: Team red'
    }
}
