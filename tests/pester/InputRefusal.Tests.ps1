# Bad input is refused by the module, with its own Idc… error id (or at parameter binding), before anything is sent
# to AWS: the embedded sandbox answers as AWS does, so an input that slipped through would fail with AWS's error instead.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $null = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.05 -SandboxConfigurationPath $ExampleConfiguration
}

AfterAll {
    Disconnect-IdcInstance
}

Describe 'Set-IdcGroup -NewDisplayName' {
    It 'refuses a name another group has with IdcGroupNameInUse, and renames nothing' {
        { Set-IdcGroup Developers -NewDisplayName Admins -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcGroupNameInUse,IdcAdmin.Commands.Group.SetIdcGroupCommand'

        @((Get-IdcGroup).DisplayName | Sort-Object) | Should -Be @('Admins', 'Developers')
    }

    It 'still renames a group to its own name with other letter case' {
        (Set-IdcGroup Developers -NewDisplayName developers -PassThru -ErrorAction Stop).DisplayName | Should -BeExactly 'developers'

        (Set-IdcGroup developers -NewDisplayName Developers -PassThru -ErrorAction Stop).DisplayName | Should -BeExactly 'Developers'
    }
}

Describe 'Set-IdcUser -NewUserName' {
    It 'refuses a user name another user has with IdcUserNameInUse, and renames nothing' {
        { Set-IdcUser alice -NewUserName bob -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserNameInUse,IdcAdmin.Commands.User.SetIdcUserCommand'

        @((Get-IdcUser).UserName | Sort-Object) | Should -Be @('alice', 'bob', 'carol')
    }

    It 'still renames a user to a free name and back' {
        (Set-IdcUser alice -NewUserName alice.doe -PassThru -ErrorAction Stop).UserName | Should -Be 'alice.doe'

        (Set-IdcUser alice.doe -NewUserName alice -PassThru -ErrorAction Stop).UserName | Should -Be 'alice'
    }
}

Describe 'Get-IdcAccount -OrganizationalUnit' {
    It 'answers an ou- value that is not an OU id with IdcOrganizationalUnitNotFound, not AWS''s pattern error' {
        $err = $null
        $null = Get-IdcAccount -OrganizationalUnit ou-bad -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'IdcOrganizationalUnitNotFound,IdcAdmin.Commands.Account.GetIdcAccountCommand'
        $err[0].Exception.Message | Should -Not -BeLike '*regular expression*'
        $err[0].Exception.Message | Should -BeLike "*'ou-bad'*"
    }
}

Describe '-InlinePolicyPath' {
    It 'says a directory is a directory, not that it does not exist' {
        $err = $null
        $null = New-IdcPermissionSet -Name DirPolicy -InlinePolicyPath $TestDrive -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -BeLike '*is a directory*'
        $err[0].Exception.Message | Should -Not -BeLike '*does not exist*'
        (Get-IdcPermissionSet -Detail None).Name | Should -Not -Contain 'DirPolicy'
    }
}

Describe '-Timeout of the assignment cmdlets' {
    It '<Command> refuses a -Timeout of <Timeout> at binding, naming the parameter' -ForEach @(
        @{ Command = 'Grant-IdcAccountAccess'; Timeout = '00:00:00' }
        @{ Command = 'Grant-IdcAccountAccess'; Timeout = '-00:01:00' }
        @{ Command = 'Revoke-IdcAccountAccess'; Timeout = '-00:01:00' }
        @{ Command = 'Wait-IdcAccountAssignment'; Timeout = '00:00:00' }
        @{ Command = 'Wait-IdcAccountAssignment'; Timeout = '-00:01:00' }
    ) {
        $call = @{
            'Grant-IdcAccountAccess'    = { Grant-IdcAccountAccess -Timeout $Timeout -Group Developers -PermissionSet LogReader -Account staging -ErrorAction Stop }
            'Revoke-IdcAccountAccess'   = { Revoke-IdcAccountAccess -Timeout $Timeout -Group Developers -PermissionSet LogReader -Account staging -Force -ErrorAction Stop }
            'Wait-IdcAccountAssignment' = { @() | Wait-IdcAccountAssignment -Timeout $Timeout -ErrorAction Stop }
        }[$Command]

        $thrown = { & $call } | Should -Throw -ErrorId 'ParameterArgumentValidationError*' -PassThru
        $thrown.Exception.Message | Should -BeLike '*Timeout*greater than zero*'
    }

    It 'leaves the assignments as they were' {
        @(Get-IdcAccountAssignment -Group Developers).Count | Should -Be 3
    }
}
