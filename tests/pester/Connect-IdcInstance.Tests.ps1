BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Connect-IdcInstance' {
    It 'finds the instance, its identity store and its access portal in the region' {
        $instance = Connect-TestInstance -Moto $moto

        $instance.GetType().FullName | Should -Be 'IdcAdmin.Core.Session.IdcInstance'
        $instance.InstanceArn | Should -Match '^arn:aws:sso:::instance/ssoins-'
        $instance.IdentityStoreId | Should -Not -BeNullOrEmpty
        $instance.Region | Should -Be 'us-east-1'
        $instance.AccessPortalUrl | Should -Be "https://$($instance.IdentityStoreId).awsapps.com/start"
    }

    It 'keeps the connection for the cmdlets that follow' {
        $instance = Connect-TestInstance -Moto $moto

        (Get-IdcInstance).InstanceArn | Should -Be $instance.InstanceArn
    }

    It 'shows the instance as a list of its key properties' {
        $text = Connect-TestInstance -Moto $moto | Out-String -Width 250

        foreach ($property in 'InstanceArn', 'IdentityStoreId', 'OwnerAccountId', 'Region', 'AccessPortalUrl', 'Status') {
            $text | Should -Match "(?m)^$property\s+:"
        }
    }

    It 'connects to the instance named by -InstanceArn' {
        $arn = (Connect-TestInstance -Moto $moto).InstanceArn

        $instance = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -InstanceArn $arn

        $instance.InstanceArn | Should -Be $arn
    }

    It 'fails with IdcConnectInstanceNotFound for an instance the credentials cannot see' {
        $null = Connect-TestInstance -Moto $moto

        { Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -InstanceArn 'arn:aws:sso:::instance/ssoins-0000000000000000' } |
            Should -Throw -ErrorId 'IdcConnectInstanceNotFound,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
    }

    It 'rejects a malformed -InstanceArn before calling AWS' {
        { Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -InstanceArn 'not-an-instance-arn' } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
    }

    It 'keeps the connection to its own runspace' {
        $null = Connect-TestInstance -Moto $moto
        $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
        $other = [powershell]::Create()
        try {
            $script = {
                param($Manifest)
                Import-Module $Manifest
                try { Get-IdcInstance; 'connected' } catch { $_.FullyQualifiedErrorId }
            }
            $null = $other.AddScript($script.ToString()).AddArgument($manifest)

            $other.Invoke() | Should -Be 'IdcNotConnected,IdcAdmin.Commands.Instance.GetIdcInstanceCommand'
        }
        finally {
            $other.Dispose()
        }
        Get-IdcInstance | Should -Not -BeNullOrEmpty
    }
}
