BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $instance = Connect-TestInstance -Moto $moto
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'New-IdcUser' {
    It 'creates a user with the console''s attributes, a default display name and the access portal URL' {
        $name = New-TestName -Prefix 'alice'

        $user = New-IdcUser -UserName $name -Email "$name@example.com" -GivenName Alice -FamilyName Doe -Title Engineer -PhoneNumber '+1 555 0100' -City Berlin -Country DE -Timezone Europe/Berlin -WarningAction SilentlyContinue

        $user | Should -HaveCount 1
        $user.UserName | Should -Be $name
        $user.DisplayName | Should -Be 'Alice Doe'
        $user.Email | Should -Be "$name@example.com"
        $user.UserId | Should -Not -BeNullOrEmpty
        $user.AccessPortalUrl | Should -Be $instance.AccessPortalUrl
        $read = Get-IdcUser -UserId $user.UserId
        $read.Title | Should -Be 'Engineer'
        $read.Locality | Should -Be 'Berlin'
        $read.PhoneNumber | Should -Be '+1 555 0100'
    }

    It 'calls the postal address''s region AddressRegion, so -Region only ever means the AWS region' {
        foreach ($command in 'New-IdcUser', 'Set-IdcUser') {
            (Get-Command $command).Parameters.Keys | Should -Not -Contain 'Region'
            (Get-Command $command).Parameters.Values.Aliases | Should -Not -Contain 'Region'
        }
        (Get-Command Set-IdcUser).Parameters['Clear'].Attributes.Where({ $_ -is [ValidateSet] }).ValidValues | Should -Contain 'AddressRegion'
        $name = New-TestName -Prefix 'addr'

        $user = New-IdcUser -UserName $name -GivenName Ada -FamilyName Addr -StreetAddress '1 Main St' -Locality Salem `
            -AddressRegion Oregon -PostalCode 97301 -Country US -WarningAction SilentlyContinue

        $user.AddressRegion | Should -Be 'Oregon'
        $user.PSObject.Properties.Name | Should -Not -Contain 'Region'
        (Get-IdcUser $name).AddressRegion | Should -Be 'Oregon'
    }

    It 'warns once per session that no invitation email is sent, naming the next step' {
        Connect-TestInstance -Moto $moto | Out-Null
        $first = New-TestName -Prefix 'inv'
        $second = New-TestName -Prefix 'inv'

        $null = New-IdcUser -UserName $first -GivenName A -FamilyName B -WarningVariable w1 -WarningAction SilentlyContinue
        $null = New-IdcUser -UserName $second -GivenName A -FamilyName B -WarningVariable w2 -WarningAction SilentlyContinue

        $w1 | Should -HaveCount 1
        "$w1" | Should -Match 'Send email verification link'
        $w2 | Should -HaveCount 0
    }

    It 'creates one user per CSV row, with columns named like the parameters' {
        $prefix = New-TestName -Prefix 'csv'
        $rows = @"
UserName,Email,GivenName,FamilyName,Title
$prefix-1,$prefix-1@example.com,Ann,One,
$prefix-2,$prefix-2@example.com,Ben,Two,CTO
"@ | ConvertFrom-Csv

        $users = $rows | New-IdcUser -WarningAction SilentlyContinue

        $users | Should -HaveCount 2
        $users[1].Title | Should -Be 'CTO'
        $users[0].Title | Should -BeNullOrEmpty
    }

    It 'returns an existing user with the same attributes, with a warning' {
        $name = New-TestName -Prefix 'same'
        $first = New-IdcUser -UserName $name -GivenName A -FamilyName B -WarningAction SilentlyContinue

        $again = New-IdcUser -UserName $name -GivenName A -FamilyName B -WarningVariable w -WarningAction SilentlyContinue

        $again.UserId | Should -Be $first.UserId
        "$w" | Should -Match 'already exists with the same attributes'
    }

    It 'refuses an existing user with different attributes, naming the fields' {
        $name = New-TestName -Prefix 'diff'
        $null = New-IdcUser -UserName $name -GivenName A -FamilyName B -Title One -WarningAction SilentlyContinue

        { New-IdcUser -UserName $name -GivenName A -FamilyName B -Title Two -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserExistsWithDifferentAttributes,IdcAdmin.Commands.User.NewIdcUserCommand' -ExpectedMessage '*Title*'
    }

    It 'refuses <Case> with <ErrorId> and creates nothing' -ForEach @(
        @{ Case = 'an invalid email'; Arguments = @{ Email = 'not-an-email' }; ErrorId = 'IdcUserInvalidEmail' }
        @{ Case = 'a user name with a space'; Arguments = @{ UserName = 'has space' }; ErrorId = 'IdcUserNameInvalidCharacters' }
        @{ Case = 'a user name over 128 characters'; Arguments = @{ UserName = ('x' * 129) }; ErrorId = 'IdcUserNameTooLong' }
        @{ Case = 'a reserved name'; Arguments = @{ UserName = 'AWSAdministrators' }; ErrorId = 'IdcReservedName' }
        @{ Case = 'an empty display name'; Arguments = @{ DisplayName = '  ' }; ErrorId = 'IdcUserDisplayNameEmpty' }
    ) {
        $parameters = @{ UserName = (New-TestName -Prefix 'bad'); GivenName = 'A'; FamilyName = 'B' }
        foreach ($key in $Arguments.Keys) { $parameters[$key] = $Arguments[$key] }

        { New-IdcUser @parameters -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,IdcAdmin.Commands.User.NewIdcUserCommand"
        Get-IdcUser -UserName $parameters.UserName -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports a bad CSV row and goes on with the others' {
        $prefix = New-TestName -Prefix 'rows'
        $rows = @(
            [pscustomobject]@{ UserName = "$prefix-ok"; GivenName = 'A'; FamilyName = 'B'; Email = "$prefix@example.com" }
            [pscustomobject]@{ UserName = "$prefix-bad"; GivenName = 'A'; FamilyName = 'B'; Email = 'broken' }
        )

        $created = $rows | New-IdcUser -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $created | Should -HaveCount 1
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'IdcUserInvalidEmail,*'
        $failures[0].TargetObject | Should -Be "$prefix-bad"
    }

    It 'creates nothing with -WhatIf' {
        $name = New-TestName -Prefix 'whatif'

        New-IdcUser -UserName $name -GivenName A -FamilyName B -WhatIf

        Get-IdcUser -UserName $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
