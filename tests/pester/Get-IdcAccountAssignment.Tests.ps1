BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:access = New-TestAccessFixture -Moto $script:moto
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Get-IdcAccountAssignment' {
    BeforeAll {
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        aws identitystore create-group-membership --identity-store-id (Get-IdcInstance).IdentityStoreId --group-id $script:access.GroupId --member-id "UserId=$($script:access.UserId)" @common
        $null = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds
        $null = Grant-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0]
    }

    It 'lists a group''s assignments with names resolved' {
        $rows = Get-IdcAccountAssignment -Group $script:access.GroupName
        $rows | Should -HaveCount 3
        $rows.PrincipalName | Sort-Object -Unique | Should -Be $script:access.GroupName
        $rows.PermissionSetName | Sort-Object -Unique | Should -Be $script:access.PermissionSetName
        ($rows | Sort-Object AccountId).AccountName | Should -Be ($script:access.Organization.Accounts | Sort-Object Id).Name
    }

    It 'lists the assignments of one permission set on one account' {
        $rows = Get-IdcAccountAssignment -Account $script:access.AccountNames[0] -PermissionSet $script:access.PermissionSetName
        $rows | Should -HaveCount 2
        ($rows.PrincipalType | Sort-Object) | Should -Be @('User', 'Group')
    }

    It 'follows a user''s groups with -IncludeGroups' {
        Get-IdcAccountAssignment -User $script:access.UserName | Should -HaveCount 1
        $reach = Get-IdcAccountAssignment -User $script:access.UserName -IncludeGroups
        $reach | Should -HaveCount 4
        ($reach | Where-Object ThroughGroup).MemberUserName | Sort-Object -Unique | Should -Be $script:access.UserName
    }

    It 'reports an unknown user as a not-found error' {
        { Get-IdcAccountAssignment -User 'no-such-user' -ErrorAction Stop } | Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.AccountAssignment.GetIdcAccountAssignmentCommand'
    }

    It 'lists the known user''s assignments when another name is unknown, and reports that one' {
        $rows = @(Get-IdcAccountAssignment -User 'no-such-user', $script:access.UserName -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 1
        $rows[0].PrincipalName | Should -Be $script:access.UserName
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'IdcUserNotFound,*'
    }

    It 'lists nothing, not every assignment, when the only account named is unknown' {
        $rows = @(Get-IdcAccountAssignment -Account 'no-such-account' -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'IdcAccountNotFound,*'
    }
}
