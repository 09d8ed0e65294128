BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $script:instance = Connect-TestInstance -Moto $script:moto
    $script:org = New-ConfigurationOrganization -Moto $script:moto
    $script:command = 'IdcAdmin.Commands.Configuration.CompareIdcConfigurationCommand'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Compare-IdcConfiguration' {
    It 'returns one drift object per difference, with kind, name, change, property, current and desired' {
        $drift = Compare-IdcConfiguration -Path $ExampleConfiguration

        $drift | Should -HaveCount 17
        $drift[0].GetType().FullName | Should -Be 'IdcAdmin.Core.Configuration.ConfigurationDrift'
        $drift[0].PSObject.Properties.Name | Should -Contain 'Current'
        ($drift | Where-Object Kind -eq 'User').Name | Should -Be @('alice', 'bob', 'carol')
        $member = $drift | Where-Object { $_.Kind -eq 'GroupMember' -and $_.Name -eq 'Admins' }
        $member.Change | Should -Be 'Add'
        $member.Desired | Should -Be 'alice'
        $access = $drift | Where-Object { $_.Kind -eq 'Assignment' -and $_.Property -eq 'ReadOnlyAccess' }
        ($access.Desired | Sort-Object) | Should -Be (@("dev ($($org.Accounts.dev))", "prod ($($org.Accounts.prod))", "staging ($($org.Accounts.staging))") | Sort-Object)
    }

    It 'writes nothing' {
        $writes = Get-IdcCall -WritesOnly { Compare-IdcConfiguration -Path $ExampleConfiguration }
        $writes | Should -BeNullOrEmpty
    }

    It 'shows a table a person reads at 80 columns' {
        $text = Compare-IdcConfiguration -Path $ExampleConfiguration | Out-String -Width 80
        $lines = $text -split "`r?`n"
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        $text | Should -Match 'Change\s+Kind\s+Name\s+Property\s+Current -> Desired'
        $text | Should -Match "Add\s+Assignment\s+Admins\s+AdministratorAccess\s+prod \($($org.Accounts.prod)\)"
    }

    It 'finds no drift once the instance matches the file' {
        $null = Sync-IdcConfiguration -Path $ExampleConfiguration 3>$null
        Compare-IdcConfiguration -Path $ExampleConfiguration | Should -BeNullOrEmpty
    }

    It 'reads the same configuration from JSON' {
        $json = Join-Path $TestDrive 'access.json'
        Copy-Item -Recurse (Join-Path (Split-Path $ExampleConfiguration) 'policies') $TestDrive
        Import-PowerShellDataFile $ExampleConfiguration | ConvertTo-Json -Depth 10 | Set-Content $json
        Compare-IdcConfiguration -Path $json | Should -BeNullOrEmpty
    }

    It 'shows a changed description as current -> desired' {
        $file = Join-Path $TestDrive 'description.psd1'
        Set-Content $file "@{ PermissionSets = @( @{ Name = 'LogReader'; Description = 'Reads logs' } ) }"
        $drift = Compare-IdcConfiguration -Path $file | Where-Object Property -eq 'Description'
        $drift.Change | Should -Be 'Change'
        $drift.Current | Should -Be 'Reads CloudWatch logs of the workloads'
        $drift.Desired | Should -Be 'Reads logs'
        ($drift | Out-String -Width 200) | Should -Match 'Reads CloudWatch logs of the workloads -> Reads logs'
    }

    It 'reports a missing file with a stable error id' {
        { Compare-IdcConfiguration -Path (Join-Path $TestDrive 'none.psd1') } | Should -Throw -ErrorId "IdcConfigurationUnreadable,$command"
    }

    It 'says a directory given as -Path is a directory, not that it does not exist' {
        $folder = Join-Path $TestDrive 'config.psd1'
        $null = New-Item -ItemType Directory -Path $folder

        { Compare-IdcConfiguration -Path $folder } |
            Should -Throw -ErrorId "IdcConfigurationUnreadable,$command" -ExpectedMessage '*is a directory*'
    }
}
