<#
.SYNOPSIS
    Compliance checks of account access, as Pester tests: run them in a pipeline to catch drift.
.EXAMPLE
    Connect-IdcInstance -ProfileName audit -Region eu-west-1; Invoke-Pester ./04-access-rules.Tests.ps1
.EXAMPLE
    $data = @{ RulesPath = './access-rules.psd1'; ProfileName = 'audit'; Region = 'eu-west-1' }
    Invoke-Pester -Container (New-PesterContainer -Path ./04-access-rules.Tests.ps1 -Data $data)
#>
param(
    [string] $RulesPath = (Join-Path $PSScriptRoot 'access-rules.psd1'),
    [string] $ProfileName,
    [string] $Region,
    [string] $EndpointUrl
)

BeforeDiscovery {
    # -ForEach data must exist when Pester discovers the tests.
    $rules = Import-PowerShellDataFile -LiteralPath $RulesPath
}

BeforeAll {
    if ($ProfileName -or $Region -or $EndpointUrl) {
        $connect = @{}
        if ($ProfileName) { $connect.ProfileName = $ProfileName }
        if ($Region) { $connect.Region = $Region }
        if ($EndpointUrl) { $connect.EndpointUrl = $EndpointUrl }
        $null = Connect-IdcInstance @connect
    }
}

Describe 'Account access rules' {
    It '<Group> has <PermissionSet> on <Account>' -ForEach $rules.Allowed {
        Test-IdcAccountAccess -Group $Group -PermissionSet $PermissionSet -Account $Account | Should -BeTrue
    }

    It '<Group> does not have <PermissionSet> on <Account>' -ForEach $rules.Denied {
        Test-IdcAccountAccess -Group $Group -PermissionSet $PermissionSet -Account $Account | Should -BeFalse
    }
}
