<#
.SYNOPSIS
    Shows the module working with no AWS account: a local AWS emulator (moto_server) on a loopback port, an
    organization created in it, and the guide's runbook run against it twice (the second run changes nothing).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force

$moto = Get-Command moto_server -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $moto) { throw 'moto_server was not found on PATH. Install it with: pip install "moto[server]"' }
$listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$url = "http://127.0.0.1:$port"
$log = [System.IO.Path]::GetTempFileName()
$server = Start-Process -FilePath $moto.Source -ArgumentList @('-H', '127.0.0.1', '-p', $port) -PassThru `
    -RedirectStandardOutput $log -RedirectStandardError "$log.err"
try {
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try { $null = Invoke-WebRequest -Uri "$url/moto-api/data.json" -UseBasicParsing -TimeoutSec 2; break }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { throw "moto_server did not start on $url" }
            Start-Sleep -Milliseconds 200
        }
    }
    Write-Host "Local AWS emulator on $url (no real AWS account is used)."
    # Throwaway keys: requests are still signed, the emulator does not check them.
    $env:AWS_ACCESS_KEY_ID = 'AKIDDEMO'
    $env:AWS_SECRET_ACCESS_KEY = 'demo-secret'
    Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_PROFILE -ErrorAction SilentlyContinue

    # The emulator starts without an organization; the guide assumes one (its management account gets the access).
    $orgCli = Get-Command aws -CommandType Application -ErrorAction SilentlyContinue
    if (-not $orgCli) { throw 'The aws CLI is needed to create the demo organization (pip install awscli).' }
    $null = & $orgCli.Source organizations create-organization --feature-set ALL --endpoint-url $url --region us-east-1 --output json
    if ($LASTEXITCODE -ne 0) { throw 'Creating the demo organization failed.' }

    $runbook = Join-Path (Split-Path $PSScriptRoot -Parent) '01-first-administrator.ps1'
    Write-Host "`n=== First run: creates what is missing ===" -ForegroundColor Cyan
    $first = & $runbook -Region us-east-1 -EndpointUrl $url -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe
    Write-Host "`n=== Second run: everything exists, nothing is written ===" -ForegroundColor Cyan
    $second = & $runbook -Region us-east-1 -EndpointUrl $url -UserName alice -Email alice@example.com -GivenName Alice -FamilyName Doe
    Write-Host ("`nChanges: first run {0}, second run {1}." -f $first.Changes, $second.Changes) -ForegroundColor Green
}
finally {
    Disconnect-IdcInstance -ErrorAction SilentlyContinue
    Stop-Process -Id $server.Id -Force -ErrorAction SilentlyContinue
    Remove-Item $log, "$log.err" -ErrorAction SilentlyContinue
}
