BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    # The guide gives the organization's management account administrative access: the emulator needs an organization.
    $null = New-TestOrganization -Moto $moto -AccountCount 0
    $null = Connect-TestInstance -Moto $moto
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Initialize-IdcAdministrator' {
    BeforeAll {
        $name = New-TestName -Prefix 'admin'
        $setup = @{ UserName = $name; Email = "$name@example.com"; GivenName = 'Ada'; FamilyName = 'Admin'; GroupName = "Admins-$name" }
    }

    It 'writes nothing with -WhatIf and says every step it would take' {
        $result = Initialize-IdcAdministrator @setup -WhatIf

        $result.Changes | Should -Be 0
        $result.Steps.Action | Should -Not -Contain 'Created'
        $result.Steps.Resource | Should -Contain 'user'
        $result.Steps.Resource | Should -Contain 'assignment'
        $result.Assignments[0].Status | Should -Be 'SKIPPED'
    }

    It 'makes an administrator with AdministratorAccess on the management account in one call' {
        $result = Initialize-IdcAdministrator @setup -WarningAction SilentlyContinue

        $result.GetType().FullName | Should -Be 'IdcAdmin.Core.Guide.AdministratorSetupResult'
        $result.Changes | Should -BeGreaterThan 0
        $result.Steps.Action | Should -Contain 'Created'
        $result.Assignments | Should -HaveCount 1
        $result.Assignments[0].Status | Should -Be 'SUCCEEDED'
        $result.Assignments[0].PrincipalType | Should -Be 'GROUP'
        $result.PermissionSetName | Should -Be 'AdministratorAccess'
        $result.AccessPortalUrl | Should -Be (Get-IdcInstance).AccessPortalUrl
    }

    It 'changes nothing when run a second time' {
        $result = Initialize-IdcAdministrator @setup

        $result.Changes | Should -Be 0
        $result.Steps.Action | Should -Not -Contain 'Created'
        $result.Assignments[0].Status | Should -Be 'EXISTING'
    }

    It 'lists what the API cannot do, each with where to do it' {
        $result = Initialize-IdcAdministrator @setup

        $result.ManualSteps | Should -Not -BeNullOrEmpty
        ($result.ManualSteps.Step -join "`n") | Should -Match 'invitation'
        ($result.ManualSteps.Step -join "`n") | Should -Match 'MFA'
        # Each step's Where, read per item: on the list itself .Where is PowerShell's Where() method, not the property.
        $result.ManualSteps | ForEach-Object { $_.Where | Should -Not -BeNullOrEmpty }
    }

    It 'refuses an invalid email before writing anything' {
        { Initialize-IdcAdministrator -UserName (New-TestName) -Email 'not-an-email' -GivenName Ada -FamilyName Admin -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserInvalidEmail,IdcAdmin.Commands.Administrator.InitializeIdcAdministratorCommand'
    }

    It 'has help with examples' {
        $help = Get-Help Initialize-IdcAdministrator -Examples

        $help.examples.example | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Match 'administrative access'
    }
}
