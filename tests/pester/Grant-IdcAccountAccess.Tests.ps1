BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:access = New-TestAccessFixture -Moto $script:moto
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Grant-IdcAccountAccess' {
    It 'grants a group a permission set on accounts given by name and returns one result each' {
        $results = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountNames
        $results | Should -HaveCount 3
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        ($results | Sort-Object AccountId).AccountId | Should -Be ($script:access.AccountIds | Sort-Object)
        $results[0].PermissionSetName | Should -Be $script:access.PermissionSetName
        $results[0].PrincipalName | Should -Be $script:access.GroupName
    }

    It 'reports assignments that already exist without changing them' {
        $again = Grant-IdcAccountAccess -Group $script:access.GroupId -PermissionSet $script:access.PermissionSetArn -Account $script:access.AccountIds
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyAssigned'
    }

    It 'takes accounts from Get-IdcAccount through the pipeline' {
        $results = Get-IdcAccount -Name $script:access.AccountNames[0] | Grant-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName
        $results.AccountId | Should -Be $script:access.AccountIds[0]
        $results.Status | Should -Be 'Succeeded'
    }

    It 'sends nothing under -WhatIf' {
        Test-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[1] | Should -BeFalse
        Grant-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[1] -WhatIf | Should -BeNullOrEmpty
        Test-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[1] | Should -BeFalse
    }

    It 'returns pending requests with -NoWait' {
        $pending = Grant-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[2] -NoWait
        $pending.RequestId | Should -Not -BeNullOrEmpty
        $pending.GetType().FullName | Should -Be 'IdcAdmin.Core.Access.AccountAssignmentResult'
    }

    It 'stops before any write when a name is unknown' -ForEach @(
        @{ Case = 'group'; Arguments = @{ Group = 'no-such-group'; PermissionSet = 'x'; Account = 'y' }; ErrorId = 'IdcGroupNotFound' }
        @{ Case = 'permission set'; Arguments = @{ Group = 'GROUP'; PermissionSet = 'no-such-ps'; Account = 'ACCOUNT' }; ErrorId = 'IdcPermissionSetNotFound' }
        @{ Case = 'account'; Arguments = @{ Group = 'GROUP'; PermissionSet = 'PS'; Account = 'no-such-account' }; ErrorId = 'IdcAccountNotFound' }
    ) {
        # Variable names ignore case: the splat must not be called $arguments, or it replaces the -ForEach data.
        $splat = @{}
        foreach ($k in $Arguments.Keys) {
            $splat[$k] = switch ($Arguments[$k]) { 'GROUP' { $script:access.GroupName } 'PS' { $script:access.PermissionSetName } 'ACCOUNT' { $script:access.AccountIds[0] } default { $_ } }
        }
        { Grant-IdcAccountAccess @splat -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,IdcAdmin.Commands.AccountAssignment.GrantIdcAccountAccessCommand"
    }

    It 'finds a permission set, user, group and account created outside the session after their names were cached' {
        # A first grant fills the session's name caches (permission sets listed, organization walked).
        $null = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountNames[0]
        $instance = Get-IdcInstance
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        $ps = New-TestName -Prefix 'cli'
        $null = aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $ps --session-duration PT1H @common
        $user = New-TestName -Prefix 'cliusr'
        $null = aws identitystore create-user --identity-store-id $instance.IdentityStoreId --user-name $user --display-name $user --name GivenName=C,FamilyName=L @common
        $group = New-TestName -Prefix 'cligrp'
        $null = aws identitystore create-group --identity-store-id $instance.IdentityStoreId --display-name $group @common
        $account = New-TestName -Prefix 'cliacct'
        $accountId = (aws organizations create-account --email "$account@example.com" --account-name $account @common | ConvertFrom-Json).CreateAccountStatus.AccountId

        $results = Grant-IdcAccountAccess -User $user -Group $group -PermissionSet $ps -Account $account -ErrorAction Stop

        $results | Should -HaveCount 2
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $results.AccountId | Sort-Object -Unique | Should -Be $accountId
        $results.PermissionSetName | Sort-Object -Unique | Should -Be $ps
    }

    It 'skips a suspended account with a warning' {
        $closed = $script:access.AccountIds[2]
        aws organizations close-account --account-id $closed --endpoint-url $script:moto.Url --region us-east-1
        # The session keeps the organization it has read (the account was ACTIVE then): a new session reads it again.
        $null = Connect-TestInstance -Moto $script:moto
        $group = New-TestName -Prefix 'grp'
        $null = aws identitystore create-group --identity-store-id (Get-IdcInstance).IdentityStoreId --display-name $group --endpoint-url $script:moto.Url --region us-east-1
        $results = Grant-IdcAccountAccess -Group $group -PermissionSet $script:access.PermissionSetName -Account $closed -WarningVariable warnings 3>$null
        $results | Should -BeNullOrEmpty
        $warnings | Should -Match 'SUSPENDED'
    }
}
