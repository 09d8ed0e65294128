BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $instance = Connect-TestInstance -Moto $script:moto
    $script:org = New-TestOrganization -Moto $script:moto -AccountCount 3
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    $script:groupName = New-TestName -Prefix 'grp'
    $script:groupId = (aws identitystore create-group --identity-store-id $instance.IdentityStoreId --display-name $script:groupName @common | ConvertFrom-Json).GroupId
    $script:userName = New-TestName -Prefix 'usr'
    $script:userId = (aws identitystore create-user --identity-store-id $instance.IdentityStoreId --user-name $script:userName --display-name $script:userName --name GivenName=Test,FamilyName=User @common | ConvertFrom-Json).UserId
    $script:psName = New-TestName -Prefix 'ps'
    $script:psArn = (aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $script:psName --session-duration PT1H @common | ConvertFrom-Json).PermissionSet.PermissionSetArn
    $script:accountIds = @($script:org.Accounts.Id)
    $script:accountNames = @($script:org.Accounts.Name)
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Grant-IdcAccountAccess' {
    It 'grants a group a permission set on accounts given by name and returns one result each' {
        $results = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountNames
        $results | Should -HaveCount 3
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        ($results | Sort-Object AccountId).AccountId | Should -Be ($script:accountIds | Sort-Object)
        $results[0].PermissionSetName | Should -Be $script:psName
        $results[0].PrincipalName | Should -Be $script:groupName
    }

    It 'reports assignments that already exist without changing them' {
        $again = Grant-IdcAccountAccess -Group $script:groupId -PermissionSet $script:psArn -Account $script:accountIds
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyAssigned'
    }

    It 'takes accounts from Get-IdcAccount through the pipeline' {
        $results = Get-IdcAccount -Name $script:accountNames[0] | Grant-IdcAccountAccess -User $script:userName -PermissionSet $script:psName
        $results.AccountId | Should -Be $script:accountIds[0]
        $results.Status | Should -Be 'Succeeded'
    }

    It 'sends nothing under -WhatIf' {
        Test-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[1] | Should -BeFalse
        Grant-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[1] -WhatIf | Should -BeNullOrEmpty
        Test-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[1] | Should -BeFalse
    }

    It 'returns pending requests with -NoWait' {
        $pending = Grant-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[2] -NoWait
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
            $splat[$k] = switch ($Arguments[$k]) { 'GROUP' { $script:groupName } 'PS' { $script:psName } 'ACCOUNT' { $script:accountIds[0] } default { $_ } }
        }
        { Grant-IdcAccountAccess @splat -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,IdcAdmin.Commands.AccountAssignment.GrantIdcAccountAccessCommand"
    }

    It 'skips a suspended account with a warning' {
        $closed = $script:accountIds[2]
        aws organizations close-account --account-id $closed --endpoint-url $script:moto.Url --region us-east-1
        # The session keeps the organization it has read (the account was ACTIVE then): a new session reads it again.
        $null = Connect-TestInstance -Moto $script:moto
        $group = New-TestName -Prefix 'grp'
        $null = aws identitystore create-group --identity-store-id (Get-IdcInstance).IdentityStoreId --display-name $group --endpoint-url $script:moto.Url --region us-east-1
        $results = Grant-IdcAccountAccess -Group $group -PermissionSet $script:psName -Account $closed -WarningVariable warnings 3>$null
        $results | Should -BeNullOrEmpty
        $warnings | Should -Match 'SUSPENDED'
    }
}
