<#
.SYNOPSIS
    An administrators group with AdministratorAccess on the production and staging accounts (safe to re-run).
.DESCRIPTION
    Creates (or reuses) the group and its members, the predefined AdministratorAccess permission set, and assigns
    the group the set on every account whose name matches -AccountName, waiting until AWS has finished.
    Run with -WhatIf first to see what it would change.
.EXAMPLE
    ./02-admin-group-prod-staging.ps1 -ProfileName management -Region eu-west-1 -Member alice, bob
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ProfileName,
    [string] $Region,
    [string] $EndpointUrl,
    # Keep the session's current connection (for example Connect-IdcInstance -Sandbox) instead of connecting.
    [switch] $UseCurrentConnection,
    [string] $GroupName = 'PlatformAdmins',
    [string[]] $Member = @(),
    [string[]] $AccountName = @('prod', 'staging'),
    [string] $SessionDuration = 'PT4H'
)
$ErrorActionPreference = 'Stop'

$connect = @{}
if ($ProfileName) { $connect.ProfileName = $ProfileName }
if ($Region) { $connect.Region = $Region }
if ($EndpointUrl) { $connect.EndpointUrl = $EndpointUrl }
if (-not $UseCurrentConnection) { $null = Connect-IdcInstance @connect }

# New-* return what already exists when it matches, so re-running changes nothing.
$group = New-IdcGroup -DisplayName $GroupName -Description 'Administrators of production and staging' -WarningAction SilentlyContinue
# Under -WhatIf nothing is created, so the steps that need the new group or set can only be described.
if ($Member -and $group) { Add-IdcGroupMember -Group $GroupName -User $Member }
# An AdministratorAccess set that exists is used as it is (01-first-administrator.ps1 makes one with 1-hour sessions,
# which New-IdcPermissionSet would refuse as "exists and differs"); otherwise it is made.
$permissionSet = Get-IdcPermissionSet -Name AdministratorAccess -Detail None -ErrorAction SilentlyContinue
if (-not $permissionSet) {
    $permissionSet = New-IdcPermissionSet -Predefined AdministratorAccess -SessionDuration $SessionDuration -WarningAction SilentlyContinue
}

$accounts = foreach ($name in $AccountName) { Get-IdcAccount -Name $name }
if (-not $accounts) { throw "No account matches $($AccountName -join ', ')." }
if (-not ($group -and $permissionSet)) {
    Write-Host "What if: grant $GroupName AdministratorAccess on $($accounts.Name -join ', ') once the group and permission set exist."
    return
}
# One call for all accounts: the assignments run concurrently within AWS's limits, with progress.
$accounts | Grant-IdcAccountAccess -Group $GroupName -PermissionSet $permissionSet.Name
