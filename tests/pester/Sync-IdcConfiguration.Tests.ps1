BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $script:moto = Start-MotoServer
    $script:instance = Connect-TestInstance -Moto $script:moto
    $script:org = New-ConfigurationOrganization -Moto $script:moto
    $script:common = $script:org.Common
    $script:command = 'IdcAdmin.Commands.Configuration.SyncIdcConfigurationCommand'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $script:moto
}

Describe 'Sync-IdcConfiguration' {
    It 'describes every change under -WhatIf and writes nothing' {
        $before = @(Compare-IdcConfiguration -Path $ExampleConfiguration)
        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $ExampleConfiguration -WhatIf }

        $writes | Should -BeNullOrEmpty
        $before | Should -HaveCount 17
        @(Compare-IdcConfiguration -Path $ExampleConfiguration) | Should -HaveCount 17
    }

    It 'creates the example on an empty instance' {
        $results = Sync-IdcConfiguration -Path $ExampleConfiguration 3>$null

        $results | Should -HaveCount 17
        $results.Status | Sort-Object -Unique | Should -Be 'Applied'
        ($results | Where-Object Kind -eq Assignment).Name | Sort-Object -Unique | Should -Be @('Admins', 'Developers')
        Test-IdcAccountAccess -Group Admins -PermissionSet AdministratorAccess -Account prod | Should -BeTrue
        Test-IdcAccountAccess -Group Developers -PermissionSet ReadOnlyAccess -Account dev | Should -BeTrue
        Test-IdcAccountAccess -Group Developers -PermissionSet ReadOnlyAccess -Account sandbox | Should -BeFalse
        (Get-IdcPermissionSet -Name LogReader -Detail Policies).InlinePolicy | Should -Match 'logs:FilterLogEvents'
    }

    It 'writes nothing the second time, and Compare finds no drift' {
        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $ExampleConfiguration }
        $writes | Should -BeNullOrEmpty
        Compare-IdcConfiguration -Path $ExampleConfiguration | Should -BeNullOrEmpty
    }

    It 'reverts a change made with the aws CLI' {
        $arn = (Get-IdcPermissionSet -Name ReadOnlyAccess -Detail None).PermissionSetArn
        aws sso-admin detach-managed-policy-from-permission-set --instance-arn $instance.InstanceArn --permission-set-arn $arn `
            --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess @common
        $drift = Compare-IdcConfiguration -Path $ExampleConfiguration
        $drift | Should -HaveCount 1
        $drift.Kind | Should -Be 'PermissionSet'
        $drift.Property | Should -Be 'ManagedPolicies'
        $drift.Desired | Should -Be 'ReadOnlyAccess'

        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $ExampleConfiguration }

        $writes | Should -Be 'AttachManagedPolicyToPermissionSet'
        Compare-IdcConfiguration -Path $ExampleConfiguration | Should -BeNullOrEmpty
    }

    It 'gives an account moved into a targeted OU access on the next sync' {
        aws organizations move-account --account-id $org.Accounts.sandbox --source-parent-id $org.RootId --destination-parent-id $org.DevId @common

        $results = Sync-IdcConfiguration -Path $ExampleConfiguration

        $results | Should -HaveCount 1
        $results.Name | Should -Be 'Developers'
        $results.Property | Should -Be 'ReadOnlyAccess'
        $results.Desired | Should -Match $org.Accounts.sandbox
        Test-IdcAccountAccess -Group Developers -PermissionSet ReadOnlyAccess -Account sandbox | Should -BeTrue
    }

    It 'removes only the extras inside the file''s scope, and only with -Prune' {
        $management = (aws organizations describe-organization @common | ConvertFrom-Json).Organization.MasterAccountId
        $auditors = (aws identitystore create-group --identity-store-id $instance.IdentityStoreId --display-name Auditors @common | ConvertFrom-Json).GroupId
        $null = Grant-IdcAccountAccess -Group Auditors -PermissionSet ReadOnlyAccess -Account prod           # Auditors is not in the file
        $null = Grant-IdcAccountAccess -Group Developers -PermissionSet ReadOnlyAccess -Account $management  # in scope, not wanted
        Add-IdcGroupMember -Group Admins -Member bob                                                         # Admins lists its Members

        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $ExampleConfiguration }
        $writes | Should -BeNullOrEmpty
        $drift = Compare-IdcConfiguration -Path $ExampleConfiguration
        $drift | Should -HaveCount 2
        $drift.Change | Sort-Object -Unique | Should -Be 'Remove'

        $writes = Get-IdcCall -WritesOnly { Sync-IdcConfiguration -Path $ExampleConfiguration -Prune -Confirm:$false }

        ($writes | Sort-Object) | Should -Be @('DeleteAccountAssignment', 'DeleteGroupMembership')
        Compare-IdcConfiguration -Path $ExampleConfiguration | Should -BeNullOrEmpty
        Test-IdcAccountAccess -Group Auditors -PermissionSet ReadOnlyAccess -Account prod | Should -BeTrue
        (Get-IdcGroupMember -Group Admins).UserName | Should -Be 'alice'
    }

    It 'refuses a bad file (<Case>) with its file, line and key path, before any write' -ForEach @(
        @{ Case = 'code in the data file'; Text = "@{`n    Groups = @(`n        @{ Name = (Get-Date).ToString() }`n    )`n}"; Line = 3; Key = 'Groups[0].Name'; Reads = $false }
        @{ Case = 'unknown key'; Text = "@{`n    Groups = @(`n        @{ Name = 'Admins'; Memebers = @('alice') }`n    )`n}"; Line = 3; Key = 'Groups[0].Memebers'; Reads = $false }
        @{ Case = 'unknown managed policy'; Text = "@{`n    PermissionSets = @(`n        @{ Name = 'Readers'`n           ManagedPolicies = 'ReadOnlyAcces' }`n    )`n}"; Line = 4; Key = 'PermissionSets[0].ManagedPolicies'; Reads = $false }
        @{ Case = 'unreadable policy file'; Text = "@{`n    PermissionSets = @(`n        @{ Name = 'Logs'; InlinePolicyPath = 'nowhere/policy.json' }`n    )`n}"; Line = 3; Key = 'PermissionSets[0].InlinePolicyPath'; Reads = $false }
        @{ Case = 'session duration as a bare number'; Text = "@{`n    PermissionSets = @(`n        @{ Name = 'Logs'; SessionDuration = 4 }`n    )`n}"; Line = 3; Key = 'PermissionSets[0].SessionDuration'; Reads = $false }
        @{ Case = 'duplicate permission set'; Text = "@{`n    PermissionSets = @(`n        @{ Name = 'Logs' }`n        @{ Name = 'LOGS' }`n    )`n}"; Line = 4; Key = 'PermissionSets[1]'; Reads = $false }
        @{ Case = 'group neither in the file nor live'; Text = "@{`n    Assignments = @(`n        @{ Group = 'Nobody'; PermissionSet = 'ReadOnlyAccess'; Accounts = 'prod' }`n    )`n}"; Line = 3; Key = 'Assignments[0].Group'; Reads = $true }
    ) {
        $file = Join-Path $TestDrive "$($Case -replace '\W', '-').psd1"
        Set-Content -LiteralPath $file -Value $Text
        $script:caught = $null
        $calls = Get-IdcCall { try { Sync-IdcConfiguration -Path $file -Prune } catch { $script:caught = $_ } }

        $caught.FullyQualifiedErrorId | Should -Be "IdcConfigurationInvalid,$command"
        $caught.CategoryInfo.Category | Should -Be 'InvalidData'
        $caught.Exception.Message | Should -Match ([regex]::Escape("${file}:${Line}: ${Key}: "))
        $calls | Where-Object { $_ -notmatch '^(Describe|Get|List|Is)' } | Should -BeNullOrEmpty
        if (-not $Reads) { $calls | Should -BeNullOrEmpty }
    }
}

Describe 'Sync-IdcConfiguration -Prune and the lock-out guard' {
    It 'keeps the last administrator in the group, as it keeps the last admin assignment, without pointing at a parameter Sync lacks' {
        $sandbox = Connect-IdcInstance -Sandbox -SandboxOperationDelay 0:0:0.1 -PassThru
        try {
            $null = New-IdcUser -Session $sandbox -UserName alice -GivenName Alice -FamilyName Doe -Email alice@example.com 3>$null
            $null = New-IdcGroup -Session $sandbox -Name Admins
            Add-IdcGroupMember -Session $sandbox -Group Admins -User alice
            $null = New-IdcPermissionSet -Session $sandbox -Predefined AdministratorAccess
            $null = Grant-IdcAccountAccess -Session $sandbox -Group Admins -PermissionSet AdministratorAccess -Account management
            $file = Join-Path $TestDrive 'no-admins.psd1'
            Set-Content $file "@{ Groups = @( @{ Name = 'Admins'; Members = @() } ) }"

            $drift = Sync-IdcConfiguration -Session $sandbox -Path $file -Prune -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures | Should -BeNullOrEmpty
            $drift.Status | Should -Be 'Skipped'
            $drift.Message | Should -Match 'lock-out guard'
            $drift.Message | Should -Not -Match 'AllowNoAdministrator'
            (Get-IdcGroupMember -Session $sandbox -Group Admins).UserName | Should -Be 'alice'
        }
        finally { Disconnect-IdcInstance -Session $sandbox }
    }
}
