BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $instance = Connect-TestInstance -Moto $script:moto
    $script:org = New-TestOrganization -Moto $script:moto -AccountCount 3
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    $script:groupName = New-TestName -Prefix 'grp'
    $script:groupId = (aws identitystore create-group --identity-store-id $instance.IdentityStoreId --display-name $script:groupName @common | ConvertFrom-Json).GroupId
    $script:memberName = New-TestName -Prefix 'usr'
    $script:memberId = (aws identitystore create-user --identity-store-id $instance.IdentityStoreId --user-name $script:memberName --display-name $script:memberName --name GivenName=Test,FamilyName=Member @common | ConvertFrom-Json).UserId
    $script:directName = New-TestName -Prefix 'usr'
    $null = aws identitystore create-user --identity-store-id $instance.IdentityStoreId --user-name $script:directName --display-name $script:directName --name GivenName=Test,FamilyName=Direct @common
    $null = aws identitystore create-group-membership --identity-store-id $instance.IdentityStoreId --group-id $script:groupId --member-id "UserId=$($script:memberId)" @common
    $script:groupSet = New-TestName -Prefix 'ps'
    $script:directSet = New-TestName -Prefix 'ps'
    $null = aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $script:groupSet --session-duration PT1H @common
    $null = aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $script:directSet --session-duration PT1H @common
    $script:accountIds = @($script:org.Accounts.Id)
    $null = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:groupSet -Account $script:accountIds
    $null = Grant-IdcAccountAccess -User $script:directName -PermissionSet $script:directSet -Account $script:accountIds[0]
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

# moto does not provision a permission set to an account when it is assigned, so its provisioning listings are empty:
# the views below read per principal (-Path Principal), and the ones after them show that -Path Auto (the default)
# does not trust an empty provisioning probe and gives the same answers. The planner's choice among paths over
# AWS-like listings is tested over a scripted AWS in EffectiveAccessScriptedTests.
Describe 'Get-IdcEffectiveAccess' {
    It 'shows what a user reaches through a group, naming the group' {
        $rows = Get-IdcEffectiveAccess -User $script:memberName
        $rows | Should -HaveCount 3
        $rows.GroupName | Sort-Object -Unique | Should -Be $script:groupName
        $rows.PermissionSetName | Sort-Object -Unique | Should -Be $script:groupSet
        ($rows.AccountId | Sort-Object) | Should -Be ($script:accountIds | Sort-Object)
        $rows.Direct | Sort-Object -Unique | Should -Be $false
    }

    It 'shows a direct assignment without a group' {
        $rows = @(Get-IdcEffectiveAccess -User $script:directName)
        $rows | Should -HaveCount 1
        $rows[0].Direct | Should -BeTrue
        $rows[0].GroupName | Should -BeNullOrEmpty
        $rows[0].AccountName | Should -Be ($script:org.Accounts | Where-Object Id -eq $script:accountIds[0]).Name
    }

    It 'lists the whole organization one row per user, account and set, ready for Export-Csv' {
        $rows = Get-IdcEffectiveAccess -Path Principal
        $rows | Should -HaveCount 4
        $csv = Join-Path $TestDrive 'access.csv'
        $rows | Export-Csv -Path $csv -NoTypeInformation
        $back = Import-Csv $csv
        $back | Should -HaveCount 4
        ($back | Where-Object UserName -eq $script:directName).PermissionSetName | Should -Be $script:directSet
    }

    It 'answers who can reach one account' {
        $rows = Get-IdcEffectiveAccess -Account $script:accountIds[0] -Path Principal
        ($rows.UserName | Sort-Object) | Should -Be (@($script:memberName, $script:directName) | Sort-Object)
        $rows.AccountId | Sort-Object -Unique | Should -Be $script:accountIds[0]
    }

    It 'answers who holds one permission set anywhere' {
        $rows = @(Get-IdcEffectiveAccess -PermissionSet $script:directSet -Path Principal)
        $rows | Should -HaveCount 1
        $rows[0].UserName | Should -Be $script:directName
    }

    It 'lists the whole organization by default (-Path Auto) although the provisioning listings show nothing' {
        $all = Get-IdcEffectiveAccess -Path Auto -Verbose 4>&1
        $rows = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $rows | Should -HaveCount 4
        ($rows | Where-Object UserName -eq $script:directName).PermissionSetName | Should -Be $script:directSet
        ($verbose.Message -join ' ') | Should -Match 'per Principal'
    }

    It 'answers who can reach one account with -Path Auto' {
        $rows = Get-IdcEffectiveAccess -Account $script:accountIds[0] -Path Auto
        ($rows.UserName | Sort-Object) | Should -Be (@($script:memberName, $script:directName) | Sort-Object)
        $rows.AccountId | Sort-Object -Unique | Should -Be $script:accountIds[0]
    }

    It 'answers who holds one permission set anywhere with -Path Auto' {
        $rows = @(Get-IdcEffectiveAccess -PermissionSet $script:groupSet)
        $rows | Should -HaveCount 3
        $rows.UserName | Sort-Object -Unique | Should -Be $script:memberName
        $rows.GroupName | Sort-Object -Unique | Should -Be $script:groupName
    }

    It 'says which path it read by' {
        $verbose = Get-IdcEffectiveAccess -User $script:memberName -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join ' ') | Should -Match 'per Principal'
    }

    It 'shows what comes through a group, to each member, and nothing assigned directly' {
        $rows = @(Get-IdcEffectiveAccess -Group $script:groupName)
        $rows | Should -HaveCount 3
        $rows.UserName | Sort-Object -Unique | Should -Be $script:memberName
        $rows.GroupName | Sort-Object -Unique | Should -Be $script:groupName
        ($rows.AccountId | Sort-Object) | Should -Be ($script:accountIds | Sort-Object)
    }

    It 'takes groups piped from Get-IdcGroup' {
        $rows = @(Get-IdcGroup $script:groupName | Get-IdcEffectiveAccess -Account $script:accountIds[1])
        $rows | Should -HaveCount 1
        $rows[0].UserName | Should -Be $script:memberName
        $rows[0].AccountId | Should -Be $script:accountIds[1]
    }

    It 'narrows -User to the access that comes through the groups named' {
        @(Get-IdcEffectiveAccess -User $script:directName -Group $script:groupName) | Should -HaveCount 0
        @(Get-IdcEffectiveAccess -User $script:memberName -Group $script:groupName) | Should -HaveCount 3
    }

    It 'pivots to a line per user and a column per account for Export-Csv with -AsMatrix' {
        $csv = Join-Path $TestDrive 'matrix.csv'
        Get-IdcEffectiveAccess -AsMatrix -Path Principal | Export-Csv -Path $csv -NoTypeInformation
        $back = @(Import-Csv $csv)
        $back | Should -HaveCount 2
        $names = $script:org.Accounts | ForEach-Object Name
        ($back[0].PSObject.Properties.Name | Select-Object -Skip 1) | Should -Be ($names | Sort-Object)
        $member = $back | Where-Object UserName -eq $script:memberName
        foreach ($name in $names) { $member.$name | Should -Be $script:groupSet }
        $direct = $back | Where-Object UserName -eq $script:directName
        $first = ($script:org.Accounts | Where-Object Id -eq $script:accountIds[0]).Name
        $direct.$first | Should -Be $script:directSet
        @($names | Where-Object { $_ -ne $first } | ForEach-Object { $direct.$_ } | Where-Object { $_ }) | Should -HaveCount 0
    }

    It 'reports an unknown group as a not-found error' {
        { Get-IdcEffectiveAccess -Group 'no-such-group' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.AccountAssignment.GetIdcEffectiveAccessCommand'
    }

    It 'reports an unknown user as a not-found error' {
        { Get-IdcEffectiveAccess -User 'no-such-user' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.AccountAssignment.GetIdcEffectiveAccessCommand'
    }

    It 'answers for the known users when one of them is unknown, and reports that one' {
        $rows = @(Get-IdcEffectiveAccess -User 'no-such-user', $script:directName -Path Principal -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 1
        $rows[0].UserName | Should -Be $script:directName
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'IdcUserNotFound,*'
        $problems[0].TargetObject | Should -Be 'no-such-user'
    }

    It 'answers nothing, not the whole organization, when every user named is unknown' {
        $rows = @(Get-IdcEffectiveAccess -User 'no-such-user', 'nor-this-one' -Path Principal -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        $problems | Should -HaveCount 2
    }
}
