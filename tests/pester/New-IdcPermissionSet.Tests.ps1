BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = Connect-TestInstance -Moto $moto
    $command = 'IdcAdmin.Commands.PermissionSet.NewIdcPermissionSetCommand'
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'New-IdcPermissionSet' {
    It 'creates a custom set with managed, customer managed and inline policies' {
        $name = New-TestName -Prefix 'ps'

        $set = New-IdcPermissionSet -Name $name -Description 'Reads data' -SessionDuration PT4H `
            -ManagedPolicy ReadOnlyAccess, SecurityAudit -CustomerManagedPolicy '/team/DataLakeRead' `
            -InlinePolicy @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Deny'; Action = 's3:DeleteObject'; Resource = '*' }) }

        $set.GetType().FullName | Should -Be 'IdcAdmin.Core.PermissionSets.IdcPermissionSet'
        $set.Name | Should -Be $name
        $set.PermissionSetArn | Should -Match '/ps-'
        $set.SessionDuration | Should -BeExactly 'PT4H'
        $set.ManagedPolicies.Name | Should -Be @('ReadOnlyAccess', 'SecurityAudit')
        $set.CustomerManagedPolicies[0].Path | Should -Be '/team/'
        ($set.InlinePolicy | ConvertFrom-Json).Statement.Action | Should -Be 's3:DeleteObject'
        (Get-IdcPermissionSet -Name $name -Detail Policies).ManagedPolicies | Should -HaveCount 2
    }

    It 'creates a predefined set in one line, named after it, with its AWS managed policy' {
        $set = New-IdcPermissionSet -Predefined PowerUserAccess -Name (New-TestName -Prefix 'pu')

        $set.ManagedPolicies.Arn | Should -Be 'arn:aws:iam::aws:policy/PowerUserAccess'
        $set.SessionDuration | Should -BeExactly 'PT1H'
    }

    It 'takes the session duration as a TimeSpan too' {
        (New-IdcPermissionSet -Name (New-TestName) -SessionDuration 02:30:00).SessionDuration | Should -BeExactly 'PT2H30M'
    }

    It 'reads the inline policy from a file' {
        $path = Join-Path $TestDrive 'policy.json'
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}' | Set-Content -Path $path

        (New-IdcPermissionSet -Name (New-TestName) -InlinePolicyPath $path).InlinePolicy | Should -Match 's3:ListBucket'
    }

    It 'refuses <Case> before writing anything' -ForEach @(
        @{ Case = 'a name with a space'; Splat = @{ Name = 'has space' } }
        @{ Case = 'a 13-hour session'; Splat = @{ Name = 'x13'; SessionDuration = 'PT13H' } }
        @{ Case = 'a relay state that is not a URL'; Splat = @{ Name = 'xrelay'; RelayState = 'console' } }
        @{ Case = 'an inline policy without Statement'; Splat = @{ Name = 'xinline'; InlinePolicy = '{"Version":"2012-10-17"}' } }
        @{ Case = 'a misspelt managed policy'; Splat = @{ Name = 'xtypo'; ManagedPolicy = 'ReadOnlyAcess' } }
    ) {
        { New-IdcPermissionSet @Splat -ErrorAction Stop } | Should -Throw -ErrorId "IdcPermissionSetInvalid,$command"
        Get-IdcPermissionSet -Name $Splat.Name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses -<Parameter> <Arn> (an ARN) with what to give instead, before writing anything' -ForEach @(
        @{ Parameter = 'CustomerManagedPolicy'; Arn = 'arn:aws:iam::111122223333:policy/team/DataLakeRead'; Hint = "give '/team/DataLakeRead'" }
        @{ Parameter = 'CustomerManagedPermissionsBoundary'; Arn = 'arn:aws:iam::111122223333:policy/Boundary'; Hint = "give '/Boundary'" }
        @{ Parameter = 'CustomerManagedPolicy'; Arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess'; Hint = 'is an AWS managed policy; give it as a managed policy' }
    ) {
        $name = New-TestName -Prefix 'psarn'
        $splat = @{ Name = $name; $Parameter = $Arn }
        $err = $null

        New-IdcPermissionSet @splat -ErrorAction SilentlyContinue -ErrorVariable err

        $err[0].FullyQualifiedErrorId | Should -Be "IdcPermissionSetInvalid,$command"
        $err[0].Exception.Message | Should -BeLike "*$Hint*"
        $err[0].Exception.Message | Should -Not -BeLike '*has the path*'
        Get-IdcPermissionSet -Name $name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'suggests the AWS managed policy a typo meant' {
        $err = $null
        New-IdcPermissionSet -Name xsuggest -ManagedPolicy PowerUserAcces -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Match 'Did you mean PowerUserAccess'
    }

    It 'refuses a session duration that is not a duration at all' {
        { New-IdcPermissionSet -Name xbad -SessionDuration 'four hours' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
    }

    It 'refuses a bare number (<Value>) as the session duration, naming the forms it takes' -ForEach @(
        @{ Value = 4 }
        @{ Value = '4' }
    ) {
        $name = New-TestName -Prefix 'psnum'
        $err = $null

        try { New-IdcPermissionSet -Name $name -SessionDuration $Value -ErrorAction Stop } catch { $err = $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $err.Exception.Message | Should -BeLike '*bare number*PT4H*'
        Get-IdcPermissionSet -Name $name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates nothing with -WhatIf' {
        $name = New-TestName

        New-IdcPermissionSet -Name $name -ManagedPolicy ReadOnlyAccess -WhatIf

        Get-IdcPermissionSet -Name $name -Detail None -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
