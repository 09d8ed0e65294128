BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.GetIdcPermissionSetCommand'
    $prefix = New-TestName -Prefix 'get'
    # The emulator has no permissions-boundary or tag calls, so these tests read policies and provisioning only.
    $sets = foreach ($i in 1..3) { New-IdcPermissionSet -Name "$prefix-$i" -ManagedPolicy ReadOnlyAccess -SessionDuration PT2H }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Get-IdcPermissionSet' {
    It 'gets a set by name with its policies and duration in ISO 8601 as AWS writes it' {
        $set = Get-IdcPermissionSet -Name "$prefix-1" -Detail Policies

        $set.PermissionSetArn | Should -Be $sets[0].PermissionSetArn
        $set.SessionDuration | Should -BeExactly 'PT2H'
        [System.Xml.XmlConvert]::ToTimeSpan($set.SessionDuration).TotalHours | Should -Be 2
        $set.ManagedPolicies.Name | Should -Be 'ReadOnlyAccess'
    }

    It 'finds by name a set created outside the session after the names were listed' {
        $null = Get-IdcPermissionSet -Name "$prefix-1" -Detail None
        $outside = New-TestName -Prefix 'cli'
        $null = aws sso-admin create-permission-set --instance-arn (Get-IdcInstance).InstanceArn --name $outside --session-duration PT3H `
            --endpoint-url $moto.Url --region us-east-1 --output json

        $set = Get-IdcPermissionSet -Name $outside -Detail None -ErrorAction Stop

        $set.Name | Should -Be $outside
        $set.SessionDuration | Should -BeExactly 'PT3H'
    }

    It 'matches names with wildcards' {
        Get-IdcPermissionSet -Name "$prefix-*" -Detail None | Should -HaveCount 3
    }

    It 'gets a set by ARN, also from the pipeline by property name' {
        ($sets[1] | Get-IdcPermissionSet -Detail None).Name | Should -Be "$prefix-2"
        (Get-IdcPermissionSet -Name $sets[2].PermissionSetArn -Detail None).Name | Should -Be "$prefix-3"
    }

    It 'lists every set when no name is given' {
        (Get-IdcPermissionSet -Detail None).Name | Should -Contain "$prefix-1"
    }

    It 'reads the accounts a set is provisioned to' {
        $set = Get-IdcPermissionSet -Name "$prefix-1" -Detail Provisioning

        $set.ProvisionedAccounts | Should -HaveCount 0
        $set.ManagedPolicies | Should -BeNullOrEmpty
    }

    It 'returns the rest of the set with one warning per detail it cannot read' {
        # The emulator has no GetPermissionsBoundaryForPermissionSet and no ListTagsForResource, as a role may lack them.
        $set = Get-IdcPermissionSet -Name "$prefix-1" -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $set.Name | Should -Be "$prefix-1"
        $set.ManagedPolicies.Name | Should -Be 'ReadOnlyAccess'
        $set.SessionDuration | Should -BeExactly 'PT2H'
        $set.PermissionsBoundary | Should -BeNullOrEmpty
        $set.Tags | Should -BeNullOrEmpty
        $set.Detail.HasFlag($set.Detail.GetType()::Policies) | Should -BeTrue
        $set.Detail.HasFlag($set.Detail.GetType()::PermissionsBoundary) | Should -BeFalse
        $set.Detail.HasFlag($set.Detail.GetType()::Tags) | Should -BeFalse
        $warnings | Should -HaveCount 2
        @($warnings | Where-Object { "$_" -match 'PermissionsBoundary' -and "$_" -match 'GetPermissionsBoundaryForPermissionSet' }) | Should -HaveCount 1
        @($warnings | Where-Object { "$_" -match '\bTags\b' -and "$_" -match 'ListTagsForResource' }) | Should -HaveCount 1
    }

    It 'lists every set despite details it cannot read' {
        $listed = Get-IdcPermissionSet -Name "$prefix-*" -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $listed | Should -HaveCount 3
        $listed.ManagedPolicies.Name | Sort-Object -Unique | Should -Be 'ReadOnlyAccess'
        $warnings | Should -HaveCount 6
    }

    It 'reports a missing name as ObjectNotFound and goes on with the others' {
        $err = $null
        $found = Get-IdcPermissionSet -Name 'no-such-set', "$prefix-1" -Detail None -ErrorAction SilentlyContinue -ErrorVariable err

        $found.Name | Should -Be "$prefix-1"
        $err[0].FullyQualifiedErrorId | Should -Be "IdcPermissionSetNotFound,$command"
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-set'
    }

    It 'shows a table of name, duration, policies and description' {
        # A wide page: at a narrow console width the table would drop the Policies column.
        $text = Get-IdcPermissionSet -Name "$prefix-1" -Detail Policies | Out-String -Width 250

        $text | Should -Match 'SessionDuration'
        $text | Should -Match 'ReadOnlyAccess'
    }

    It 'completes permission set names' {
        $completion = TabExpansion2 -inputScript "Get-IdcPermissionSet -Name $prefix-" -cursorColumn ("Get-IdcPermissionSet -Name $prefix-".Length)

        $completion.CompletionMatches.CompletionText | Should -Contain "$prefix-2"
    }
}
