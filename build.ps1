<#
.SYNOPSIS
    Builds, tests and packages the IdcAdmin module. Runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Build    publishes src/IdcAdmin into output/IdcAdmin/<version>/ with the manifest, format files, about help,
             the MAML help generated from the cmdlets' XML doc comments, and every dependency DLL (in dependencies/).
    Test     Build, then `dotnet test IdcAdmin.sln` (starts moto_server itself), then the Pester 5 tests in
             tests/pester when Pester 5 is installed.
    Pester   only the Pester tests, against the module already in output/.
    Package  Build, then a .nupkg in output/ that Install-PSResource and Install-Module accept, published through a
             temporary local repository.
    Demo     Build, then, with no AWS account: connect to an in-process Identity Center sandbox
             (Connect-IdcInstance -Sandbox) holding a small organization, run the guide's runbook
             (examples/01-first-administrator.ps1) twice against it and print the summary. Needs nothing else.
    Needs only the .NET SDK (dotnet on PATH) and PowerShell.

.EXAMPLE
    ./build.ps1 -Task Build; Import-Module ./output/IdcAdmin
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester only: the test files or folders to run instead of the whole of tests/pester.
    [string[]] $TestPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ModuleName = 'IdcAdmin'
$RepoRoot = $PSScriptRoot
$OutputRoot = Join-Path $RepoRoot 'output'

# ---- helpers ---------------------------------------------------------------------------------------------------

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props') -Raw)
    $node = $props.SelectSingleNode('/Project/PropertyGroup/Version')
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) { throw 'Directory.Build.props has no <Version>.' }
    $node.InnerText.Trim()
}

function Get-ModuleOutputPath {
    Join-Path (Join-Path $OutputRoot $ModuleName) (Get-ModuleVersion)
}

function Reset-Directory {
    param([Parameter(Mandatory)] [string] $Path)
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $Path -Force
}

$PesterVersion = '5.9.1'

. (Join-Path (Join-Path $RepoRoot 'tools') 'Get-PowerShellPath.ps1')

# Pester, pinned, from the configured NuGet source: a restore of tools/pester places the package in the NuGet
# packages folder, and its module files (under tools/) are imported by path. No registry is named here.
function Import-PinnedPester {
    $project = Join-Path (Join-Path (Join-Path $RepoRoot 'tools') 'pester') 'Pester.Restore.csproj'
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path (Join-Path (Join-Path (Join-Path $packages.Trim() 'pester') $PesterVersion) 'tools') 'Pester.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { Invoke-Dotnet @('restore', $project, '--nologo') }
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The restore of Pester $PesterVersion did not produce $manifest." }
    Import-Module -Name $manifest -Force -ErrorAction Stop
}

# ---- tasks -----------------------------------------------------------------------------------------------------

function Invoke-BuildTask {
    $version = Get-ModuleVersion
    $moduleOut = Get-ModuleOutputPath
    $staging = Join-Path $OutputRoot 'publish'
    Reset-Directory $staging
    Reset-Directory $moduleOut

    Invoke-Dotnet @('publish', (Join-Path (Join-Path $RepoRoot 'src') $ModuleName), '-c', $Configuration, '-o', $staging, '--nologo')

    # The cmdlet assembly in the module folder; the engine and every library it uses in dependencies/, which PowerShell
    # does not probe: the module loads them privately, so another module's copies (AWS.Tools' AWSSDK.Core) never clash.
    # PowerShell brings its own System.Management.Automation.
    Copy-Item -LiteralPath (Join-Path $staging "$ModuleName.dll") -Destination $moduleOut
    $dependencies = Join-Path $moduleOut 'dependencies'
    $null = New-Item -ItemType Directory -Path $dependencies -Force
    Get-ChildItem -LiteralPath $staging -Filter '*.dll' |
        Where-Object { $_.Name -notin @("$ModuleName.dll", 'System.Management.Automation.dll') } |
        Copy-Item -Destination $dependencies

    $moduleSource = Join-Path $RepoRoot 'module'
    Copy-Item -LiteralPath (Join-Path $moduleSource "$ModuleName.psd1") -Destination $moduleOut
    Copy-Item -LiteralPath (Join-Path $moduleSource "$ModuleName.Loader.ps1") -Destination $moduleOut
    Get-ChildItem -LiteralPath $moduleSource -Filter '*.ps1xml' | Copy-Item -Destination $moduleOut
    $helpOut = Join-Path $moduleOut 'en-US'
    $null = New-Item -ItemType Directory -Path $helpOut -Force
    Copy-Item -Path (Join-Path (Join-Path $moduleSource 'en-US') '*') -Destination $helpOut

    # MAML help from the XML doc comments that sit next to the published assembly.
    $helpGen = Join-Path (Join-Path $RepoRoot 'tools') "$ModuleName.HelpGen"
    Invoke-Dotnet @('run', '--project', $helpGen, '-c', $Configuration, '--',
        (Join-Path $staging "$ModuleName.dll"), (Join-Path $helpOut "$ModuleName.dll-Help.xml"), "about_$ModuleName")

    # The manifest must describe what was built.
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $moduleOut "$ModuleName.psd1")
    if ($manifest.ModuleVersion -ne $version) {
        throw "module/$ModuleName.psd1 has ModuleVersion $($manifest.ModuleVersion) but Directory.Build.props has $version."
    }
    foreach ($key in 'FormatsToProcess', 'TypesToProcess') {
        foreach ($file in $manifest[$key]) {
            if (-not (Test-Path -LiteralPath (Join-Path $moduleOut $file))) { throw "$key lists $file, which module/ does not have." }
        }
    }
    Write-Host "Built $ModuleName $version in $moduleOut" -ForegroundColor Green
}

function Invoke-TestTask {
    Invoke-BuildTask
    $results = Join-Path $OutputRoot 'test-results'
    Reset-Directory $results
    # xunit's results go to a TRX file per project so the closing line can count them; a failure still runs Pester.
    & dotnet test (Join-Path $RepoRoot "$ModuleName.sln") -c $Configuration --nologo --logger 'trx' --results-directory $results
    $xunitExit = $LASTEXITCODE
    $xunit = Get-XunitCounts $results
    # A child process, so this session never loads (and, on Windows, locks) the module it builds.
    & (Get-PowerShellPath) -NoProfile -ExecutionPolicy Bypass -File $PSCommandPath -Task Pester -Configuration $Configuration
    $pesterExit = $LASTEXITCODE
    $pester = Get-Content -LiteralPath (Join-Path $results 'pester-counts.json') -Raw -ErrorAction SilentlyContinue | ConvertFrom-Json
    if ($null -eq $pester) { $pester = [pscustomobject]@{ Passed = 0; Failed = 0 } }
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "$($xunit.Passed + $pester.Passed) passed, $($xunit.Failed + $pester.Failed) failed"
    if ($xunitExit -ne 0 -or $xunit.Passed -eq 0) { throw "dotnet test failed (exit code $xunitExit)." }
    if ($pesterExit -ne 0 -or $pester.Passed -eq 0) { throw "The Pester tests failed (exit code $pesterExit)." }
}

function Get-XunitCounts {
    param([Parameter(Mandatory)] [string] $Directory)
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem -LiteralPath $Directory -Filter '*.trx' -Recurse) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-PesterTask {
    if (-not (Test-Path -LiteralPath (Join-Path (Get-ModuleOutputPath) "$ModuleName.psd1"))) { throw 'The module is not built. Run: ./build.ps1 -Task Build' }
    Import-PinnedPester
    $config = New-PesterConfiguration
    $config.Run.Path = if ($TestPath) { @($TestPath -split ",") } else { Join-Path (Join-Path $RepoRoot 'tests') 'pester' }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    $results = Join-Path $OutputRoot 'test-results'
    $null = New-Item -ItemType Directory -Path $results -Force
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
        ConvertTo-Json | Set-Content -LiteralPath (Join-Path $results 'pester-counts.json')
    if ($result.Result -ne 'Passed' -or $result.PassedCount -eq 0) {
        throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed ($($result.Result))."
    }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    # Publishing tools want the folder named after the module.
    $packageRoot = Join-Path $OutputRoot 'package'
    $moduleCopy = Join-Path $packageRoot $ModuleName
    $repository = Join-Path $OutputRoot 'repository'
    Reset-Directory $moduleCopy
    Reset-Directory $repository
    Copy-Item -Path (Join-Path (Get-ModuleOutputPath) '*') -Destination $moduleCopy -Recurse

    $repositoryName = "$ModuleName-local-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        Register-PSResourceRepository -Name $repositoryName -Uri $repository -Trusted
        try { Publish-PSResource -Path $moduleCopy -Repository $repositoryName }
        finally { Unregister-PSResourceRepository -Name $repositoryName }
    }
    elseif (Get-Command Publish-Module -ErrorAction SilentlyContinue) {
        Register-PSRepository -Name $repositoryName -SourceLocation $repository -PublishLocation $repository -InstallationPolicy Trusted
        try { Publish-Module -Path $moduleCopy -Repository $repositoryName -NuGetApiKey 'local' }
        finally { Unregister-PSRepository -Name $repositoryName }
    }
    else {
        throw 'Neither Publish-PSResource (Microsoft.PowerShell.PSResourceGet) nor Publish-Module (PowerShellGet) is available.'
    }

    $package = Get-ChildItem -LiteralPath $repository -Filter '*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publishing wrote no .nupkg to $repository." }
    $destination = Join-Path $OutputRoot $package.Name
    Copy-Item -LiteralPath $package.FullName -Destination $destination -Force
    Write-Host "Packaged $destination" -ForegroundColor Green
    Write-Host "Install it with: Register-PSResourceRepository -Name local -Uri '$OutputRoot' -Trusted; Install-PSResource $ModuleName -Repository local"
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $manifest = Join-Path (Get-ModuleOutputPath) "$ModuleName.psd1"
    $demo = Join-Path (Join-Path (Join-Path $RepoRoot 'examples') 'demo') 'Invoke-IdcAdminDemo.ps1'
    # A child process, so the demo's module import and environment variables stay out of this session.
    & (Get-PowerShellPath) -NoProfile -ExecutionPolicy Bypass -File $demo -ModuleManifest $manifest
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

# ---- dispatch: one function per task -----------------------------------------------------------------------------

foreach ($name in $Task) {
    switch ($name) {
        'Build'   { Invoke-BuildTask }
        'Test'    { Invoke-TestTask }
        'Pester'  { Invoke-PesterTask }
        'Package' { Invoke-PackageTask }
        'Demo'    { Invoke-DemoTask }
    }
}
