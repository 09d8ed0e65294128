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

Describe 'Revoke-IdcAccountAccess' {
    BeforeEach {
        $null = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds
    }

    It 'revokes with -Force and leaves no assignment' {
        $results = Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds -Force
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0] | Should -BeFalse
    }

    It 'treats revoking a missing assignment as a no-op' {
        $null = Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0] -Force
        $again = Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0] -Force
        $again.Status | Should -Be 'NotAssigned'
    }

    It 'sends nothing under -WhatIf, even with -Force' {
        Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds -Force -WhatIf
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds | Should -BeTrue
    }

    It 'revokes what Get-IdcAccountAssignment pipes in' {
        Get-IdcAccountAssignment -Group $script:groupName | Revoke-IdcAccountAccess -Force
        Get-IdcAccountAssignment -Group $script:groupName | Should -BeNullOrEmpty
    }

    It 'is a high-impact command with -Force' {
        $command = Get-Command Revoke-IdcAccountAccess
        $command.Parameters.Keys | Should -Contain 'Force'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'refuses to revoke the management account''s last administrator assignment, even with -Force, unless -AllowNoAdministrator' {
        $instance = Get-IdcInstance
        $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
        $management = (aws organizations describe-organization @common | ConvertFrom-Json).Organization.MasterAccountId
        $admin = New-TestName -Prefix 'admin'
        $adminArn = (aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $admin --session-duration PT1H @common | ConvertFrom-Json).PermissionSet.PermissionSetArn
        aws sso-admin attach-managed-policy-to-permission-set --instance-arn $instance.InstanceArn --permission-set-arn $adminArn --managed-policy-arn arn:aws:iam::aws:policy/AdministratorAccess @common
        $null = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $admin -Account $management
        # The guard counts users: the group's member is the administrator.
        Add-IdcGroupMember -Group $script:groupName -User $script:userName

        { Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $admin -Account $management -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcLockoutGuard,IdcAdmin.Commands.AccountAssignment.RevokeIdcAccountAccessCommand'
        { Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $admin -Account $management -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcLockoutGuard,IdcAdmin.Commands.AccountAssignment.RevokeIdcAccountAccessCommand'
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $admin -Account $management | Should -BeTrue

        (Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $admin -Account $management -Force -AllowNoAdministrator).Status | Should -Be 'Succeeded'
    }
}
