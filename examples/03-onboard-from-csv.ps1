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
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'people.csv'),
    [string] $ProfileName,
    [string] $Region,
    [string] $EndpointUrl
)
$ErrorActionPreference = 'Stop'

$connect = @{}
if ($ProfileName) { $connect.ProfileName = $ProfileName }
if ($Region) { $connect.Region = $Region }
if ($EndpointUrl) { $connect.EndpointUrl = $EndpointUrl }
$null = Connect-IdcInstance @connect

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
