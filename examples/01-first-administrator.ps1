<#
.SYNOPSIS
    The AWS guide "Create an administrative user in IAM Identity Center", as a runbook that is safe to re-run.
.DESCRIPTION
    Connects to Identity Center, then creates (or reuses) the administrator, an Admins group with the administrator in
    it, the AdministratorAccess permission set (1 hour sessions), and assigns it on the organization's management
    account, waiting until AWS has finished. Prints the summary and the steps only a person can do.
    Run it with -WhatIf first to see every step without changing anything.
.EXAMPLE
    ./01-first-administrator.ps1 -ProfileName management -Region eu-west-1 -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe
.EXAMPLE
    Connect-IdcInstance -Sandbox; ./01-first-administrator.ps1 -UseCurrentConnection -UserName alice -Email alice@example.com
    Runs against the connection already made in this session (here an in-process sandbox) instead of connecting.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ProfileName,
    [string] $Region,
    [string] $EndpointUrl,
    # Keep the session's current connection (for example Connect-IdcInstance -Sandbox) instead of connecting.
    [switch] $UseCurrentConnection,
    [string] $UserName = 'admin',
    [string] $Email = 'admin@example.com',
    [string] $GivenName = 'Ada',
    [string] $FamilyName = 'Admin',
    [string] $GroupName = 'Admins',
    [string[]] $AccountId
)
$ErrorActionPreference = 'Stop'

# Step 1: find the Identity Center instance (and the access portal URL).
$connect = @{}
if ($ProfileName) { $connect.ProfileName = $ProfileName }
if ($Region) { $connect.Region = $Region }
if ($EndpointUrl) { $connect.EndpointUrl = $EndpointUrl }
$instance = if ($UseCurrentConnection) { Get-IdcInstance } else { Connect-IdcInstance @connect }
Write-Host "Identity Center instance $($instance.InstanceArn)"
Write-Host "Access portal $($instance.AccessPortalUrl)"

# Steps 2-5: user, group, membership, permission set, assignment - each created only if missing.
$setup = @{
    UserName       = $UserName
    Email          = $Email
    GivenName      = $GivenName
    FamilyName     = $FamilyName
    GroupName      = $GroupName
    SessionDuration = [TimeSpan]::FromHours(1)
    WhatIf         = $WhatIfPreference
}
if ($AccountId) { $setup.AccountId = $AccountId }
$result = Initialize-IdcAdministrator @setup

$result | Format-List UserName, UserId, GroupName, GroupId, PermissionSetName, PermissionSetArn, AccessPortalUrl, Changes | Out-Host
# The default views wrap long names within an 80-column console instead of cutting them off.
$result.Steps | Out-Host
$result.Assignments | Format-Table AccountId, PermissionSetName, PrincipalType, PrincipalName, Status -AutoSize | Out-Host

# Step 6: what the API cannot do.
Write-Host 'Left for you to do:'
$result.ManualSteps | Format-List Step, Where | Out-Host
$result
