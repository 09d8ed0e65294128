# Runs the runbooks in examples/ against a private moto_server, as a reader would run them against AWS.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $examples = Join-Path $script:RepoRoot 'examples'
    $null = Connect-TestInstance -Moto $moto
    # The organization the examples expect: a management account plus accounts named prod and staging.
    $common = @('--endpoint-url', $moto.Url, '--region', 'us-east-1', '--output', 'json')
    $null = aws organizations create-organization --feature-set ALL @common
    foreach ($name in 'prod', 'staging', 'sandbox') {
        $null = aws organizations create-account --email "$name@example.com" --account-name $name @common
    }
    $target = @{ Region = 'us-east-1'; EndpointUrl = $moto.Url }

    # Runs the compliance example in a child PowerShell: Pester cannot run inside a running Pester test.
    function Invoke-AccessRulesExample {
        param([Parameter(Mandatory)] [string] $RulesPath)
        $shell = Get-PowerShellPath
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
        $testFile = Join-Path $examples '04-access-rules.Tests.ps1'
        $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
Import-Module '$pester'
`$data = @{ RulesPath = '$RulesPath'; Region = 'us-east-1'; EndpointUrl = '$($moto.Url)' }
`$run = Invoke-Pester -Container (New-PesterContainer -Path '$testFile' -Data `$data) -PassThru -Output None
"`$(`$run.PassedCount)/`$(`$run.FailedCount)"
"@
        $output = & $shell -NoProfile -NonInteractive -Command $command
        $counts = ($output | Select-Object -Last 1) -split '/'
        [pscustomobject]@{ Passed = [int]$counts[0]; Failed = [int]$counts[1] }
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'examples/01-first-administrator.ps1' {
    It 'makes the administrator on the first run and changes nothing on the second' {
        $first = & (Join-Path $examples '01-first-administrator.ps1') @target -UserName ada -Email ada@example.com -WarningAction SilentlyContinue 6>$null
        $second = & (Join-Path $examples '01-first-administrator.ps1') @target -UserName ada -Email ada@example.com 6>$null

        $first.Changes | Should -BeGreaterThan 0
        $first.Assignments[0].Status | Should -Be 'SUCCEEDED'
        $second.Changes | Should -Be 0
        $second.Assignments[0].Status | Should -Be 'EXISTING'
    }
}

Describe 'examples/02-admin-group-prod-staging.ps1' {
    It 'gives the group AdministratorAccess on prod and staging, and not on other accounts' {
        $null = & (Join-Path $examples '02-admin-group-prod-staging.ps1') @target -Member ada -WarningAction SilentlyContinue 6>$null

        Test-IdcAccountAccess -Group PlatformAdmins -PermissionSet AdministratorAccess -Account prod | Should -BeTrue
        Test-IdcAccountAccess -Group PlatformAdmins -PermissionSet AdministratorAccess -Account staging | Should -BeTrue
        Test-IdcAccountAccess -Group PlatformAdmins -PermissionSet AdministratorAccess -Account sandbox | Should -BeFalse
        (Get-IdcGroupMember PlatformAdmins).UserName | Should -Contain 'ada'
    }

    It 'can run again without changing anything or failing' {
        $again = & (Join-Path $examples '02-admin-group-prod-staging.ps1') @target -Member ada -WarningAction SilentlyContinue -ErrorAction Stop 6>$null

        $again | Should -HaveCount 2
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyAssigned'
    }

    It 'prints its result table once when run from a shell' {
        $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
        $script = Join-Path $examples '02-admin-group-prod-staging.ps1'
        $command = "`$PSStyle.OutputRendering = 'PlainText'; Import-Module '$manifest'; & '$script' -Region us-east-1 -EndpointUrl '$($moto.Url)' -Member ada -WarningAction SilentlyContinue"
        $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command $command

        $LASTEXITCODE | Should -Be 0
        # A table's header is underlined by a row of dashes: one table, one such row.
        @($output | Where-Object { $_ -match '^\s*-{3,}(\s+-{3,})*\s*$' }) | Should -HaveCount 1
    }
}

Describe 'examples/03-onboard-from-csv.ps1' {
    It 'creates every person of the CSV and puts each into their group' {
        $null = & (Join-Path $examples '03-onboard-from-csv.ps1') @target 6>$null

        (Get-IdcUser jdoe).Title | Should -Be 'Platform Engineer'
        ((Get-IdcGroupMember Engineers).UserName | Sort-Object) -join ',' | Should -Be 'jdoe,mmajor' -Because 'the CSV puts two people in Engineers'
        (Get-IdcGroupMember Analysts).UserName | Should -Be 'rroe'
    }

    It 'can run again: people and memberships that exist are left as they are' {
        { & (Join-Path $examples '03-onboard-from-csv.ps1') @target -WarningAction SilentlyContinue -ErrorAction Stop 6>$null } | Should -Not -Throw
        (Get-IdcGroupMember Engineers) | Should -HaveCount 2
    }
}

Describe 'examples/04-access-rules.Tests.ps1' {
    It 'passes every rule of access-rules.psd1 once the examples above have run' {
        $run = Invoke-AccessRulesExample -RulesPath (Join-Path $examples 'access-rules.psd1')

        $run.Failed | Should -Be 0
        $run.Passed | Should -Be 3
    }

    It 'fails a rule the organization breaks' {
        $broken = Join-Path $TestDrive 'broken-rules.psd1'
        Set-Content -LiteralPath $broken -Value "@{ Allowed = @(); Denied = @(@{ Group = 'PlatformAdmins'; PermissionSet = 'AdministratorAccess'; Account = 'prod' }) }"

        $run = Invoke-AccessRulesExample -RulesPath $broken

        $run.Failed | Should -Be 1
    }
}
