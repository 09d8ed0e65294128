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

Describe 'Wait-IdcAccountAssignment' {
    It 'waits for the pending requests that -NoWait returned' {
        $pending = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds -NoWait
        $pending | Should -HaveCount 3
        # The emulator finishes assignments at once; marked pending, they make the wait read each request's status.
        $pending | ForEach-Object { $_.Status = 'InProgress' }
        $done = $pending | Wait-IdcAccountAssignment
        $done | Should -HaveCount 3
        $done.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        ($done.RequestId | Sort-Object) | Should -Be ($pending.RequestId | Sort-Object)
    }

    It 'waits for revocations too' {
        $pending = Revoke-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0] -Force -NoWait
        $pending | Should -HaveCount 1
        $pending.RequestId | Should -Not -BeNullOrEmpty
        $pending | ForEach-Object { $_.Status = 'InProgress' }
        $done = $pending | Wait-IdcAccountAssignment
        $done.Operation | Should -Be 'Delete'
        $done.Status | Should -Be 'Succeeded'
        Test-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[0] | Should -BeFalse
    }

    It 'passes finished results through unchanged' {
        $already = Grant-IdcAccountAccess -Group $script:groupName -PermissionSet $script:psName -Account $script:accountIds[1]
        ($already | Wait-IdcAccountAssignment).Status | Should -Be 'AlreadyAssigned'
    }
}
