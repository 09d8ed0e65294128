# Every cmdlet against the embedded sandbox (Connect-IdcInstance -Sandbox): no moto, no AWS. Pages hold two items,
# so every listing is read across pages; asynchronous requests stay IN_PROGRESS for 0.3 s, as AWS's do for a while.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $instance = Connect-IdcInstance -Sandbox -SandboxSeed 11 -SandboxOperationDelay 00:00:00.3 -SandboxPageSize 2 -SandboxOrganization @{
        Workloads = @{ Prod = 'prod-web', 'prod-data'; Staging = 'staging' }
        Security  = 'audit'
    }
    # The write calls (operation names) a script block sends, read from the transport's debug log of every request.
    function Get-SandboxWrite {
        param([Parameter(Mandatory)] [scriptblock] $Script)
        $DebugPreference = 'Continue'
        $records = & $Script 5>&1 6>$null | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $records.Message | Where-Object { $_ -match '^(identitystore|sso-admin|organizations) (Create|Update|Delete|Put|Attach|Detach|Provision|Tag|Untag|Move|Close)\w* -> ' } |
            ForEach-Object { ($_ -split ' -> ')[0] }
    }
    $inline = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}'
}

AfterAll {
    Disconnect-IdcInstance
}

Describe 'Connect-IdcInstance -Sandbox' {
    It 'connects to an instance owned by the management account, with the same ids for the same seed' {
        $instance.InstanceArn | Should -Match '^arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$'
        $instance.OwnerAccountId | Should -Be (Get-IdcAccount -Name management).AccountId
        (Get-IdcInstance).InstanceArn | Should -Be $instance.InstanceArn
        $again = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command "Import-Module '$((Get-Module IdcAdmin).Path -replace '\.dll$', '.psd1')'; (Connect-IdcInstance -Sandbox -SandboxSeed 11 -SandboxOrganization @{ Workloads = @{ Prod = 'prod-web', 'prod-data'; Staging = 'staging' }; Security = 'audit' }).InstanceArn"
        $again | Select-Object -Last 1 | Should -Be $instance.InstanceArn
    }

    It 'names its own administrator in the management account as the caller, without calling STS' {
        $instance.CallerAccount | Should -Be $instance.OwnerAccountId
        $instance.CallerArn | Should -Be "arn:aws:iam::$($instance.OwnerAccountId):user/sandbox-admin"
        $instance.CallerError | Should -BeNullOrEmpty
    }

    It 'refuses -Sandbox with -ProfileName or -EndpointUrl with a stable error id' {
        { Connect-IdcInstance -Sandbox -EndpointUrl http://127.0.0.1:1 -ErrorAction Stop } | Should -Throw -ErrorId 'IdcConnectConfiguration,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
        (Get-IdcInstance).InstanceArn | Should -Be $instance.InstanceArn
    }
}

Describe 'Organization cmdlets on the sandbox' {
    It 'lists the outline''s accounts with their OU paths, recursively' {
        (Get-IdcAccount).Name | Sort-Object | Should -Be @('audit', 'management', 'prod-data', 'prod-web', 'staging')
        (Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse).Name | Sort-Object | Should -Be @('prod-data', 'prod-web', 'staging')
        (Get-IdcAccount -Name prod-web).OrganizationalUnitPath | Should -Be '/Root/Workloads/Prod'
    }

    It 'lists the OUs' {
        (Get-IdcOrganizationalUnit -Recurse).Path | Should -Contain '/Root/Workloads/Staging'
        (Get-IdcOrganizationalUnit -OrganizationalUnit /Root/Workloads -Recurse).Path | Should -Contain '/Root/Workloads/Prod'
        (Get-IdcOrganizationalUnit -Name Security).Path | Should -Be '/Root/Security'
    }
}

Describe 'Users, groups and memberships on the sandbox' {
    It 'sees the write calls a command sends (so the -WhatIf checks below can fail)' {
        Get-SandboxWrite { $null = New-IdcGroup -DisplayName Probe } | Should -Be 'identitystore CreateGroup'
        Get-SandboxWrite { Remove-IdcGroup -DisplayName Probe -Force } | Should -Be 'identitystore DeleteGroup'
    }

    It 'creates, reads, changes and removes a user, and -WhatIf writes nothing' {
        Get-SandboxWrite { New-IdcUser -UserName ghost -Email ghost@example.com -GivenName G -FamilyName Host -WhatIf } | Should -BeNullOrEmpty
        Get-IdcUser -UserName ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $user = New-IdcUser -UserName bob -Email bob@example.com -GivenName Bob -FamilyName Builder -Title Engineer -WarningAction SilentlyContinue
        $user.UserName | Should -Be bob
        Get-SandboxWrite { Set-IdcUser -UserName bob -Title Architect -DisplayName 'Bob B' -WhatIf } | Should -BeNullOrEmpty
        (Get-IdcUser -UserName bob).Title | Should -Be Engineer
        $changed = Set-IdcUser -UserName bob -Title Architect -DisplayName 'Bob B' -PassThru
        $changed.Title | Should -Be Architect
        (Get-IdcUser -UserName bob).DisplayName | Should -Be 'Bob B'
        Set-IdcUser -UserName bob -Clear Title
        (Get-IdcUser -UserName bob).Title | Should -BeNullOrEmpty

        Get-SandboxWrite { Remove-IdcUser -UserName bob -Force -WhatIf } | Should -BeNullOrEmpty
        Get-IdcUser -UserName bob | Should -Not -BeNullOrEmpty
        Remove-IdcUser -UserName bob -Force
        Get-IdcUser -UserName bob -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a user that exists with different attributes, as AWS refuses a duplicate user name' {
        $null = New-IdcUser -UserName carol -Email carol@example.com -GivenName Carol -FamilyName C -WarningAction SilentlyContinue
        New-IdcUser -UserName carol -Email other@example.com -GivenName Carol -FamilyName C -ErrorAction SilentlyContinue -ErrorVariable err -WarningAction SilentlyContinue
        $err | Should -Not -BeNullOrEmpty
        @(Get-IdcUser -UserName carol).Count | Should -Be 1
    }

    It 'creates, renames and removes groups, with members added and listed both ways across pages' {
        $null = 1..3 | ForEach-Object { New-IdcUser -UserName "member$_" -Email "member$_@example.com" -GivenName M -FamilyName $_ -WarningAction SilentlyContinue }
        Get-SandboxWrite { New-IdcGroup -DisplayName Builders -WhatIf } | Should -BeNullOrEmpty
        $group = New-IdcGroup -DisplayName Builders -Description 'People who build'
        Get-SandboxWrite { Add-IdcGroupMember -Group Builders -User member1, member2, member3 -WhatIf } | Should -BeNullOrEmpty
        Get-IdcGroupMember -Group Builders | Should -BeNullOrEmpty

        Add-IdcGroupMember -Group Builders -User member1, member2, member3
        (Get-IdcGroupMember -Group Builders).UserName | Sort-Object | Should -Be @('member1', 'member2', 'member3')
        (Get-IdcGroupMembership -User member2).GroupName | Should -Contain Builders

        Get-SandboxWrite { Remove-IdcGroupMember -Group Builders -User member3 -Force -WhatIf } | Should -BeNullOrEmpty
        Remove-IdcGroupMember -Group Builders -User member3 -Force
        (Get-IdcGroupMember -Group Builders).UserName | Should -Not -Contain member3

        Get-SandboxWrite { Set-IdcGroup -DisplayName Builders -NewDisplayName Makers -WhatIf } | Should -BeNullOrEmpty
        Set-IdcGroup -DisplayName Builders -NewDisplayName Makers -Description 'People who make'
        (Get-IdcGroup -DisplayName Makers).Description | Should -Be 'People who make'
        Get-IdcGroup -DisplayName Builders -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Get-SandboxWrite { Remove-IdcGroup -DisplayName Makers -Force -WhatIf } | Should -BeNullOrEmpty
        Get-IdcGroup -DisplayName Makers | Should -Not -BeNullOrEmpty
        Remove-IdcGroup -DisplayName Makers -Force
        Get-IdcGroup -DisplayName Makers -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $group.GroupId | Should -Not -BeNullOrEmpty
    }
}

Describe 'Permission sets on the sandbox' {
    It 'creates a set with every kind of policy, a boundary and tags, and reads them back' {
        Get-SandboxWrite { New-IdcPermissionSet -Name Everything -ManagedPolicy ReadOnlyAccess -WhatIf } | Should -BeNullOrEmpty
        Get-IdcPermissionSet -Name Everything -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $null = New-IdcPermissionSet -Name Everything -Description 'all kinds' -SessionDuration 02:00:00 -RelayState 'https://console.aws.amazon.com/' `
            -ManagedPolicy ReadOnlyAccess -CustomerManagedPolicy '/teams/TeamPolicy' -InlinePolicy $inline `
            -PermissionsBoundary PowerUserAccess -Tag @{ team = 'platform'; env = 'prod' } -WarningAction SilentlyContinue
        $set = Get-IdcPermissionSet -Name Everything
        $set.SessionDuration | Should -BeExactly 'PT2H'
        $set.ManagedPolicies.Name | Should -Be ReadOnlyAccess
        $set.CustomerManagedPolicies.Name | Should -Be TeamPolicy
        $set.InlinePolicy | Should -Match 's3:ListAllMyBuckets'
        "$($set.PermissionsBoundary)" | Should -Match PowerUserAccess
        $set.Tags['team'] | Should -Be platform
    }

    It 'changes the boundary to a customer managed one, then removes it, and retags' {
        Get-SandboxWrite { Set-IdcPermissionSet -PermissionSet Everything -CustomerManagedPermissionsBoundary '/Boundary' -Tag @{ team = 'security' } -WhatIf } | Should -BeNullOrEmpty
        "$((Get-IdcPermissionSet -Name Everything).PermissionsBoundary)" | Should -Match PowerUserAccess
        Set-IdcPermissionSet -PermissionSet Everything -CustomerManagedPermissionsBoundary '/Boundary' -Tag @{ team = 'security' } -NoProvision
        $set = Get-IdcPermissionSet -Name Everything
        "$($set.PermissionsBoundary)" | Should -Match Boundary
        $set.Tags['team'] | Should -Be security
        Set-IdcPermissionSet -PermissionSet Everything -RemovePermissionsBoundary -NoProvision
        (Get-IdcPermissionSet -Name Everything).PermissionsBoundary | Should -BeNullOrEmpty
    }

    It 'refuses a name outside AWS''s pattern before anything is written' {
        { New-IdcPermissionSet -Name 'bad name!' -ManagedPolicy ReadOnlyAccess -ErrorAction Stop } | Should -Throw
        Get-IdcPermissionSet -Name 'bad name!' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Account access on the sandbox' {
    BeforeAll {
        $null = New-IdcUser -UserName dana -Email dana@example.com -GivenName Dana -FamilyName D -WarningAction SilentlyContinue
        $null = New-IdcGroup -DisplayName Platform
        Add-IdcGroupMember -Group Platform -User dana
        $null = New-IdcPermissionSet -Name PlatformAdmin -ManagedPolicy AdministratorAccess -WarningAction SilentlyContinue
    }

    It 'describes a grant under -WhatIf and sends nothing' {
        Get-SandboxWrite { Grant-IdcAccountAccess -Group Platform -PermissionSet PlatformAdmin -Account (Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse).AccountId -WhatIf } | Should -BeNullOrEmpty
        Get-IdcAccountAssignment -Group Platform | Should -BeNullOrEmpty
    }

    It 'grants one set on every account of an OU in one call, waiting until each leaves IN_PROGRESS' {
        $results = Get-IdcAccount -OrganizationalUnit /Root/Workloads -Recurse | Grant-IdcAccountAccess -Group Platform -PermissionSet PlatformAdmin
        $results.Status | Sort-Object -Unique | Should -Be Succeeded
        $results.AccountName | Sort-Object | Should -Be @('prod-data', 'prod-web', 'staging')
        (Get-IdcAccountAssignment -Group Platform).AccountName | Sort-Object | Should -Be @('prod-data', 'prod-web', 'staging')
        Test-IdcAccountAccess -User dana -PermissionSet PlatformAdmin -Account prod-web | Should -BeTrue
        Test-IdcAccountAccess -User dana -PermissionSet PlatformAdmin -Account audit | Should -BeFalse
        (Get-IdcAccountAssignment -User dana -IncludeGroups).AccountName | Should -Contain staging
    }

    It 'provisions the set to the accounts it was granted on' {
        $provisioned = Get-IdcPermissionSetProvisioning -PermissionSet PlatformAdmin -IncludeCurrent
        @($provisioned).Count | Should -Be 3
        $provisioned.IsOutdated | Should -Not -Contain $true
    }

    It 'marks the accounts out of date after an edit without provisioning, and Deploy brings them up to date' {
        Set-IdcPermissionSet -PermissionSet PlatformAdmin -SessionDuration 04:00:00 -NoProvision
        $outdated = Get-IdcPermissionSetProvisioning -PermissionSet PlatformAdmin
        @($outdated).Count | Should -Be 3
        $outdated.IsOutdated | Sort-Object -Unique | Should -Be $true

        Get-SandboxWrite { Deploy-IdcPermissionSet -PermissionSet PlatformAdmin -OutdatedOnly -WhatIf } | Should -BeNullOrEmpty
        @(Get-IdcPermissionSetProvisioning -PermissionSet PlatformAdmin).Count | Should -Be 3

        $deployed = Deploy-IdcPermissionSet -PermissionSet PlatformAdmin -OutdatedOnly
        $deployed.Status | Sort-Object -Unique | Should -Be SUCCEEDED
        Get-IdcPermissionSetProvisioning -PermissionSet PlatformAdmin | Should -BeNullOrEmpty
        (Get-IdcPermissionSetProvisioning -RequestStatus SUCCEEDED).RequestId | Should -Contain $deployed[0].RequestId
    }

    It 'returns IN_PROGRESS with -NoWait and a FAILED result with AWS''s reason when the group is deleted before AWS finishes' {
        $null = New-IdcGroup -DisplayName Doomed
        $pending = Grant-IdcAccountAccess -Group Doomed -PermissionSet PlatformAdmin -Account audit -NoWait
        $pending.Status | Should -Be InProgress
        Remove-IdcGroup -DisplayName Doomed -Force

        $final = $pending | Wait-IdcAccountAssignment -ErrorAction SilentlyContinue -ErrorVariable failed
        # A FAILED request is reported as an error (not output) carrying AWS's FailureReason.
        $final | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Match '^IdcAssignmentFailed'
        "$($failed[0])" | Should -Match 'Received a 404 status error: The group .* does not exist in the identity store'
    }

    It 'revokes under -WhatIf without sending, then revokes and waits' {
        Get-SandboxWrite { Revoke-IdcAccountAccess -Group Platform -PermissionSet PlatformAdmin -Account staging -Force -WhatIf } | Should -BeNullOrEmpty
        (Get-IdcAccountAssignment -Group Platform).AccountName | Should -Contain staging
        $revoked = Revoke-IdcAccountAccess -Group Platform -PermissionSet PlatformAdmin -Account staging -Force
        $revoked.Status | Should -Be Succeeded
        (Get-IdcAccountAssignment -Group Platform).AccountName | Should -Not -Contain staging
        # Its last assignment there gone, the set leaves the account.
        @(Get-IdcPermissionSetProvisioning -PermissionSet PlatformAdmin -IncludeCurrent).Count | Should -Be 2
    }

    It 'removes a permission set with its assignments' {
        Get-SandboxWrite { Remove-IdcPermissionSet -PermissionSet PlatformAdmin -RemoveAssignments -Force -WhatIf } | Should -BeNullOrEmpty
        Get-IdcPermissionSet -Name PlatformAdmin | Should -Not -BeNullOrEmpty
        Remove-IdcPermissionSet -PermissionSet PlatformAdmin -RemoveAssignments -Force
        Get-IdcPermissionSet -Name PlatformAdmin -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-IdcAccountAssignment -Group Platform | Should -BeNullOrEmpty
    }
}

Describe 'Initialize-IdcAdministrator on the sandbox' {
    It 'makes the administrator on the management account, and a second run changes nothing' {
        Get-SandboxWrite { $null = Initialize-IdcAdministrator -UserName erin -Email erin@example.com -GivenName Erin -FamilyName E -GroupName Admins -WhatIf -WarningAction SilentlyContinue } | Should -BeNullOrEmpty
        Get-IdcUser -UserName erin -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $first = Initialize-IdcAdministrator -UserName erin -Email erin@example.com -GivenName Erin -FamilyName E -GroupName Admins -WarningAction SilentlyContinue
        $first.Changes | Should -BeGreaterThan 0
        $first.Assignments[0].AccountId | Should -Be $instance.OwnerAccountId
        $second = Initialize-IdcAdministrator -UserName erin -Email erin@example.com -GivenName Erin -FamilyName E -GroupName Admins -WarningAction SilentlyContinue
        $second.Changes | Should -Be 0
    }
}

Describe 'Throttling and Disconnect on the sandbox' {
    It 'retries ThrottlingException at a low sandbox rate until every call succeeds' {
        $null = Connect-IdcInstance -Sandbox -SandboxThrottleRate 5
        $output = 1..15 | ForEach-Object { New-IdcGroup -DisplayName "t$_" -Verbose } 4>&1
        $groups = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $retries = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'ThrottlingException.*; retry' }
        @($retries).Count | Should -BeGreaterThan 0
        @($groups).Count | Should -Be 15
        @(Get-IdcGroup).Count | Should -Be 15
    }

    It 'discards the sandbox on Disconnect-IdcInstance: a new one starts empty' {
        Disconnect-IdcInstance
        { Get-IdcInstance -ErrorAction Stop } | Should -Throw -ErrorId 'IdcNotConnected,IdcAdmin.Commands.Instance.GetIdcInstanceCommand'
        $null = Connect-IdcInstance -Sandbox
        Get-IdcGroup | Should -BeNullOrEmpty
    }
}
