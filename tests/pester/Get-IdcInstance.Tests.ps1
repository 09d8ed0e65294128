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
