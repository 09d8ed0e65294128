BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Disconnect-IdcInstance' {
    It 'ends the connection: Get-IdcInstance then fails with IdcNotConnected' {
        $null = Connect-TestInstance -Moto $moto

        $output = Disconnect-IdcInstance

        $output | Should -BeNullOrEmpty
        { Get-IdcInstance } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.Instance.GetIdcInstanceCommand'
    }

    It 'does nothing when not connected' {
        Disconnect-IdcInstance

        { Disconnect-IdcInstance } | Should -Not -Throw
    }

    It 'allows connecting again afterwards' {
        $null = Connect-TestInstance -Moto $moto
        Disconnect-IdcInstance

        $instance = Connect-TestInstance -Moto $moto

        (Get-IdcInstance).InstanceArn | Should -Be $instance.InstanceArn
    }
}

Describe 'Disconnect-IdcInstance -Session' {
    It 'ends that session: a cmdlet given it afterwards fails with IdcNotConnected, not a disposed-object error' {
        $session = Connect-IdcInstance -Sandbox -PassThru
        Disconnect-IdcInstance -Session $session

        { Get-IdcUser -Session $session } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.User.GetIdcUserCommand'
        { Grant-IdcAccountAccess -Session $session -User alice -PermissionSet ReadOnlyAccess -Account prod -Confirm:$false } |
            Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.AccountAssignment.GrantIdcAccountAccessCommand'
    }

    It 'can end an ended session again without error' {
        $session = Connect-IdcInstance -Sandbox -PassThru
        Disconnect-IdcInstance -Session $session

        { Disconnect-IdcInstance -Session $session } | Should -Not -Throw
    }
}
