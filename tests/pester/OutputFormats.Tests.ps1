# Every output type of the module, as an administrator meets it: the default view in an 80-column console, and the
# files Export-Csv writes. Objects keep their typed properties for pipelines.
BeforeDiscovery {
    $script:typeNames = 'IdcUser', 'IdcGroup', 'IdcGroupMember', 'IdcPermissionSet', 'AwsAccount', 'OrganizationalUnitEntry',
        'AccountAssignmentEntry', 'AccountAssignmentResult', 'FailedAccountAssignmentResult', 'PermissionSetProvisioningResult',
        'PermissionSetAccountProvisioning', 'IdcInstance', 'AdministratorSetupResult'
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

    # Each type: the object, the values its default view must show at 80 columns, and list properties with
    # the text Export-Csv must write for them.
    $script:samples = @{
        IdcUser = @{ Object = $user; Keys = @($user.UserName, $user.UserId)
            Cells = @{ Emails = "$userName@example.com"; PhoneNumbers = '+1 555 0100'; Addresses = '1 Main St, Salem, Oregon, US' } }
        IdcGroup = @{ Object = $group; Keys = @($group.DisplayName, $group.GroupId); Cells = @{ ExternalIds = '' } }
        IdcGroupMember = @{ Object = $member; Keys = @($member.GroupName, $member.UserName); Cells = @{} }
        IdcPermissionSet = @{ Object = $set; Keys = @($psName, '02:00:00', 'ReadOnlyAccess')
            Cells = @{ ManagedPolicies = 'ReadOnlyAccess; SecurityAudit'; Tags = 'env=prod; team=platform'; ProvisionedAccounts = '' } }
        AwsAccount = @{ Object = $account; Keys = @($account.AccountId, $account.Name, $account.Status); Cells = @{} }
        OrganizationalUnitEntry = @{ Object = $unit; Keys = @($unit.Path, $unit.OrganizationalUnitId); Cells = @{} }
        AccountAssignmentEntry = @{ Object = $entry; Keys = @($group.DisplayName, $psName, $account.Name, $account.AccountId); Cells = @{} }
        AccountAssignmentResult = @{ Object = $result; Keys = @('Succeeded', $group.DisplayName, $psName, $account.AccountId); Cells = @{} }
        FailedAccountAssignmentResult = @{ Object = $failed; Keys = @('Failed', $account.AccountId, 'Not supported account'); Cells = @{} }
        PermissionSetProvisioningResult = @{ Object = $provisioning; Keys = @($psName, $account.AccountId, 'FAILED', 'Role limit exceeded'); Cells = @{} }
        PermissionSetAccountProvisioning = @{ Object = $accountProvisioning; Keys = @($psName, $account.AccountId, 'True'); Cells = @{} }
        IdcInstance = @{ Object = $instance; Keys = @($instance.InstanceArn, $instance.IdentityStoreId, $instance.AccessPortalUrl); Cells = @{} }
        AdministratorSetupResult = @{ Object = $setup; Keys = @($userName, $group.DisplayName, $psName, $instance.AccessPortalUrl)
            Cells = @{ Steps = "Created user $userName"; ManualSteps = 'Turn on MFA — Settings > Authentication'
                Assignments = "GROUP $($group.DisplayName) $psName @ $($account.AccountId): SUCCEEDED" } }
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

    It 'exports to CSV cells that hold values, not type names' {
        $row = $sample.Object | ConvertTo-Csv | ConvertFrom-Csv

        foreach ($property in $row.PSObject.Properties) {
            $property.Value | Should -Not -Match '^(System|IdcAdmin)\.[\w.`\[\]]+$' -Because "column $($property.Name) should be readable"
        }
        foreach ($cell in $sample.Cells.GetEnumerator()) { $row.($cell.Key) | Should -Be $cell.Value -Because "column $($cell.Key)" }
    }
}

Describe 'Typed properties for pipelines' {
    It 'keeps lists of typed items and a TimeSpan on permission sets' {
        $set = $script:samples.IdcPermissionSet.Object
        $set.SessionDuration | Should -BeOfType ([TimeSpan])
        $set.ManagedPolicies[0].Arn | Should -Be 'arn:aws:iam::aws:policy/ReadOnlyAccess'
        $set.Tags['team'] | Should -Be 'platform'
        @($set.ManagedPolicies | Where-Object Name -EQ 'SecurityAudit') | Should -HaveCount 1
    }

    It 'keeps the user''s emails as objects with their type and primary flag' {
        $user = $script:samples.IdcUser.Object
        $user.Emails[0].Value | Should -Be $user.Email
        $user.Emails[0].Primary | Should -BeTrue
    }
}
