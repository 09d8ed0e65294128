<#
.SYNOPSIS
    Shows the module working with no AWS account and nothing but .NET and PowerShell: an in-process Identity Center
    sandbox (Connect-IdcInstance -Sandbox) with a small organization, and the guide's runbook run against it twice
    (the second run changes nothing).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force

$watch = [System.Diagnostics.Stopwatch]::StartNew()
try {
    # A fixed seed gives the same ids and account numbers on every run; assignments stay IN_PROGRESS for a second, as in AWS.
    $instance = Connect-IdcInstance -Sandbox -SandboxSeed 2024
    Write-Host "In-process Identity Center sandbox $($instance.InstanceArn) (no AWS account, no network)."
    Get-IdcAccount | Format-Table AccountId, Name, OrganizationalUnitPath -AutoSize | Out-Host

    $runbook = Join-Path (Split-Path $PSScriptRoot -Parent) '01-first-administrator.ps1'
    $admin = @{ UseCurrentConnection = $true; UserName = 'alice'; Email = 'alice@example.com'; GivenName = 'Alice'; FamilyName = 'Doe' }
    Write-Host "`n=== First run: creates what is missing ===" -ForegroundColor Cyan
    $first = & $runbook @admin
    Write-Host "`n=== Second run: everything exists, nothing is written ===" -ForegroundColor Cyan
    $second = & $runbook @admin
    Write-Host ("`nChanges: first run {0}, second run {1}. ({2:0.0} s)" -f $first.Changes, $second.Changes, $watch.Elapsed.TotalSeconds) -ForegroundColor Green
}
finally {
    Disconnect-IdcInstance -ErrorAction SilentlyContinue
}
