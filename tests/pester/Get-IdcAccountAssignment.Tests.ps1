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

Describe 'Get-IdcAccountAssignment' {
    BeforeAll {
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        aws identitystore create-group-membership --identity-store-id (Get-IdcInstance).IdentityStoreId --group-id $script:groupId --member-id "UserId=$($script:userId)" @common
        $null = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds
        $null = Grant-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[0]
    }

    It 'lists a group''s assignments with names resolved' {
        $rows = Get-IdcAccountAssignment -Group $script:groupName
        $rows | Should -HaveCount 3
        $rows.PrincipalName | Sort-Object -Unique | Should -Be $script:groupName
        $rows.PermissionSetName | Sort-Object -Unique | Should -Be $script:psName
        ($rows | Sort-Object AccountId).AccountName | Should -Be ($script:org.Accounts | Sort-Object Id).Name
    }

    It 'lists the assignments of one permission set on one account' {
        $rows = Get-IdcAccountAssignment -Account $script:accountNames[0] -PermissionSet $script:psName
        $rows | Should -HaveCount 2
        ($rows.PrincipalType | Sort-Object) | Should -Be @('User', 'Group')
    }

    It 'follows a user''s groups with -IncludeGroups' {
        Get-IdcAccountAssignment -User $script:userName | Should -HaveCount 1
        $reach = Get-IdcAccountAssignment -User $script:userName -IncludeGroups
        $reach | Should -HaveCount 4
        ($reach | Where-Object ThroughGroup).MemberUserName | Sort-Object -Unique | Should -Be $script:userName
    }

    It 'reports an unknown user as a not-found error' {
        { Get-IdcAccountAssignment -User 'no-such-user' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.AccountAssignment.GetIdcAccountAssignmentCommand'
    }
}
