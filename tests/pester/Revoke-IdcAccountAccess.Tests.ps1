BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:access = New-TestAccessFixture -Moto $script:moto
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Revoke-IdcAccountAccess' {
    BeforeEach {
        $null = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds
    }

    It 'revokes with -Force and leaves no assignment' {
        $results = Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds -Force
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] | Should -BeFalse
    }

    It 'treats revoking a missing assignment as a no-op' {
        $null = Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] -Force
        $again = Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] -Force
        $again.Status | Should -Be 'NotAssigned'
    }

    It 'sends nothing under -WhatIf, even with -Force' {
        Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds -Force -WhatIf
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds | Should -BeTrue
    }

    It 'revokes what Get-IdcAccountAssignment pipes in' {
        Get-IdcAccountAssignment -Group $script:access.GroupName | Revoke-IdcAccountAccess -Force
        Get-IdcAccountAssignment -Group $script:access.GroupName | Should -BeNullOrEmpty
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
        $null = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $admin -Account $management
        # The guard counts users: the group's member is the administrator.
        Add-IdcGroupMember -Group $script:access.GroupName -User $script:access.UserName

        { Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $admin -Account $management -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcLockoutGuard,IdcAdmin.Commands.AccountAssignment.RevokeIdcAccountAccessCommand'
        { Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $admin -Account $management -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcLockoutGuard,IdcAdmin.Commands.AccountAssignment.RevokeIdcAccountAccessCommand'
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $admin -Account $management | Should -BeTrue

        (Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $admin -Account $management -Force -AllowNoAdministrator).Status | Should -Be 'Succeeded'
    }
}
