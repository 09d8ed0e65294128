BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $script:instance = Connect-TestInstance -Moto $script:moto
    $script:org = New-ConfigurationOrganization -Moto $script:moto
    $null = Sync-IdcConfiguration -Path $ExampleConfiguration 3>$null
    # State the example does not hold: a user's own access to one account.
    $null = Grant-IdcAccountAccess -User carol -PermissionSet AdministratorAccess -Account sandbox
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Export-IdcConfiguration' {
    It 'writes a data file that syncs back onto the same instance with no write' {
        $file = Join-Path $TestDrive 'export.psd1'
        $written = Export-IdcConfiguration -Path $file 3>$null

        $written.FullName | Should -Be $file
        $data = Import-PowerShellDataFile $file
        $data.Groups.Name | Should -Be @('Admins', 'Developers')
        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $file -Prune -Confirm:$false }
        $writes | Should -BeNullOrEmpty
        Compare-IdcConfiguration -Path $file | Should -BeNullOrEmpty
    }

    It 'writes a whole OU as an OU rule and other accounts by id, named in a comment' {
        $text = Export-IdcConfiguration 3>$null
        $text | Should -Match "OrganizationalUnits = @\(\s+'/Root/Workloads'\s+\)\s+Recurse = \`$true"
        $text | Should -Match "'$($org.Accounts.sandbox)'  # sandbox"
    }

    It 'returns the written file as Get-Item shows it, with its mode and size' {
        $file = Join-Path $TestDrive 'shown.psd1'

        $text = Export-IdcConfiguration -Path $file 3>$null | Out-String -Width 80

        $size = (Get-Item -LiteralPath $file).Length
        $text | Should -Match "\s$size\s+shown\.psd1"
    }

    It 'gives the same text twice (stable order)' {
        Export-IdcConfiguration 3>$null | Should -BeExactly (Export-IdcConfiguration 3>$null)
    }

    It 'writes JSON for a .json path, and that syncs back with no write too' {
        $file = Join-Path $TestDrive 'export.json'
        $null = Export-IdcConfiguration -Path $file 3>$null
        $json = Get-Content -Raw $file | ConvertFrom-Json
        $json.PermissionSets.Name | Should -Contain 'LogReader'
        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $file }
        $writes | Should -BeNullOrEmpty
    }

    It 'refuses a -Path that is neither .psd1 nor .json with IdcConfigurationPathInvalid, writing nothing' {
        $file = Join-Path $TestDrive 'export.txt'

        { Export-IdcConfiguration -Path $file } |
            Should -Throw -ErrorId 'IdcConfigurationPathInvalid,IdcAdmin.Commands.Configuration.ExportIdcConfigurationCommand'
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'writes no file under -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.psd1'
        Export-IdcConfiguration -Path $file -WhatIf 3>$null
        Test-Path $file | Should -BeFalse
    }

    It 'says once that the emulator cannot read tags and boundaries, and goes on' {
        $null = Export-IdcConfiguration -WarningVariable warnings 3>$null
        $warnings | Should -HaveCount 2
        ($warnings -join ' ') | Should -Match 'leaves them out'
    }
}
