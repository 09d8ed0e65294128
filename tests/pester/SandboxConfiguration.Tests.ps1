# Connect-IdcInstance -Sandbox -SandboxConfigurationPath: a sandbox that starts with the access a configuration file
# declares, applied through Sync-IdcConfiguration's engine. A bad file is refused and the earlier connection stays.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $command = 'IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
    $example = Join-Path (Join-Path (Join-Path $script:RepoRoot 'examples') 'configuration') 'access.psd1'
    $seeded = Connect-IdcInstance -Sandbox -SandboxSeed 5 -SandboxOperationDelay 00:00:00.1 -SandboxConfigurationPath $example
}

AfterAll {
    Disconnect-IdcInstance
}

Describe 'A sandbox seeded from examples/configuration/access.psd1' {
    It 'matches the file: Compare-IdcConfiguration finds no drift' {
        (Get-IdcInstance).InstanceArn | Should -Be $seeded.InstanceArn
        Compare-IdcConfiguration -Path $example | Should -BeNullOrEmpty
    }

    It 'holds the file''s users, groups and memberships' {
        (Get-IdcUser).UserName | Sort-Object | Should -Be @('alice', 'bob', 'carol')
        (Get-IdcGroupMember -Group Admins).UserName | Should -Be 'alice'
        (Get-IdcGroupMember -Group Developers).UserName | Sort-Object | Should -Be @('bob', 'carol')
    }

    It 'holds the file''s assignments, resolved in the default organization' {
        $admins = Get-IdcAccountAssignment -Group Admins
        $admins.PermissionSetName | Sort-Object -Unique | Should -Be 'AdministratorAccess'
        $admins.AccountName | Sort-Object | Should -Be @('prod', 'staging')
        $developers = Get-IdcAccountAssignment -Group Developers | ForEach-Object { "$($_.PermissionSetName)@$($_.AccountName)" } | Sort-Object
        $developers | Should -Be @('LogReader@staging', 'ReadOnlyAccess@prod', 'ReadOnlyAccess@staging')
    }

    It 'provisions the custom set with its inline policy from the file''s policies folder' {
        $set = Get-IdcPermissionSet -Name LogReader
        $set.SessionDuration | Should -Be 'PT8H'
        (Get-IdcPermissionSetProvisioning -PermissionSet LogReader -IncludeCurrent).AccountId | Should -Be (Get-IdcAccount -Name staging).AccountId
    }

    It 'resolves OU rules in an outline given with -SandboxOrganization, with no invitation-email warning for its users' {
        $null = Connect-IdcInstance -Sandbox -SandboxSeed 6 -SandboxOperationDelay 00:00:00.1 -SandboxConfigurationPath $example -SandboxOrganization @{
            Workloads = @{ Prod = 'prod'; Staging = 'staging'; Dev = 'dev' }
        } -WarningVariable warnings -WarningAction SilentlyContinue
        try {
            $warnings | Should -BeNullOrEmpty
            (Get-IdcAccountAssignment -Group Developers -PermissionSet ReadOnlyAccess).AccountName | Sort-Object | Should -Be @('dev', 'prod', 'staging')
            Compare-IdcConfiguration -Path $example | Should -BeNullOrEmpty
        }
        finally {
            $script:seeded = Connect-IdcInstance -Sandbox -SandboxSeed 5 -SandboxOperationDelay 00:00:00.1 -SandboxConfigurationPath $example
        }
    }
}

Describe 'A configuration the sandbox cannot start with' {
    It 'refuses a bad file (<Case>) with its file, line and key path, and keeps the earlier connection' -ForEach @(
        @{ Case = 'unknown key'; Text = "@{`n    Groups = @(`n        @{ Name = 'Admins'; Memebers = @('alice') }`n    )`n}"; Line = 3; Key = 'Groups[0].Memebers'; Says = "Unknown key 'Memebers'" }
        @{ Case = 'code in the data file'; Text = "@{`n    Groups = @(`n        @{ Name = (Get-Date).ToString() }`n    )`n}"; Line = 3; Key = 'Groups[0].Name'; Says = '' }
        @{ Case = 'group neither declared nor in the sandbox'; Text = "@{`n    PermissionSets = @(@{ Predefined = 'ReadOnlyAccess' })`n    Assignments = @(`n        @{ Group = 'Nobody'; PermissionSet = 'ReadOnlyAccess'; Accounts = 'prod' }`n    )`n}"; Line = 4; Key = 'Assignments[0].Group'; Says = "No group 'Nobody'" }
        @{ Case = 'account the sandbox lacks'; Text = "@{`n    Groups = @(@{ Name = 'Admins' })`n    PermissionSets = @(@{ Predefined = 'ReadOnlyAccess' })`n    Assignments = @(`n        @{ Group = 'Admins'; PermissionSet = 'ReadOnlyAccess'`n           Accounts = 'prod', 'dev' }`n    )`n}"; Line = 6; Key = 'Assignments[0].Accounts[1]'; Says = "No account 'dev' .* It holds the accounts audit, log-archive, management, prod, staging" }
        @{ Case = 'OU that matches no account'; Text = "@{`n    Groups = @(@{ Name = 'Admins' })`n    PermissionSets = @(@{ Predefined = 'ReadOnlyAccess' })`n    Assignments = @(`n        @{ Group = 'Admins'; PermissionSet = 'ReadOnlyAccess'; OrganizationalUnits = '/Root/Workloads' }`n    )`n}"; Line = 5; Key = 'Assignments[0].OrganizationalUnits'; Says = "The organizational unit '/Root/Workloads' holds no account directly" }
    ) {
        $file = Join-Path $TestDrive "$($Case -replace '\W', '-').psd1"
        Set-Content -LiteralPath $file -Value $Text
        $script:caught = $null
        try { $null = Connect-IdcInstance -Sandbox -SandboxConfigurationPath $file } catch { $script:caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be "IdcConfigurationInvalid,$command"
        $caught.CategoryInfo.Category | Should -Be 'InvalidData'
        $caught.Exception.Message | Should -Match ([regex]::Escape("${file}:${Line}: ${Key}: ") + $Says)
        (Get-IdcInstance).InstanceArn | Should -Be $seeded.InstanceArn
        Compare-IdcConfiguration -Path $example | Should -BeNullOrEmpty
    }

    It 'refuses a file that does not exist, keeping the earlier connection' {
        { Connect-IdcInstance -Sandbox -SandboxConfigurationPath (Join-Path $TestDrive 'missing.psd1') -ErrorAction Stop } |
            Should -Throw -ErrorId "IdcConfigurationUnreadable,$command"
        (Get-IdcInstance).InstanceArn | Should -Be $seeded.InstanceArn
    }

    It 'needs -Sandbox' {
        { Connect-IdcInstance -SandboxConfigurationPath $example -ErrorAction Stop } | Should -Throw -ErrorId "IdcConnectConfiguration,$command"
        (Get-IdcInstance).InstanceArn | Should -Be $seeded.InstanceArn
    }
}

Describe 'A sandbox seeded from a JSON configuration' {
    It 'reads the same structure from .json' {
        $file = Join-Path $TestDrive 'access.json'
        Set-Content -LiteralPath $file -Value '{ "Groups": [ { "Name": "Auditors" } ], "PermissionSets": [ { "Predefined": "ReadOnlyAccess" } ],
  "Assignments": [ { "Group": "Auditors", "PermissionSet": "ReadOnlyAccess", "Accounts": [ "audit", "log-*" ] } ] }'
        $json = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.1 -SandboxConfigurationPath $file

        (Get-IdcInstance).InstanceArn | Should -Be $json.InstanceArn
        (Get-IdcAccountAssignment -Group Auditors).AccountName | Sort-Object | Should -Be @('audit', 'log-archive')
        Compare-IdcConfiguration -Path $file | Should -BeNullOrEmpty
    }
}
