<#
.SYNOPSIS
    Onboards people from a CSV into users and groups (safe to re-run).
.DESCRIPTION
    Every column named like a New-IdcUser parameter (UserName, Email, GivenName, FamilyName, Title, ...) binds by
    itself; the Group column names the group each person joins. Groups are created when missing. People already
    there with the same attributes are returned unchanged; a person whose attributes differ is reported and skipped
    (use Set-IdcUser for changes).
.EXAMPLE
    ./03-onboard-from-csv.ps1 -Path ./people.csv -ProfileName management -Region eu-west-1
.EXAMPLE
    Connect-IdcInstance -Sandbox; ./03-onboard-from-csv.ps1 -UseCurrentConnection
    Runs against the connection already made in this session (here an in-process sandbox) instead of connecting.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'people.csv'),
    [string] $ProfileName,
    [string] $Region,
    [string] $EndpointUrl,
    # Keep the session's current connection (for example Connect-IdcInstance -Sandbox) instead of connecting.
    [switch] $UseCurrentConnection
)
$ErrorActionPreference = 'Stop'

$connect = @{}
if ($ProfileName) { $connect.ProfileName = $ProfileName }
if ($Region) { $connect.Region = $Region }
if ($EndpointUrl) { $connect.EndpointUrl = $EndpointUrl }
if (-not $UseCurrentConnection) { $null = Connect-IdcInstance @connect }

$people = Import-Csv -LiteralPath $Path
foreach ($groupName in ($people.Group | Where-Object { $_ } | Sort-Object -Unique)) {
    $null = New-IdcGroup -DisplayName $groupName -WarningAction SilentlyContinue
}

# Per-person errors (bad email, clashing attributes) are reported and the others go on.
$users = $people | New-IdcUser -WarningAction SilentlyContinue -ErrorAction Continue
foreach ($person in $people | Where-Object Group) {
    Add-IdcGroupMember -Group $person.Group -User $person.UserName -ErrorAction Continue
}
$users
