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

Describe 'Test-IdcAccountAccess' {
    BeforeAll {
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        aws identitystore create-group-membership --identity-store-id (Get-IdcInstance).IdentityStoreId --group-id $script:groupId --member-id "UserId=$($script:userId)" @common
        $null = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0], $script:accountIds[1]
    }

    It 'passes a compliance check: the group holds the permission set on the account' {
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountNames[0] | Should -BeTrue
    }

    It 'returns a single Boolean' {
        $answer = Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0]
        $answer | Should -BeOfType [bool]
        @($answer) | Should -HaveCount 1
    }

    It 'is false when any account of the set lacks the assignment' {
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds | Should -BeFalse
    }

    It 'checks every account piped in together' {
        Get-IdcAccount -Name $script:accountIds[0], $script:accountIds[1] | Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName | Should -BeTrue
    }

    It 'counts a user''s access through a group by default' {
        Test-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[0] | Should -BeTrue
    }

    It 'counts only the user''s own assignments with -Direct' {
        Test-IdcAccountAccess -User $script:userName -PermissionSet $script:psName -Account $script:accountIds[0] -Direct | Should -BeFalse
    }

    It 'says in its help that group access counts and -Direct restricts' {
        $help = Get-Help Test-IdcAccountAccess -Full
        ($help.description | Out-String) | Should -Match 'groups'
        ($help.parameters.parameter | Where-Object name -eq 'Direct').description.Text | Should -Match 'only'
    }

    It 'is an error, not $false, for an unknown group' {
        { Test-IdcAccountAccess -Group 'no-such-group' -PermissionSet $script:psName -Account $script:accountIds[0] -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.AccountAssignment.TestIdcAccountAccessCommand'
    }
}
