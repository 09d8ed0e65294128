<#
.SYNOPSIS
    Builds, tests and packages the IdcAdmin module. Runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Build    publishes src/IdcAdmin into output/IdcAdmin/<version>/ with the manifest, format files, about help,
             the MAML help generated from the cmdlets' XML doc comments, and every dependency DLL.
    Test     Build, then `dotnet test IdcAdmin.sln` (starts moto_server itself), then the Pester 5 tests in
             tests/pester when Pester 5 is installed.
    Pester   only the Pester tests, against the module already in output/.
    Package  Build, then a .nupkg in output/ that Install-PSResource and Install-Module accept, published through a
             temporary local repository.
    Demo     Build, then, with no AWS account: start moto_server (a local AWS emulator) on a loopback port, create an
             organization in it, run the guide's runbook (examples/01-first-administrator.ps1) twice against it,
             print the summary and stop the emulator. Needs moto_server and the aws CLI on PATH.
    Needs only the .NET SDK (dotnet on PATH) and PowerShell.

.EXAMPLE
    ./build.ps1 -Task Build; Import-Module ./output/IdcAdmin
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
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

function Test-PesterAvailable {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' }
    [bool]$pester
}

# ---- tasks -----------------------------------------------------------------------------------------------------

function Invoke-BuildTask {
    $version = Get-ModuleVersion
    $moduleOut = Get-ModuleOutputPath
    $staging = Join-Path $OutputRoot 'publish'
    Reset-Directory $staging
    Reset-Directory $moduleOut

    Invoke-Dotnet @('publish', (Join-Path (Join-Path $RepoRoot 'src') $ModuleName), '-c', $Configuration, '-o', $staging, '--nologo')

    # Every DLL the module needs at run time; PowerShell brings its own System.Management.Automation.
    Get-ChildItem -LiteralPath $staging -Filter '*.dll' |
        Where-Object { $_.Name -ne 'System.Management.Automation.dll' } |
        Copy-Item -Destination $moduleOut

    $moduleSource = Join-Path $RepoRoot 'module'
    Copy-Item -LiteralPath (Join-Path $moduleSource "$ModuleName.psd1") -Destination $moduleOut
    Get-ChildItem -LiteralPath $moduleSource -Filter '*.Format.ps1xml' | Copy-Item -Destination $moduleOut
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
    foreach ($format in $manifest.FormatsToProcess) {
        if (-not (Test-Path -LiteralPath (Join-Path $moduleOut $format))) { throw "FormatsToProcess lists $format, which module/ does not have." }
    }
    Write-Host "Built $ModuleName $version in $moduleOut" -ForegroundColor Green
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Dotnet @('test', (Join-Path $RepoRoot "$ModuleName.sln"), '-c', $Configuration, '--nologo')
    if (-not (Test-PesterAvailable)) {
        Write-Warning 'Pester 5 is not installed, so the Pester tests in tests/pester did not run. Install it with: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser'
        return
    }
    # A child process, so this session never loads (and, on Windows, locks) the module it builds.
    $shell = (Get-Process -Id $PID).Path
    & $shell -NoProfile -ExecutionPolicy Bypass -File $PSCommandPath -Task Pester -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { throw "The Pester tests failed (exit code $LASTEXITCODE)." }
}

function Invoke-PesterTask {
    if (-not (Test-PesterAvailable)) { throw 'Pester 5 is not installed. Install it with: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser' }
    if (-not (Test-Path -LiteralPath (Join-Path (Get-ModuleOutputPath) "$ModuleName.psd1"))) { throw 'The module is not built. Run: ./build.ps1 -Task Build' }
    Import-Module Pester -MinimumVersion 5.0 -ErrorAction Stop
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path (Join-Path $RepoRoot 'tests') 'pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.Result -ne 'Passed') {
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
    $shell = (Get-Process -Id $PID).Path
    & $shell -NoProfile -ExecutionPolicy Bypass -File $demo -ModuleManifest $manifest
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
