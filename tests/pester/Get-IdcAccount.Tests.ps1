BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $script:moto
    $script:org = New-TestOrganization -Moto $script:moto -AccountCount 4
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    # Workloads/Prod holds the last two accounts, so recursion has something to find.
    $script:workloads = (aws organizations create-organizational-unit --parent-id $script:org.RootId --name Workloads @common | ConvertFrom-Json).OrganizationalUnit
    $script:prod = (aws organizations create-organizational-unit --parent-id $script:workloads.Id --name Prod @common | ConvertFrom-Json).OrganizationalUnit
    foreach ($a in $script:org.Accounts[2..3]) {
        aws organizations move-account --account-id $a.Id --source-parent-id $script:org.RootId --destination-parent-id $script:prod.Id @common
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Get-IdcAccount' {
    It 'lists every account of the organization with its OU path' {
        $all = Get-IdcAccount
        $all.AccountId | Should -Contain $script:org.Accounts[0].Id
        ($all | Where-Object AccountId -EQ $script:org.Accounts[3].Id).OrganizationalUnitPath | Should -Be '/Root/Workloads/Prod'
        ($all | Where-Object AccountId -EQ $script:org.Accounts[0].Id).OrganizationalUnitPath | Should -Be '/Root'
    }

    It 'finds accounts by name with wildcards and by id' {
        (Get-IdcAccount -Name $script:org.Accounts[1].Name).AccountId | Should -Be $script:org.Accounts[1].Id
        (Get-IdcAccount -Name $script:org.Accounts[1].Id).Name | Should -Be $script:org.Accounts[1].Name
        $prefix = $script:org.Accounts[0].Name.Substring(0, 6)
        @(Get-IdcAccount -Name "$prefix*").Count | Should -BeGreaterOrEqual 1
    }

    It 'lists only the direct accounts of an OU unless -Recurse' {
        Get-IdcAccount -OrganizationalUnit /Root/Workloads | Should -BeNullOrEmpty
        Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse | Should -HaveCount 2
        Get-IdcAccount -OrganizationalUnit $script:prod.Id | Should -HaveCount 2
    }

    It 'takes OUs from Get-IdcOrganizationalUnit through the pipeline' {
        Get-IdcOrganizationalUnit /Root/Workloads/Prod | Get-IdcAccount | Should -HaveCount 2
    }

    It 'reports an unknown account name as a not-found error' {
        { Get-IdcAccount -Name 'no-such-account' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcAccountNotFound,IdcAdmin.Commands.Account.GetIdcAccountCommand'
    }

    It 'reports an unknown OU path as a not-found error' {
        { Get-IdcAccount -OrganizationalUnit /Root/Nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'IdcOrganizationalUnitNotFound,IdcAdmin.Commands.Account.GetIdcAccountCommand'
    }

    It 'filters by status' {
        aws organizations close-account --account-id $script:org.Accounts[1].Id --endpoint-url $script:moto.Url --region us-east-1
        (Get-IdcAccount -Status SUSPENDED).AccountId | Should -Contain $script:org.Accounts[1].Id
        (Get-IdcAccount -Status ACTIVE).AccountId | Should -Not -Contain $script:org.Accounts[1].Id
    }
}
