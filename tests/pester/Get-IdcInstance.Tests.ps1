BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcInstance' {
    It 'returns the instance Connect-IdcInstance found' {
        $connected = Connect-TestInstance -Moto $moto

        $instance = Get-IdcInstance

        $instance | Should -HaveCount 1
        $instance.InstanceArn | Should -Be $connected.InstanceArn
        $instance.IdentityStoreId | Should -Be $connected.IdentityStoreId
        $instance.AccessPortalUrl | Should -Be $connected.AccessPortalUrl
    }

    It 'shows the caller, where the credentials came from, the region and each endpoint' {
        $null = Connect-TestInstance -Moto $moto

        $instance = Get-IdcInstance

        # moto answers sts:GetCallerIdentity for keys it did not issue with its default account's user.
        $instance.CallerAccount | Should -Be '123456789012'
        $instance.CallerArn | Should -Match '^arn:aws:(iam|sts)::123456789012:'
        $instance.CallerError | Should -BeNullOrEmpty
        $instance.CredentialSource | Should -Match 'environment variables'
        $instance.Region | Should -Be 'us-east-1'
        foreach ($service in 'sso-admin', 'identitystore', 'organizations') { $instance.Endpoints[$service] | Should -Be "$($moto.Url)/" }
        $text = $instance | Out-String -Width 250
        foreach ($label in 'Caller', 'CallerAccount', 'CredentialSource', 'Endpoints') { $text | Should -Match "(?m)^$label\s+:" }
    }

    It 'fails with IdcNotConnected when the runspace has no connection' {
        Disconnect-IdcInstance

        { Get-IdcInstance } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.Instance.GetIdcInstanceCommand'
    }

    It 'answers without calling AWS' {
        $connected = Connect-TestInstance -Moto $moto
        Stop-MotoServer $moto
        $moto.Process.WaitForExit(10000) | Should -BeTrue

        (Get-IdcInstance).InstanceArn | Should -Be $connected.InstanceArn
    }
}
