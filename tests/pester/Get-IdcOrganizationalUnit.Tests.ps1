BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $script:moto
    $script:org = New-TestOrganization -Moto $script:moto -AccountCount 1
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    $script:workloads = (aws organizations create-organizational-unit --parent-id $script:org.RootId --name Workloads @common | ConvertFrom-Json).OrganizationalUnit
    $script:prod = (aws organizations create-organizational-unit --parent-id $script:workloads.Id --name Prod @common | ConvertFrom-Json).OrganizationalUnit
    $script:dev = (aws organizations create-organizational-unit --parent-id $script:workloads.Id --name Dev @common | ConvertFrom-Json).OrganizationalUnit
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Get-IdcOrganizationalUnit' {
    It 'lists the whole tree, root first, with paths' {
        $units = Get-IdcOrganizationalUnit
        $units[0].Path | Should -Be '/Root'
        $units.Path | Should -Contain '/Root/Workloads/Prod'
        $units.Path | Should -Contain '/Root/Workloads/Dev'
    }

    It 'finds one OU by path or by id' {
        (Get-IdcOrganizationalUnit /Root/Workloads/Prod).OrganizationalUnitId | Should -Be $script:prod.Id
        (Get-IdcOrganizationalUnit $script:dev.Id).Path | Should -Be '/Root/Workloads/Dev'
    }

    It 'returns the OU and everything below it with -Recurse' {
        Get-IdcOrganizationalUnit /Root/Workloads -Recurse | Should -HaveCount 3
        Get-IdcOrganizationalUnit /Root/Workloads | Should -HaveCount 1
    }

    It 'filters by name with wildcards' {
        (Get-IdcOrganizationalUnit -Name 'P*').Path | Should -Be '/Root/Workloads/Prod'
    }

    It 'reports an unknown path as a not-found error' {
        { Get-IdcOrganizationalUnit /Root/Missing -ErrorAction Stop } | Should -Throw -ErrorId 'IdcOrganizationalUnitNotFound,IdcAdmin.Commands.OrganizationalUnit.GetIdcOrganizationalUnitCommand'
    }
}
