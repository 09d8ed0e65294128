# The demo and the runbook-test example run on the embedded sandbox alone: each in a child PowerShell whose PATH holds
# no moto_server, aws CLI or Python, as on a machine with only the .NET SDK.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
    $examples = Join-Path $script:RepoRoot 'examples'

    # Runs a command in a child PowerShell whose PATH has no folder holding moto_server, aws or python.
    function Invoke-WithoutEmulator {
        param([Parameter(Mandatory)] [string] $Command)
        $tools = 'moto_server', 'aws', 'python', 'python3', 'moto_server.exe', 'aws.exe', 'python.exe'
        $kept = $env:PATH -split [System.IO.Path]::PathSeparator | Where-Object {
            $dir = $_
            $dir -and -not ($tools | Where-Object { Test-Path -LiteralPath (Join-Path $dir $_) -PathType Leaf })
        }
        $saved = $env:PATH
        try {
            $env:PATH = $kept -join [System.IO.Path]::PathSeparator
            $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command $Command 2>&1
            [pscustomobject]@{ Output = ($output | Out-String); ExitCode = $LASTEXITCODE }
        }
        finally { $env:PATH = $saved }
    }
}

Describe 'The demo on the sandbox' {
    It 'runs the guide twice with no emulator on PATH and reports 0 changes on the second run' {
        $demo = Join-Path (Join-Path $examples 'demo') 'Invoke-IdcAdminDemo.ps1'
        $run = Invoke-WithoutEmulator "'found: ' + @(Get-Command moto_server, aws, python, python3 -CommandType Application -ErrorAction SilentlyContinue).Count; & '$demo' -ModuleManifest '$manifest'"
        $run.Output | Should -Match 'found: 0'
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'Changes: first run [1-9]\d*, second run 0\.'
    }
}

Describe 'examples/01-first-administrator.ps1 in an 80-column console' {
    It 'shows every step and every manual step whole, within 80 columns' {
        $example = Join-Path $examples '01-first-administrator.ps1'
        $run = Invoke-WithoutEmulator "`$PSStyle.OutputRendering = 'PlainText'; 'width: ' + `$Host.UI.RawUI.BufferSize.Width; Import-Module '$manifest'; `$null = Connect-IdcInstance -Sandbox; `$null = & '$example' -UseCurrentConnection -UserName alice -Email alice@example.com -WarningAction SilentlyContinue"
        $lines = $run.Output -split "`r?`n"
        $packed = $run.Output -replace '\s', ''

        $run.Output | Should -Match 'width: 80'
        $run.ExitCode | Should -Be 0
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        $run.Output | Should -Not -Match '…'
        $packed | Should -Match 'AdministratorAccessforgroupAdminsonaccount\d{12}'
        $packed | Should -Match ([regex]::Escape('IAMIdentityCenterconsole>Settings>Authentication>Multi-factorauthentication>Configure'))
    }
}

Describe 'examples/05-runbook.Tests.ps1' {
    It 'passes against a fresh sandbox with no emulator on PATH' {
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $file = Join-Path $examples '05-runbook.Tests.ps1'
        $run = Invoke-WithoutEmulator @"
Import-Module '$manifest'; Import-Module '$pester'
`$r = Invoke-Pester -Path '$file' -PassThru -Output None
"RESULT `$(`$r.PassedCount)/`$(`$r.FailedCount)"
"@
        $run.Output | Should -Match 'RESULT 6/0'
    }
}

Describe 'examples/03-onboard-from-csv.ps1 on the sandbox' {
    BeforeAll {
        $null = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.05
        # The write calls a script block sends, read from the transport's debug log of every request.
        function Get-WriteCall([scriptblock] $Script) {
            $DebugPreference = 'Continue'
            (& $Script 5>&1 6>$null | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message |
                Where-Object { $_ -match '^(identitystore|sso-admin|organizations) (Create|Update|Delete)\w* -> ' }
        }
    }
    AfterAll { Disconnect-IdcInstance }

    It 'onboards the CSV into the current connection with -UseCurrentConnection, and writes nothing on a second run' {
        $runbook = Join-Path $examples '03-onboard-from-csv.ps1'

        $first = Get-WriteCall { & $runbook -UseCurrentConnection -WarningAction SilentlyContinue }
        $second = Get-WriteCall { & $runbook -UseCurrentConnection -WarningAction SilentlyContinue }

        $first | Should -Not -BeNullOrEmpty
        $second | Should -BeNullOrEmpty
        (Get-IdcGroupMember Engineers).UserName | Sort-Object | Should -Be @('jdoe', 'mmajor')
        (Get-IdcGroupMember Analysts).UserName | Should -Be 'rroe'
    }
}
