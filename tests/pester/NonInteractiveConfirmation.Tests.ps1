# A runbook or CI job runs PowerShell non-interactively: a removal that asks first cannot ask there. Each such cmdlet
# says to add -Force, under one error id, and changes nothing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigurationHelpers.ps1')
    Import-IdcAdminUnderTest
    $manifest = (Get-Module IdcAdmin).Path -replace '\.dll$', '.psd1'
    # One non-interactive pwsh runs every removal without -Force against a sandbox seeded with the example's access,
    # and reports each error and what is left.
    $script:report = & (Get-PowerShellPath) -NoProfile -NonInteractive -Command @"
Import-Module '$manifest'
`$null = Connect-IdcInstance -Sandbox -SandboxOperationDelay 00:00:00.05 -SandboxConfigurationPath '$ExampleConfiguration'
`$commands = [ordered]@{
    'Remove-IdcUser'          = { Remove-IdcUser carol }
    'Remove-IdcGroup'         = { Remove-IdcGroup Developers }
    'Remove-IdcGroupMember'   = { Remove-IdcGroupMember -Group Developers -User bob }
    'Revoke-IdcAccountAccess' = { Revoke-IdcAccountAccess -Group Developers -PermissionSet LogReader -Account staging }
    'Remove-IdcPermissionSet' = { Remove-IdcPermissionSet ReadOnlyAccess -RemoveAssignments }
}
`$errors = foreach (`$name in `$commands.Keys) {
    `$err = @(& `$commands[`$name] 2>&1 | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })
    [pscustomobject]@{ Command = `$name; Errors = `$err.Count; Id = `$err[0].FullyQualifiedErrorId; Message = `$err[0].Exception.Message }
}
[pscustomobject]@{
    Errors = @(`$errors)
    Users = @((Get-IdcUser).UserName); Groups = @((Get-IdcGroup).DisplayName); Members = @((Get-IdcGroupMember Developers).UserName)
    PermissionSets = @((Get-IdcPermissionSet -Detail None).Name); Assignments = @(Get-IdcAccountAssignment -Group Developers).Count
} | ConvertTo-Json -Depth 4 -Compress
"@ | ConvertFrom-Json
}

Describe 'Removals in a non-interactive PowerShell' {
    It '<_> without -Force says to add -Force, under the IdcConfirmationUnavailable error id' -ForEach @(
        'Remove-IdcUser', 'Remove-IdcGroup', 'Remove-IdcGroupMember', 'Revoke-IdcAccountAccess', 'Remove-IdcPermissionSet'
    ) {
        $command = $_
        $result = $script:report.Errors | Where-Object { $_.Command -eq $command }

        $result.Errors | Should -Be 1
        $result.Id | Should -BeLike 'IdcConfirmationUnavailable,*'
        $result.Message | Should -BeLike '*non-interactively*-Force*'
    }

    It 'changes nothing' {
        $script:report.Users | Should -Contain 'carol'
        $script:report.Groups | Should -Contain 'Developers'
        $script:report.Members | Should -Contain 'bob'
        $script:report.PermissionSets | Should -Contain 'ReadOnlyAccess'
        $script:report.Assignments | Should -Be 3
    }
}
