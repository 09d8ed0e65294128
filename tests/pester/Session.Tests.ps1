# Explicit sessions: Connect-IdcInstance -PassThru, -Session on every cmdlet, thread jobs and ForEach-Object -Parallel.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
    $moto = Start-MotoServer
    Set-TestAwsEnvironment
    $userName = New-TestName -Prefix 'sess'
    $null = Connect-TestInstance -Moto $moto
    $null = New-IdcUser -UserName $userName -Email "$userName@example.com" -GivenName Ses -FamilyName Sion -WarningAction SilentlyContinue
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Connect-IdcInstance -PassThru and -Session' {
    It 'returns the session, which names the instance it is connected to' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru

        $session.GetType().FullName | Should -Be 'IdcAdmin.Core.Session.IdcSession'
        $session.InstanceArn | Should -Be (Get-IdcInstance).InstanceArn
    }

    It 'gives every cmdlet but Connect-IdcInstance a -Session parameter of the session type' {
        $commands = Get-Command -Module IdcAdmin | Where-Object Name -ne 'Connect-IdcInstance'

        $commands.Count | Should -BeGreaterThan 20
        foreach ($command in $commands) {
            $command.Parameters.Keys | Should -Contain 'Session' -Because "$($command.Name) should take -Session"
            $command.Parameters['Session'].ParameterType.FullName | Should -Be 'IdcAdmin.Core.Session.IdcSession'
        }
    }

    It 'works with -Session after the runspace disconnected' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru
        Disconnect-IdcInstance

        (Get-IdcUser -UserName $userName -Session $session).UserName | Should -Be $userName
        { Get-IdcUser -UserName $userName } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.User.GetIdcUserCommand'
    }

    It 'ends a handed-out session with Disconnect-IdcInstance -Session' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru
        Disconnect-IdcInstance -Session $session

        { Get-IdcInstance } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.Instance.GetIdcInstanceCommand'
        { Get-IdcUser -UserName $userName -Session $session -ErrorAction Stop } | Should -Throw
    }

    It 'works in a thread job given -Session' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru

        $names = Start-ThreadJob {
            param($Manifest, $Session, $UserName)
            Import-Module $Manifest
            (Get-IdcUser -UserName $UserName -Session $Session).UserName
        } -ArgumentList $manifest, $session, $userName | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop

        $names | Should -Be $userName
    }

    It 'fails with IdcNotConnected in a thread job without -Session' {
        $null = Connect-TestInstance -Moto $moto

        $errorId = Start-ThreadJob {
            param($Manifest, $UserName)
            Import-Module $Manifest
            try { Get-IdcUser -UserName $UserName; 'no error' } catch { $_.FullyQualifiedErrorId }
        } -ArgumentList $manifest, $userName | Receive-Job -Wait -AutoRemoveJob

        $errorId | Should -Be 'IdcNotConnected,IdcAdmin.Commands.User.GetIdcUserCommand'
    }

    It 'works in every ForEach-Object -Parallel iteration given -Session' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru

        $names = 1..4 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            (Get-IdcUser -UserName $using:userName -Session $using:session).UserName
        } -ThrottleLimit 2

        $names | Should -Be @($userName, $userName, $userName, $userName)
    }

    It 'refuses a parallel iteration without a session, even in a runspace an earlier iteration connected' {
        $results = 1..3 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            if ($_ -eq 1) { $null = Connect-IdcInstance -Region us-east-1 -EndpointUrl $using:moto.Url }
            $outcome = try { $null = Get-IdcUser -UserName $using:userName; 'connected' } catch { $_.FullyQualifiedErrorId }
            [pscustomobject]@{ Iteration = $_; Runspace = [runspace]::DefaultRunspace.InstanceId; Outcome = $outcome }
        } -ThrottleLimit 1

        # One runspace served every iteration: the connection of the first was still in it.
        @($results.Runspace | Select-Object -Unique).Count | Should -Be 1
        ($results | Where-Object Iteration -eq 1).Outcome | Should -Be 'connected'
        ($results | Where-Object Iteration -ne 1).Outcome | Should -Be @(
            'IdcNotConnected,IdcAdmin.Commands.User.GetIdcUserCommand', 'IdcNotConnected,IdcAdmin.Commands.User.GetIdcUserCommand')
    }

    It 'completes user names from the -Session on the command line when the runspace is not connected' {
        $session = Connect-IdcInstance -Region us-east-1 -EndpointUrl $moto.Url -PassThru
        Disconnect-IdcInstance
        $global:IdcCompletionSession = $session
        try {
            $line = 'Get-IdcUser -Session $IdcCompletionSession -UserName sess'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        }
        finally { Remove-Variable IdcCompletionSession -Scope Global }

        $completions | Should -Contain $userName
    }
}
