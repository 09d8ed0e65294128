# UpdateUser is not implemented by moto: these tests cover what is decided before the call (nothing to change,
# refusals, -WhatIf); the UpdateUser operations themselves are tested in the engine against a scripted store.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $name = New-TestName -Prefix 'set'
    $user = New-IdcUser -UserName $name -Email "$name@example.com" -GivenName Sam -FamilyName Set -Title Engineer -WarningAction SilentlyContinue
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Set-IdcUser' {
    It 'sends nothing when a piped user is set to the values it has' {
        $result = $user | Set-IdcUser -Title Engineer -PassThru -Verbose 4>&1

        ($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'nothing to change'
        ($result | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).UserId | Should -Be $user.UserId
    }

    It 'changes nothing with -WhatIf' {
        Set-IdcUser -UserName $name -Title Manager -WhatIf

        (Get-IdcUser $name).Title | Should -Be 'Engineer'
    }

    It 'refuses an invalid email with IdcUserInvalidEmail' {
        { Set-IdcUser -UserName $name -Email 'broken' -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserInvalidEmail,IdcAdmin.Commands.User.SetIdcUserCommand'
    }

    It 'refuses an unknown user with IdcUserNotFound' {
        { Set-IdcUser -UserName 'nobody-here' -Title X -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdcUserNotFound,IdcAdmin.Commands.User.SetIdcUserCommand'
    }

    It 'offers only optional attributes to -Clear' {
        { Set-IdcUser -UserName $name -Clear GivenName } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IdcAdmin.Commands.User.SetIdcUserCommand'
    }
}
