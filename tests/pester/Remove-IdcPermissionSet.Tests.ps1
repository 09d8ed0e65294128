BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $instance = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.RemoveIdcPermissionSetCommand'
    $common = @('--endpoint-url', $moto.Url, '--region', 'us-east-1', '--output', 'json')

    # Assigns the set to a group in the emulator's own account, which is where it provisions sets.
    function Add-TestAssignment([string] $PermissionSetArn) {
        $account = (Deploy-IdcPermissionSet -PermissionSet $PermissionSetArn -AccountId 123456789012).AccountId
        $null = aws sso-admin create-account-assignment --instance-arn $instance.InstanceArn --target-id $account --target-type AWS_ACCOUNT `
            --permission-set-arn $PermissionSetArn --principal-type GROUP --principal-id ([guid]::NewGuid()) @common
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Remove-IdcPermissionSet' {
    It 'is a high-impact change' {
        (Get-Command Remove-IdcPermissionSet).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'deletes an unassigned set with -Force' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'rm')

        Remove-IdcPermissionSet -PermissionSet $set.Name -Force

        Get-IdcPermissionSet -Name $set.Name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf, even with -Force' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'rm')

        Remove-IdcPermissionSet -PermissionSet $set.Name -Force -WhatIf

        Get-IdcPermissionSet -Name $set.Name -Detail None | Should -Not -BeNullOrEmpty
    }

    It 'refuses a set that is still assigned, saying where' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'rm')
        Add-TestAssignment $set.PermissionSetArn
        $err = $null

        Remove-IdcPermissionSet -PermissionSet $set.Name -Force -ErrorAction SilentlyContinue -ErrorVariable err

        $err[0].FullyQualifiedErrorId | Should -Be "IdcPermissionSetInUse,$command"
        $err[0].Exception.Message | Should -Match 'group .* in account 123456789012'
        $err[0].Exception.Message | Should -Match '-RemoveAssignments'
        Get-IdcPermissionSet -Name $set.Name -Detail None | Should -Not -BeNullOrEmpty
    }

    It 'revokes the assignments and deletes the set with -RemoveAssignments' {
        $set = New-IdcPermissionSet -Name (New-TestName -Prefix 'rm')
        Add-TestAssignment $set.PermissionSetArn

        $set | Remove-IdcPermissionSet -RemoveAssignments -Force

        Get-IdcPermissionSet -Name $set.Name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (aws sso-admin list-account-assignments --instance-arn $instance.InstanceArn --account-id 123456789012 `
            --permission-set-arn $set.PermissionSetArn @common | ConvertFrom-Json).AccountAssignments | Should -HaveCount 0
    }

    It 'reports a set that does not exist' {
        { Remove-IdcPermissionSet -PermissionSet 'no-such-set' -Force -ErrorAction Stop } | Should -Throw -ErrorId "IdcPermissionSetNotFound,$command"
    }
}
