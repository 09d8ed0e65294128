# Connect-IdcInstance when things go wrong: the session in place survives, failures are fast and say why.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $command = 'IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Connect-IdcInstance failures' {
    BeforeEach {
        $script:earlier = Connect-TestInstance -Moto $moto
        $script:user = New-IdcUser -UserName (New-TestName -Prefix 'keep') -GivenName Keep -FamilyName Session -Email "$(New-TestName)@example.com" -WarningAction SilentlyContinue
    }

    It 'leaves the earlier session current and working when the pipeline after a new Connect fails' {
        { Connect-IdcInstance -Region us-west-2 -EndpointUrl $moto.Url | ForEach-Object { throw 'downstream failure' } } | Should -Throw '*downstream failure*'

        (Get-IdcInstance).InstanceArn | Should -Be $script:earlier.InstanceArn
        (Get-IdcUser -UserName $script:user.UserName).UserId | Should -Be $script:user.UserId
    }

    It 'makes the new session current for the rest of its own pipeline, and for good once it completes' {
        $seen = Connect-IdcInstance -Region us-west-2 -EndpointUrl $moto.Url | ForEach-Object { (Get-IdcInstance).Region }

        $seen | Should -Be 'us-west-2'
        (Get-IdcInstance).Region | Should -Be 'us-west-2'
    }

    It 'fails on a refused port with a connection error naming the endpoint, shows each retry in -Verbose, and keeps the earlier session' {
        $endpoint = "http://127.0.0.1:$(Get-FreePort)"

        $output = & { try { Connect-IdcInstance -Region us-east-1 -EndpointUrl $endpoint -Verbose -ErrorAction Stop } catch { $_ } } 4>&1
        $err = $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $verbose = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $err.FullyQualifiedErrorId | Should -Be "IdcConnectFailed,$command"
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -BeLike "*$endpoint*refused*(3 attempts)*"
        $err.TargetObject | Should -Be $endpoint
        @($verbose | Where-Object { "$_" -match 'ListInstances: Refused; retry \d of 2 in \d+ ms' }).Count | Should -Be 2
        (Get-IdcInstance).InstanceArn | Should -Be $script:earlier.InstanceArn
    }

    It 'refuses a region name that is not one before sending anything' {
        { Connect-IdcInstance -Region 'us east 1' -EndpointUrl $moto.Url -ErrorAction Stop } |
            Should -Throw -ErrorId "IdcConnectConfiguration,$command"
        (Get-IdcInstance).InstanceArn | Should -Be $script:earlier.InstanceArn
    }

    It 'applies the timeouts it is given' {
        $verbose = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -ConnectTimeoutSeconds 2 -ResponseTimeoutSeconds 10 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        "$verbose" | Should -BeLike '*connect timeout 2 s, response timeout 10 s*'
    }
}
