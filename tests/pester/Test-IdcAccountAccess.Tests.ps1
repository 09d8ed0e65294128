BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:access = New-TestAccessFixture -Moto $script:moto
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Test-IdcAccountAccess' {
    BeforeAll {
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        aws identitystore create-group-membership --identity-store-id (Get-IdcInstance).IdentityStoreId --group-id $script:access.GroupId --member-id "UserId=$($script:access.UserId)" @common
        $null = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0], $script:access.AccountIds[1]
    }

    It 'passes a compliance check: the group holds the permission set on the account' {
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountNames[0] | Should -BeTrue
    }

    It 'returns a single Boolean' {
        $answer = Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0]
        $answer | Should -BeOfType [bool]
        @($answer) | Should -HaveCount 1
    }

    It 'is false when any account of the set lacks the assignment' {
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds | Should -BeFalse
    }

    It 'checks every account piped in together' {
        Get-IdcAccount -Name $script:access.AccountIds[0], $script:access.AccountIds[1] | Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName | Should -BeTrue
    }

    It 'counts a user''s access through a group by default' {
        Test-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] | Should -BeTrue
    }

    It 'counts only the user''s own assignments with -Direct' {
        Test-IdcAccountAccess -User $script:access.UserName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] -Direct | Should -BeFalse
    }

    It 'says in its help that group access counts and -Direct restricts' {
        $help = Get-Help Test-IdcAccountAccess -Full
        ($help.description | Out-String) | Should -Match 'groups'
        ($help.parameters.parameter | Where-Object name -eq 'Direct').description.Text | Should -Match 'only'
    }

    It 'is an error, not $false, for an unknown group' {
        { Test-IdcAccountAccess -Group 'no-such-group' -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNotFound,IdcAdmin.Commands.AccountAssignment.TestIdcAccountAccessCommand'
    }
}
