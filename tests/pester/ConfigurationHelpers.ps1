# Shared by the *-IdcConfiguration.Tests.ps1 files: dot-source it after TestHelpers.ps1.

# The seeds' organization in moto, through the aws CLI: /Root/Workloads with prod and staging, /Root/Workloads/Dev
# with dev, and an account 'sandbox' directly under the root (outside every targeted OU).
function New-ConfigurationOrganization {
    param([Parameter(Mandatory)] $Moto)
    Set-TestAwsEnvironment
    $common = @('--endpoint-url', $Moto.Url, '--region', 'us-east-1', '--output', 'json')
    $null = aws organizations create-organization --feature-set ALL @common 2>$null
    $root = (aws organizations list-roots @common | ConvertFrom-Json).Roots[0].Id
    $workloads = (aws organizations create-organizational-unit --parent-id $root --name Workloads @common | ConvertFrom-Json).OrganizationalUnit.Id
    $dev = (aws organizations create-organizational-unit --parent-id $workloads --name Dev @common | ConvertFrom-Json).OrganizationalUnit.Id
    $accounts = @{}
    foreach ($account in @(@('prod', $workloads), @('staging', $workloads), @('dev', $dev), @('sandbox', $root))) {
        $id = (aws organizations create-account --email "$($account[0])@example.com" --account-name $account[0] @common | ConvertFrom-Json).CreateAccountStatus.AccountId
        if ($account[1] -ne $root) { $null = aws organizations move-account --account-id $id --source-parent-id $root --destination-parent-id $account[1] @common }
        $accounts[$account[0]] = $id
    }
    [pscustomobject]@{ RootId = $root; WorkloadsId = $workloads; DevId = $dev; Accounts = $accounts; Common = $common }
}

# Runs a script block with the module's call log on (-Debug stream) and returns the AWS operations it called.
function Get-IdcCall {
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [switch] $WritesOnly)
    $DebugPreference = 'Continue'
    $records = & $ScriptBlock 5>&1 4>$null 3>$null
    $DebugPreference = 'SilentlyContinue'
    $calls = foreach ($r in $records) {
        if ($r -is [System.Management.Automation.DebugRecord] -and $r.Message -match '^\S+ (\w+) -> \d+') { $Matches[1] }
    }
    if ($WritesOnly) { $calls = $calls | Where-Object { $_ -notmatch '^(Describe|Get|List|Is)' } }
    , @($calls)
}

# The example configuration shipped in examples/configuration.
$script:ExampleConfiguration = Join-Path (Join-Path (Join-Path $script:RepoRoot 'examples') 'configuration') 'access.psd1'
