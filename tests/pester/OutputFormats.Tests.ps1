# Every output type of the module, as an administrator meets it: the default view in an 80-column console, and the
# files Export-Csv and ConvertTo-Json write. Objects keep their typed properties for pipelines.
BeforeDiscovery {
    $script:typeNames = 'IdcUser', 'IdcGroup', 'IdcGroupMember', 'IdcPermissionSet', 'AwsAccount', 'OrganizationalUnitEntry',
        'AccountAssignmentEntry', 'AccountAssignmentResult', 'FailedAccountAssignmentResult', 'PermissionSetProvisioningResult',
        'PermissionSetAccountProvisioning', 'IdcInstance', 'AdministratorSetupResult', 'ConfigurationDrift', 'EffectiveAccessEntry'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $instance = $script:moto.Instance
    $org = New-TestOrganization -Moto $script:moto -AccountCount 1
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    $null = aws organizations create-organizational-unit --parent-id $org.RootId --name (New-TestName -Prefix 'ou') @common
    $userName = New-TestName -Prefix 'usr'
    $user = New-IdcUser -UserName $userName -Email "$userName@example.com" -GivenName Out -FamilyName Put -PhoneNumber '+1 555 0100' `
        -StreetAddress '1 Main St' -Locality Salem -AddressRegion Oregon -Country US -WarningAction SilentlyContinue
    # The emulator keeps no external ids: give the user one, as a directory synchronised from an IdP would have.
    $externalIds = [Array]::CreateInstance((Get-EngineType 'IdcAdmin.Core.IdentityStore.Model.ExternalId'), 1)
    $externalIds[0] = New-EngineObject 'IdcAdmin.Core.IdentityStore.Model.ExternalId' -Property @{ Issuer = 'okta'; Id = '00u1' }
    $user.ExternalIds = $externalIds
    $group = New-IdcGroup (New-TestName -Prefix 'grp') -Description 'Output formats'
    $member = Add-IdcGroupMember -GroupId $group.GroupId -UserId $user.UserId -PassThru
    $psName = New-TestName -Prefix 'ps'
    $null = New-IdcPermissionSet -Name $psName -ManagedPolicy ReadOnlyAccess, SecurityAudit -SessionDuration 02:00:00
    $set = Get-IdcPermissionSet -Name $psName -Detail Policies, Provisioning
    # The emulator keeps no tags: give the set the ones AWS would have returned.
    $tags = [System.Collections.Generic.Dictionary[string, string]]::new()
    $tags['team'] = 'platform'; $tags['env'] = 'prod'
    $set.Tags = $tags
    $account = Get-IdcAccount -Name $org.Accounts[0].Id
    $unit = Get-IdcOrganizationalUnit -Recurse | Where-Object Depth -EQ 1 | Select-Object -First 1
    $result = Grant-IdcAccountAccess -Group $group.DisplayName -PermissionSet $psName -Account $account.AccountId
    $entry = Get-IdcAccountAssignment -Group $group.DisplayName
    $effective = Get-IdcEffectiveAccess -User $userName -Path Principal | Select-Object -First 1
    $failed = (New-EngineObject 'IdcAdmin.Core.Access.AccountAssignmentResult' -Property @{
        Operation = 'Create'; Status = 'Failed'; AccountId = $account.AccountId; AccountName = $account.Name; PrincipalType = 'Group'
        PrincipalId = $group.GroupId; PrincipalName = $group.DisplayName; PermissionSetArn = $set.PermissionSetArn; PermissionSetName = $psName
        FailureReason = 'Received a 404 status error: Not supported account'
    })
    $provisioning = (New-EngineObject 'IdcAdmin.Core.PermissionSets.PermissionSetProvisioningResult' -Property @{
        Name = $psName; PermissionSetArn = $set.PermissionSetArn; AccountId = $account.AccountId; Status = 'FAILED'; FailureReason = 'Role limit exceeded'
    })
    $accountProvisioning = (New-EngineObject 'IdcAdmin.Core.PermissionSets.PermissionSetAccountProvisioning' -Property @{
        Name = $psName; PermissionSetArn = $set.PermissionSetArn; AccountId = $account.AccountId; ProvisioningStatus = 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
    })
    $setup = (New-EngineObject 'IdcAdmin.Core.Guide.AdministratorSetupResult' -Property @{
        UserName = $userName; UserId = $user.UserId; GroupName = $group.DisplayName; GroupId = $group.GroupId; PermissionSetName = $psName
        PermissionSetArn = $set.PermissionSetArn; AccessPortalUrl = $instance.AccessPortalUrl; Changes = 2
    })
    $setup.Steps.Add((New-EngineObject 'IdcAdmin.Core.Guide.SetupStep' -ArgumentList @('user', $userName, 'Created', $null)))
    $setup.Assignments.Add((New-EngineObject 'IdcAdmin.Core.Guide.SetupAssignment' -Property @{ AccountId = $account.AccountId; PermissionSetName = $psName; PrincipalType = 'GROUP'; PrincipalName = $group.DisplayName; Status = 'SUCCEEDED' }))
    $setup.ManualSteps.Add((New-EngineObject 'IdcAdmin.Core.Guide.ManualStep' -ArgumentList @('Turn on MFA', 'Settings > Authentication')))
    $drift = New-EngineObject 'IdcAdmin.Core.Configuration.ConfigurationDrift' -ArgumentList @('PermissionSet', 'Data', 'Change', 'SessionDuration', 'PT1H', 'PT2H')
    $drift.Status = 'Failed'; $drift.Message = 'Access denied'

    # Each type: the object, the values its default view must show at 80 columns, list properties with the text
    # Export-Csv must write for them, and values ConvertTo-Json must write as they read.
    $script:samples = @{
        IdcUser = @{ Object = $user; Keys = @($user.UserName, $user.UserId)
            Cells = @{ Emails = "$userName@example.com"; PhoneNumbers = '+1 555 0100'; Addresses = '1 Main St, Salem, Oregon, US'; ExternalIds = 'okta:00u1' } }
        IdcGroup = @{ Object = $group; Keys = @($group.DisplayName, $group.GroupId); Cells = @{ ExternalIds = '' } }
        IdcGroupMember = @{ Object = $member; Keys = @($member.GroupName, $member.UserName); Cells = @{} }
        IdcPermissionSet = @{ Object = $set; Keys = @($psName, 'PT2H', 'ReadOnlyAccess')
            Cells = @{ ManagedPolicies = 'ReadOnlyAccess; SecurityAudit'; Tags = 'env=prod; team=platform'; ProvisionedAccounts = '' }
            Json = @{ SessionDuration = 'PT2H'; Detail = 'Policies, Provisioning' } }
        AwsAccount = @{ Object = $account; Keys = @($account.AccountId, $account.Name, $account.Status); Cells = @{} }
        OrganizationalUnitEntry = @{ Object = $unit; Keys = @($unit.Path, $unit.OrganizationalUnitId); Cells = @{} }
        AccountAssignmentEntry = @{ Object = $entry; Keys = @($group.DisplayName, $psName, $account.Name, $account.AccountId); Cells = @{}
            Json = @{ PrincipalType = 'Group' } }
        AccountAssignmentResult = @{ Object = $result; Keys = @('Succeeded', $group.DisplayName, $psName, $account.AccountId); Cells = @{}
            Json = @{ Operation = 'Create'; Status = 'Succeeded'; PrincipalType = 'Group'; Duration = '^PT(\d+M)?[\d.]+S$' } }
        FailedAccountAssignmentResult = @{ Object = $failed; Keys = @('Failed', $account.AccountId, 'Not supported account'); Cells = @{}
            Json = @{ Status = 'Failed'; Duration = $null } }
        PermissionSetProvisioningResult = @{ Object = $provisioning; Keys = @($psName, $account.AccountId, 'FAILED', 'Role limit exceeded'); Cells = @{} }
        PermissionSetAccountProvisioning = @{ Object = $accountProvisioning; Keys = @($psName, $account.AccountId, 'True'); Cells = @{} }
        IdcInstance = @{ Object = $instance; Keys = @($instance.InstanceArn, $instance.IdentityStoreId, $instance.AccessPortalUrl); Cells = @{} }
        AdministratorSetupResult = @{ Object = $setup; Keys = @($userName, $group.DisplayName, $psName, $instance.AccessPortalUrl)
            Cells = @{ Steps = "Created user $userName"; ManualSteps = 'Turn on MFA — Settings > Authentication'
                Assignments = "GROUP $($group.DisplayName) $psName @ $($account.AccountId): SUCCEEDED" } }
        EffectiveAccessEntry = @{ Object = $effective; Keys = @($userName, $psName, $account.AccountId, $group.DisplayName); Cells = @{} }
        ConfigurationDrift = @{ Object = $drift; Keys = @('Change', 'PermissionSet', 'Data', 'SessionDuration', 'PT1H', 'PT2H', 'Failed'); Cells = @{}
            Json = @{ Kind = 'PermissionSet'; Change = 'Change'; Status = 'Failed' } }
    }

    # Walks an object and its JSON side by side: every enum reads as its name, and no TimeSpan is left to
    # become a bag of Ticks, Days, Hours and so on.
    function script:Assert-JsonValue($Value, $Json, [string] $Path) {
        if ($null -eq $Value) { return }
        if ($Value -is [enum]) {
            $Json | Should -BeOfType ([string]) -Because "$Path is an enum"
            $Json | Should -BeExactly $Value.ToString() -Because "$Path is an enum"
        }
        elseif ($Value -is [TimeSpan]) { throw "$Path is a TimeSpan, which JSON writes as a bag of fields" }
        elseif ($Value -is [System.Collections.IDictionary] -or $Value.GetType().GetInterface('IReadOnlyDictionary`2')) {
            foreach ($key in $Value.Keys) { Assert-JsonValue $Value[$key] $Json.$key "$Path[$key]" }
        }
        elseif ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [string]) {
            $items = @($Value); $jsonItems = @($Json)
            for ($i = 0; $i -lt $items.Count; $i++) { Assert-JsonValue $items[$i] $jsonItems[$i] "$Path[$i]" }
        }
        elseif ($Value.GetType().Namespace -like 'IdcAdmin*') {
            foreach ($property in $Value.GetType().GetProperties()) { Assert-JsonValue $property.GetValue($Value) $Json.($property.Name) "$Path.$($property.Name)" }
        }
    }
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Output formats of <_>' -ForEach $script:typeNames {
    BeforeAll {
        $sample = $script:samples[$_]
    }

    It 'shows its key values in an 80-column console' {
        $lines = ($sample.Object | Out-String -Width 80) -split "`r?`n"

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        # A long failure reason wraps within the last column, so compare with the white space taken out.
        $packed = ($lines -join '') -replace '\s', ''
        foreach ($key in $sample.Keys) { $packed | Should -Match ([regex]::Escape(($key -replace '\s', ''))) }
    }

    It 'lists every property as values, not type names, in Format-List *' {
        $text = $sample.Object | Format-List * | Out-String -Width 80

        $text | Should -Not -Match '\b(System|IdcAdmin)\.[\w.`]+' -Because 'every property should read as its value'
        # A list reads as its items, each as its Export-Csv text: {a, b} (a dictionary reads as its pairs: {[k, v]}).
        $packed = $text -replace '\s', ''
        foreach ($cell in $sample.Cells.GetEnumerator() | Where-Object { $_.Value -and $sample.Object.($_.Key) -isnot [System.Collections.IDictionary] }) {
            $items = ($cell.Value -split '; ' | ForEach-Object { $_ -replace '\s', '' }) -join ','
            $packed | Should -Match ([regex]::Escape("$($cell.Key):{$items}")) -Because "property $($cell.Key)"
        }
    }

    It 'exports to CSV cells that hold values, not type names' {
        $row = $sample.Object | ConvertTo-Csv | ConvertFrom-Csv

        foreach ($property in $row.PSObject.Properties) {
            $property.Value | Should -Not -Match '^(System|IdcAdmin)\.[\w.`\[\]]+$' -Because "column $($property.Name) should be readable"
        }
        foreach ($cell in $sample.Cells.GetEnumerator()) { $row.($cell.Key) | Should -Be $cell.Value -Because "column $($cell.Key)" }
    }

    It 'exports to JSON with enums as names and durations as ISO 8601 text' {
        $json = $sample.Object | ConvertTo-Json -Depth 5
        $parsed = $json | ConvertFrom-Json

        $json | Should -Not -Match '"(Ticks|TotalMilliseconds|value__)"\s*:' -Because 'a TimeSpan or enum should not become an object'
        Assert-JsonValue $sample.Object $parsed $_
        $expected = if ($sample.ContainsKey('Json')) { $sample.Json } else { @{} }
        foreach ($value in $expected.GetEnumerator()) {
            $actual = $parsed.($value.Key)
            if ($null -eq $value.Value) { $actual | Should -BeNullOrEmpty -Because $value.Key }
            elseif ($value.Value.StartsWith('^')) { $actual | Should -Match $value.Value -Because $value.Key }
            else { $actual | Should -BeExactly $value.Value -Because $value.Key }
        }
    }

    It 'exports to JSON at the default depth without a type name for a value' {
        $json = $sample.Object | ConvertTo-Json -WarningAction SilentlyContinue

        $json | Should -Not -Match '"(System|IdcAdmin)\.[\w.`\[\]]+"' -Because 'a value should not be replaced by its type name'
        $json | Should -Not -Match '"\w+"\s*:\s*\{\s*"Ticks"'
    }
}

Describe 'Typed properties for pipelines' {
    It 'keeps lists of typed items and an ISO 8601 duration that converts to a TimeSpan on permission sets' {
        $set = $script:samples.IdcPermissionSet.Object
        [System.Xml.XmlConvert]::ToTimeSpan($set.SessionDuration) | Should -Be ([TimeSpan]::FromHours(2))
        $set.ManagedPolicies[0].Arn | Should -Be 'arn:aws:iam::aws:policy/ReadOnlyAccess'
        $set.Tags['team'] | Should -Be 'platform'
        @($set.ManagedPolicies | Where-Object Name -EQ 'SecurityAudit') | Should -HaveCount 1
    }

    It 'keeps the user''s emails as objects with their type and primary flag' {
        $user = $script:samples.IdcUser.Object
        $user.Emails[0].Value | Should -Be $user.Email
        $user.Emails[0].Primary | Should -BeTrue
    }

    It 'keeps enums typed, so that Where-Object, -eq and switch compare them with their names' {
        $succeeded = $script:samples.AccountAssignmentResult.Object
        $results = $succeeded, $script:samples.FailedAccountAssignmentResult.Object

        $succeeded.Status | Should -BeOfType (Get-EngineType 'IdcAdmin.Core.Access.AssignmentStatus')
        @($results | Where-Object Status -EQ 'Succeeded') | Should -Be @($succeeded)
        $succeeded.Status -eq (Get-EngineType 'IdcAdmin.Core.Access.AssignmentStatus')::Succeeded | Should -BeTrue
        $script:samples.AccountAssignmentEntry.Object.PrincipalType | Should -BeOfType (Get-EngineType 'IdcAdmin.Core.Identity.PrincipalKind')
        $kind = switch ($script:samples.AccountAssignmentEntry.Object.PrincipalType) { 'User' { 'a user' } 'Group' { 'a group' } }
        $kind | Should -Be 'a group'
        $script:samples.IdcPermissionSet.Object.Detail.HasFlag((Get-EngineType 'IdcAdmin.Core.PermissionSets.PermissionSetDetail')::Policies) | Should -BeTrue
    }

    It 'takes back what ConvertTo-Json wrote: an enum name binds to its parameter and the duration to -SessionDuration' {
        $exported = $script:samples.IdcPermissionSet.Object | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $exported.Name = New-TestName -Prefix 'copy'

        $copy = $exported | New-IdcPermissionSet
        $read = Get-IdcPermissionSet -Name $copy.Name -Detail $exported.Detail

        $copy.SessionDuration | Should -BeExactly 'PT2H'
        $read.SessionDuration | Should -BeExactly 'PT2H'
        $read.Detail | Should -Be ([Enum]::Parse((Get-EngineType 'IdcAdmin.Core.PermissionSets.PermissionSetDetail'), 'Policies, Provisioning'))
    }
}

Describe 'Permission set names in the 80-column access tables' {
    # The guide's AdministratorAccess, and the longest predefined set's name, must read whole on their row, not cut or
    # wrapped into the next line.
    It 'shows <Name> whole in the <Type> table' -ForEach @(
        foreach ($name in 'AdministratorAccess', 'DatabaseAdministrator') {
            @{ Name = $name; Type = 'AccountAssignmentResult' }
            @{ Name = $name; Type = 'AccountAssignmentEntry' }
            @{ Name = $name; Type = 'EffectiveAccessEntry' }
        }
    ) {
        $object = New-EngineObject "IdcAdmin.Core.Access.$Type" -Property @{
            PermissionSetName = $Name; AccountId = '111122223333'; AccountName = 'prod'
        }
        if ($Type -eq 'EffectiveAccessEntry') { $object.UserName = 'alice'; $object.GroupName = 'Admins' }
        else { $object.PrincipalName = 'Admins'; $object.PrincipalType = 'Group' }

        $lines = ($object | Out-String -Width 80) -split "`r?`n"

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines | Where-Object { $_ -match "\b$Name\b" } | Should -HaveCount 1
        # The column labels stay on one line: the dashes come right after the first line of the table.
        $first = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l.Trim() -ne '' })
        $lines[$first + 1] | Should -Match '^-+( +-+)+ *$'
    }
}

Describe 'Long names beside their ids in the 80-column user and group tables' {
    # Identity Center user names are often email addresses (from an external identity provider); the table has room
    # beside the 36-character id to show a 42-character name whole.
    It 'shows a <Type> named <Name> whole' -ForEach @(
        @{ Type = 'IdcAdmin.Core.Identity.IdcUser'; Property = 'UserName'; IdProperty = 'UserId'; Name = 'alexandra.longname-smith@example.com' }
        @{ Type = 'IdcAdmin.Core.Identity.IdcGroup'; Property = 'DisplayName'; IdProperty = 'GroupId'; Name = 'Platform-Engineering-Administrators-EU1' }
    ) {
        $object = New-EngineObject $Type -Property @{ $Property = $Name; $IdProperty = '90677f5a-b0c1-70b4-3b27-2c8e8e2d8e1a' }

        $lines = ($object | Out-String -Width 80) -split "`r?`n"

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines | Where-Object { $_.Contains($Name) -and $_.Contains('90677f5a-b0c1-70b4-3b27-2c8e8e2d8e1a') } | Should -HaveCount 1
    }
}
