# IdcAdmin next to a module that, like AWS.Tools.Common, loads its own AWSSDK.Core through RequiredAssemblies.
# Each case runs in a new PowerShell process, because one process can load a given AWSSDK.Core into PowerShell's
# default load context only once.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $idcAdmin = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
    $moto = Start-MotoServer
    Set-TestAwsEnvironment

    # The other AWSSDK.Core builds, restored through the configured NuGet source.
    $restore = Join-Path (Join-Path $PSScriptRoot 'AwsToolsStandIn') 'AwsToolsStandIn.Restore.csproj'
    $null = & dotnet restore $restore --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore $restore failed." }
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()

    # A module folder holding one AWSSDK.Core build and a manifest that lists it in RequiredAssemblies.
    function New-StandInModule {
        param([string] $SdkVersion)
        $framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'net8.0' } elseif ($SdkVersion -like '3.*') { 'net45' } else { 'net472' }
        $sdk = Join-Path (Join-Path (Join-Path (Join-Path (Join-Path $packages 'awssdk.core') $SdkVersion) 'lib') $framework) 'AWSSDK.Core.dll'
        if (-not (Test-Path -LiteralPath $sdk)) { throw "The restore did not produce $sdk." }
        $folder = Join-Path $TestDrive "AwsStandIn-$SdkVersion"
        $null = New-Item -ItemType Directory -Path $folder -Force
        Copy-Item -LiteralPath $sdk -Destination $folder
        Set-Content -LiteralPath (Join-Path $folder 'AwsStandIn.psm1') -Value @'
function Get-StandInSdk { [Amazon.Runtime.AWSCredentials].Assembly }
function Get-StandInAccessKey { [Amazon.Runtime.BasicAWSCredentials]::new('AKIDSTANDIN', 'stand-in-secret').GetCredentials().AccessKey }
'@
        New-ModuleManifest -Path (Join-Path $folder 'AwsStandIn.psd1') -RootModule 'AwsStandIn.psm1' `
            -RequiredAssemblies 'AWSSDK.Core.dll' -FunctionsToExport 'Get-StandInSdk', 'Get-StandInAccessKey'
        Join-Path $folder 'AwsStandIn.psd1'
    }

    # Imports both modules in the given order in a new process, uses the stand-in, then IdcAdmin against moto.
    $session = Join-Path $TestDrive 'SideBySide.ps1'
    Set-Content -LiteralPath $session -Value @'
param([string] $IdcAdmin, [string] $StandIn, [string] $First, [string] $MotoUrl, [string] $UserName)
$ErrorActionPreference = 'Stop'
if ($First -eq 'StandIn') { Import-Module $StandIn; Import-Module $IdcAdmin } else { Import-Module $IdcAdmin; Import-Module $StandIn }
$null = Connect-IdcInstance -Region us-east-1 -EndpointUrl $MotoUrl
$null = New-IdcUser -UserName $UserName -Email "$UserName@example.com" -GivenName Side -FamilyName ByeSide -WarningAction SilentlyContinue
$sdk = Get-StandInSdk
[pscustomobject]@{
    Users          = @(Get-IdcUser | ForEach-Object UserName)
    StandInKey     = Get-StandInAccessKey
    StandInVersion = $sdk.GetName().Version.ToString()
    StandInFile    = $sdk.Location
    SdkFiles       = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object Location)
} | ConvertTo-Json -Compress
'@

    function Invoke-SideBySide {
        param([string] $SdkVersion, [string] $First)
        $standIn = New-StandInModule -SdkVersion $SdkVersion
        $userName = New-TestName -Prefix 'side'
        $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -File $session -IdcAdmin $idcAdmin -StandIn $standIn `
            -First $First -MotoUrl $moto.Url -UserName $userName 2>&1 | ForEach-Object { "$_" }
        $json = $output | Where-Object { $_ -like '{*' } | Select-Object -Last 1
        if (-not $json) { throw "The session with AWSSDK.Core $SdkVersion ($First first) failed:`n$($output -join "`n")" }
        $result = $json | ConvertFrom-Json
        $result | Add-Member -NotePropertyName UserName -NotePropertyValue $userName
        $result | Add-Member -NotePropertyName StandInFolder -NotePropertyValue (Split-Path $standIn)
        $result
    }

    # -Credential given an AWSCredentials object of the other module's AWSSDK.Core (as AWS.Tools' Get-AWSCredential returns).
    $withCredential = Join-Path $TestDrive 'WithCredential.ps1'
    Set-Content -LiteralPath $withCredential -Value @'
param([string] $IdcAdmin, [string] $StandIn, [string] $MotoUrl, [string] $AccessKey, [string] $SecretKey)
$ErrorActionPreference = 'Stop'
Import-Module $StandIn
Import-Module $IdcAdmin
$credential = [Amazon.Runtime.BasicAWSCredentials]::new($AccessKey, $SecretKey)
$instance = Connect-IdcInstance -Credential $credential -Region us-east-1 -EndpointUrl $MotoUrl
[pscustomobject]@{ CredentialType = $credential.GetType().Assembly.GetName().Version.ToString(); CallerArn = $instance.CallerArn; CredentialSource = $instance.CredentialSource } |
    ConvertTo-Json -Compress
'@
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'IdcAdmin beside another module''s AWSSDK.Core' {
    It 'both work with AWSSDK.Core <SdkVersion> (assembly <Assembly>) imported <First> first' -ForEach @(
        @{ SdkVersion = '3.7.501.1'; Assembly = '3.3.0.0'; First = 'StandIn' }
        @{ SdkVersion = '3.7.501.1'; Assembly = '3.3.0.0'; First = 'IdcAdmin' }
        @{ SdkVersion = '4.0.3.3'; Assembly = '4.0.0.0'; First = 'StandIn' }
        @{ SdkVersion = '4.0.3.3'; Assembly = '4.0.0.0'; First = 'IdcAdmin' }
    ) {
        $result = Invoke-SideBySide -SdkVersion $SdkVersion -First $First

        $result.Users | Should -Contain $result.UserName
        $result.StandInKey | Should -Be 'AKIDSTANDIN'
        $result.StandInVersion | Should -Be $Assembly
        Split-Path $result.StandInFile | Should -Be $result.StandInFolder
        # IdcAdmin's own copy is loaded too, from its private folder.
        $ownSdk = Join-Path (Join-Path (Get-Module IdcAdmin).ModuleBase 'dependencies') 'AWSSDK.Core.dll'
        $result.SdkFiles | Should -Contain $ownSdk
    }
}

Describe 'Connect-IdcInstance -Credential with another AWSSDK.Core''s credentials' {
    It 'signs with the keys of an AWSCredentials object from AWSSDK.Core 3.7' {
        $aws = @('--endpoint-url', $moto.Url, '--region', 'us-east-1', '--output', 'json')
        $userName = New-TestName -Prefix 'tools'
        $null = aws iam create-user --user-name $userName @aws
        $key = (aws iam create-access-key --user-name $userName @aws | ConvertFrom-Json).AccessKey
        $standIn = New-StandInModule -SdkVersion '3.7.501.1'

        $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -File $withCredential -IdcAdmin $idcAdmin -StandIn $standIn `
            -MotoUrl $moto.Url -AccessKey $key.AccessKeyId -SecretKey $key.SecretAccessKey 2>&1 | ForEach-Object { "$_" }
        $json = $output | Where-Object { $_ -like '{*' } | Select-Object -Last 1
        if (-not $json) { throw "Connect-IdcInstance -Credential failed:`n$($output -join "`n")" }
        $result = $json | ConvertFrom-Json

        $result.CredentialType | Should -Be '3.3.0.0'
        $result.CallerArn | Should -Be "arn:aws:iam::123456789012:user/$userName"
        $result.CredentialSource | Should -Be '-Credential'
    }
}
