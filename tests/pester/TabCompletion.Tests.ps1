# Every parameter that takes the name of something that exists (user, group, permission set, account, OU, managed
# policy, AWS profile) completes it at the prompt, as TabExpansion2 (what the console's Tab calls) sees it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:org = New-TestOrganization -Moto $script:moto -AccountCount 1
    $common = @('--endpoint-url', $script:moto.Url, '--region', 'us-east-1', '--output', 'json')
    $script:ouName = New-TestName -Prefix 'tabou'
    $null = aws organizations create-organizational-unit --parent-id $script:org.RootId --name $script:ouName @common
    $script:userName = New-TestName -Prefix 'tabusr'
    $null = New-IdcUser -UserName $script:userName -GivenName Tab -FamilyName User -WarningAction SilentlyContinue
    $script:groupName = New-TestName -Prefix 'tabgrp'
    $null = New-IdcGroup $script:groupName
    $script:psName = New-TestName -Prefix 'tabps'
    $null = New-IdcPermissionSet -Name $script:psName -ManagedPolicy ReadOnlyAccess
    $script:account = $script:org.Accounts[0]
    $script:profileName = New-TestName -Prefix 'tabprofile'
    $script:credentialsFile = [System.IO.Path]::GetTempFileName()
    Set-Content -LiteralPath $script:credentialsFile -Value "[$($script:profileName)]`naws_access_key_id = AKIDTAB`naws_secret_access_key = tab-secret"
    $script:savedCredentialsFile = $env:AWS_SHARED_CREDENTIALS_FILE
    $env:AWS_SHARED_CREDENTIALS_FILE = $script:credentialsFile

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })
    }
}

AfterAll {
    $env:AWS_SHARED_CREDENTIALS_FILE = $script:savedCredentialsFile
    if ($script:credentialsFile) { Remove-Item -LiteralPath $script:credentialsFile -Force -ErrorAction SilentlyContinue }
    Stop-TestSession $script:moto
}

Describe 'Tab completion of names' {
    It 'completes user names for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Grant-IdcAccountAccess'; Parameter = 'User' }
        @{ Command = 'Revoke-IdcAccountAccess'; Parameter = 'User' }
        @{ Command = 'Test-IdcAccountAccess'; Parameter = 'User' }
        @{ Command = 'Get-IdcAccountAssignment'; Parameter = 'User' }
        @{ Command = 'Add-IdcGroupMember'; Parameter = 'User' }
        @{ Command = 'Remove-IdcGroupMember'; Parameter = 'User' }
        @{ Command = 'Get-IdcGroupMembership'; Parameter = 'User' }
        @{ Command = 'Get-IdcEffectiveAccess'; Parameter = 'User' }
        @{ Command = 'Get-IdcUser'; Parameter = 'UserName' }
        @{ Command = 'Set-IdcUser'; Parameter = 'UserName' }
        @{ Command = 'Remove-IdcUser'; Parameter = 'UserName' }
        @{ Command = 'Initialize-IdcAdministrator'; Parameter = 'UserName' }
    ) {
        Get-Completion "$Command -$Parameter $($script:userName.Substring(0, 9))" | Should -Contain $script:userName
    }

    It 'completes group names for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Grant-IdcAccountAccess'; Parameter = 'Group' }
        @{ Command = 'Revoke-IdcAccountAccess'; Parameter = 'Group' }
        @{ Command = 'Test-IdcAccountAccess'; Parameter = 'Group' }
        @{ Command = 'Get-IdcAccountAssignment'; Parameter = 'Group' }
        @{ Command = 'Add-IdcGroupMember'; Parameter = 'Group' }
        @{ Command = 'Remove-IdcGroupMember'; Parameter = 'Group' }
        @{ Command = 'Get-IdcGroupMember'; Parameter = 'Group' }
        @{ Command = 'Get-IdcGroup'; Parameter = 'DisplayName' }
        @{ Command = 'Set-IdcGroup'; Parameter = 'DisplayName' }
        @{ Command = 'Remove-IdcGroup'; Parameter = 'DisplayName' }
        @{ Command = 'Initialize-IdcAdministrator'; Parameter = 'GroupName' }
    ) {
        Get-Completion "$Command -$Parameter $($script:groupName.Substring(0, 9))" | Should -Contain $script:groupName
    }

    It 'completes permission set names for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Grant-IdcAccountAccess'; Parameter = 'PermissionSet' }
        @{ Command = 'Revoke-IdcAccountAccess'; Parameter = 'PermissionSet' }
        @{ Command = 'Test-IdcAccountAccess'; Parameter = 'PermissionSet' }
        @{ Command = 'Get-IdcAccountAssignment'; Parameter = 'PermissionSet' }
        @{ Command = 'Get-IdcPermissionSet'; Parameter = 'Name' }
        @{ Command = 'Set-IdcPermissionSet'; Parameter = 'PermissionSet' }
        @{ Command = 'Remove-IdcPermissionSet'; Parameter = 'PermissionSet' }
        @{ Command = 'Deploy-IdcPermissionSet'; Parameter = 'PermissionSet' }
        @{ Command = 'Get-IdcPermissionSetProvisioning'; Parameter = 'PermissionSet' }
        @{ Command = 'Initialize-IdcAdministrator'; Parameter = 'PermissionSetName' }
    ) {
        Get-Completion "$Command -$Parameter $($script:psName.Substring(0, 8))" | Should -Contain $script:psName
    }

    It 'completes a permission set made outside the session after the names were listed' {
        $null = Get-Completion "Grant-IdcAccountAccess -PermissionSet $($script:psName.Substring(0, 8))"
        $outside = New-TestName -Prefix 'tabcli'
        $null = aws sso-admin create-permission-set --instance-arn (Get-IdcInstance).InstanceArn --name $outside --session-duration PT1H `
            --endpoint-url $script:moto.Url --region us-east-1 --output json

        Get-Completion "Grant-IdcAccountAccess -PermissionSet $($outside.Substring(0, 10))" | Should -Contain $outside
    }

    It 'completes account names for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Grant-IdcAccountAccess'; Parameter = 'Account' }
        @{ Command = 'Revoke-IdcAccountAccess'; Parameter = 'Account' }
        @{ Command = 'Test-IdcAccountAccess'; Parameter = 'Account' }
        @{ Command = 'Get-IdcAccountAssignment'; Parameter = 'Account' }
        @{ Command = 'Get-IdcAccount'; Parameter = 'Name' }
    ) {
        Get-Completion "$Command -$Parameter $($script:account.Name.Substring(0, 7))" | Should -Contain $script:account.Name
    }

    It 'completes an account made outside the session after the organization was read' {
        $null = Get-Completion "Grant-IdcAccountAccess -Account $($script:account.Name.Substring(0, 7))"
        $outside = New-TestName -Prefix 'tabacct'
        $null = aws organizations create-account --email "$outside@example.com" --account-name $outside `
            --endpoint-url $script:moto.Url --region us-east-1 --output json

        Get-Completion "Grant-IdcAccountAccess -Account $($outside.Substring(0, 11))" | Should -Contain $outside
    }

    It 'completes account ids, found by name, for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Deploy-IdcPermissionSet'; Parameter = 'AccountId' }
        @{ Command = 'Get-IdcPermissionSetProvisioning'; Parameter = 'AccountId' }
        @{ Command = 'Initialize-IdcAdministrator'; Parameter = 'AccountId' }
    ) {
        Get-Completion "$Command -$Parameter $($script:account.Name.Substring(0, 7))" | Should -Contain $script:account.Id
        Get-Completion "$Command -$Parameter $($script:account.Id.Substring(0, 6))" | Should -Contain $script:account.Id
    }

    It 'completes OU paths for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Get-IdcAccount'; Parameter = 'OrganizationalUnit' }
        @{ Command = 'Get-IdcOrganizationalUnit'; Parameter = 'OrganizationalUnit' }
    ) {
        Get-Completion "$Command -$Parameter /Root/$($script:ouName.Substring(0, 7))" | Should -Contain "/Root/$($script:ouName)"
    }

    It 'completes OU names for Get-IdcOrganizationalUnit -Name' {
        Get-Completion "Get-IdcOrganizationalUnit -Name $($script:ouName.Substring(0, 7))" | Should -Contain $script:ouName
    }

    It 'completes AWS managed policy names for <Command> -<Parameter>' -ForEach @(
        @{ Command = 'New-IdcPermissionSet'; Parameter = 'ManagedPolicy' }
        @{ Command = 'New-IdcPermissionSet'; Parameter = 'PermissionsBoundary' }
        @{ Command = 'Set-IdcPermissionSet'; Parameter = 'ManagedPolicy' }
        @{ Command = 'Set-IdcPermissionSet'; Parameter = 'PermissionsBoundary' }
    ) {
        Get-Completion "$Command -$Parameter AdministratorAcc" | Should -Contain 'AdministratorAccess'
    }

    It 'completes AWS profile names for <Command> -ProfileName' -ForEach @(
        @{ Command = 'Connect-IdcInstance' }
        @{ Command = 'Initialize-IdcAdministrator' }
    ) {
        Get-Completion "$Command -ProfileName $($script:profileName.Substring(0, 10))" | Should -Contain $script:profileName
    }
}
