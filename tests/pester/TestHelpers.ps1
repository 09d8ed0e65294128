# Shared by every *.Tests.ps1 here: dot-source it inside BeforeAll.
# It imports the built module from output/ (run ./build.ps1 -Task Build first, or ./build.ps1 -Task Test),
# starts a private moto_server on a free loopback port, and connects the module to it.

$script:RepoRoot = (Resolve-Path (Join-Path (Join-Path $PSScriptRoot '..') '..')).Path

# The newest build in output/IdcAdmin/<version>/ (an older version folder may still be there).
function Import-IdcAdminUnderTest {
    $manifest = Get-ChildItem -Path (Join-Path (Join-Path $script:RepoRoot 'output') 'IdcAdmin') -Filter 'IdcAdmin.psd1' -Recurse -ErrorAction SilentlyContinue |
        Sort-Object { $_.Directory.Name -as [version] } -Descending | Select-Object -First 1
    if (-not $manifest) { throw "The module is not built. Run: ./build.ps1 -Task Build" }
    Import-Module $manifest.FullName -Force -ErrorAction Stop
}

. (Join-Path (Join-Path $script:RepoRoot 'tools') 'Get-PowerShellPath.ps1')

function Start-MotoServer {
    $exe = Get-Command moto_server -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $exe) { throw 'moto_server was not found on PATH. Install it with: pip install "moto[server]"' }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $logs = @([System.IO.Path]::GetTempFileName(), [System.IO.Path]::GetTempFileName())
    $process = Start-Process -FilePath $exe.Source -ArgumentList @('-H', '127.0.0.1', '-p', $port) -PassThru `
        -RedirectStandardOutput $logs[0] -RedirectStandardError $logs[1]
    $url = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        try {
            $null = Invoke-WebRequest -Uri "$url/moto-api/data.json" -UseBasicParsing -TimeoutSec 2
            return [pscustomobject]@{ Url = $url; Process = $process; Logs = $logs }
        }
        catch { Start-Sleep -Milliseconds 100 }
    }
    Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
    throw "moto_server did not answer on $url within 60 s. Its output: $($logs -join ', ')"
}

# Safe to call twice, and with $null when Start-MotoServer never ran (a failed BeforeAll still runs AfterAll).
function Stop-MotoServer {
    param([Parameter(Mandatory)] [AllowNull()] $Moto)
    if (-not $Moto) { return }
    if ($Moto.Process -and -not $Moto.Process.HasExited) {
        Stop-Process -Id $Moto.Process.Id -Force -ErrorAction SilentlyContinue
        $null = $Moto.Process.WaitForExit(10000)
    }
    if ($Moto.Process -and $Moto.Process.HasExited) {
        Remove-Item -LiteralPath $Moto.Logs -Force -ErrorAction SilentlyContinue
    }
}

# moto does not check signatures, but the module and the aws CLI always sign: give both throwaway keys, and keep
# the caller's profile, session token and pager out of the way.
function Set-TestAwsEnvironment {
    $env:AWS_ACCESS_KEY_ID = 'AKIDPESTERTESTING'
    $env:AWS_SECRET_ACCESS_KEY = 'pester-test-secret'
    $env:AWS_PAGER = ''
    Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
    Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
}

function Connect-TestInstance {
    param([Parameter(Mandatory)] $Moto, [string] $Region = 'us-east-1')
    Set-TestAwsEnvironment
    Connect-IdcInstance -Region $Region -EndpointUrl $Moto.Url
}

function New-TestName {
    param([string] $Prefix = 'pester')
    "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
}

# Builds an organization in moto through the AWS CLI: a root, the given OUs and accounts.
function New-TestOrganization {
    param([Parameter(Mandatory)] $Moto, [int] $AccountCount = 3)
    Set-TestAwsEnvironment
    $common = @('--endpoint-url', $Moto.Url, '--region', 'us-east-1', '--output', 'json')
    $null = aws organizations create-organization --feature-set ALL @common 2>$null
    $root = (aws organizations list-roots @common | ConvertFrom-Json).Roots[0]
    # 1..0 counts down in PowerShell, so an empty range needs its own guard.
    $accounts = if ($AccountCount -gt 0) { foreach ($i in 1..$AccountCount) {
        $name = New-TestName -Prefix 'acct'
        $status = (aws organizations create-account --email "$name@example.com" --account-name $name @common | ConvertFrom-Json).CreateAccountStatus
        [pscustomobject]@{ Name = $name; Id = $status.AccountId }
    } }
    [pscustomobject]@{ RootId = $root.Id; Accounts = $accounts }
}

# The fixture of a test file: the build imported, a private moto_server, and the module connected to it. Returns the
# moto object (Url, Process) with the connected instance as Instance; pair it with Stop-TestSession in AfterAll.
function Start-TestSession {
    param([string] $Region = 'us-east-1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    try { $instance = Connect-TestInstance -Moto $moto -Region $Region }
    catch { Stop-MotoServer $moto; throw }
    $moto | Add-Member -NotePropertyName Instance -NotePropertyValue $instance -PassThru
}

# Safe after a failed Start-TestSession (AfterAll runs anyway) and when already disconnected.
function Stop-TestSession {
    param([Parameter(Mandatory)] [AllowNull()] $Moto)
    if (Get-Command Disconnect-IdcInstance -ErrorAction SilentlyContinue) { Disconnect-IdcInstance }
    Stop-MotoServer $Moto
}

# The fixture of the assignment tests: an organization of accounts, a group, a user and a permission set, made with
# the aws CLI (outside the module, as another administrator would) under unique names.
function New-TestAccessFixture {
    param([Parameter(Mandatory)] $Moto, [int] $AccountCount = 3)
    $instance = Get-IdcInstance
    $org = New-TestOrganization -Moto $Moto -AccountCount $AccountCount
    $common = @('--endpoint-url', $Moto.Url, '--region', 'us-east-1', '--output', 'json')
    $groupName = New-TestName -Prefix 'grp'
    $group = aws identitystore create-group --identity-store-id $instance.IdentityStoreId --display-name $groupName @common | ConvertFrom-Json
    $userName = New-TestName -Prefix 'usr'
    $user = aws identitystore create-user --identity-store-id $instance.IdentityStoreId --user-name $userName --display-name $userName `
        --name GivenName=Test,FamilyName=User @common | ConvertFrom-Json
    $psName = New-TestName -Prefix 'ps'
    $set = (aws sso-admin create-permission-set --instance-arn $instance.InstanceArn --name $psName --session-duration PT1H @common | ConvertFrom-Json).PermissionSet
    [pscustomobject]@{
        Organization = $org; AccountIds = @($org.Accounts.Id); AccountNames = @($org.Accounts.Name)
        GroupName = $groupName; GroupId = $group.GroupId; UserName = $userName; UserId = $user.UserId
        PermissionSetName = $psName; PermissionSetArn = $set.PermissionSetArn
    }
}

# An engine type by name. On PowerShell 7 the engine loads in the module's private load context, where type literals
# such as [IdcAdmin.Core.Access.AccountAssignmentResult] do not resolve.
function Get-EngineType {
    param([Parameter(Mandatory)] [string] $TypeName)
    $type = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'IdcAdmin.Core' } |
        ForEach-Object { $_.GetType($TypeName) } | Where-Object { $_ } | Select-Object -First 1
    if (-not $type) { throw "The engine type $TypeName is not loaded." }
    $type
}

# An engine object built by type name (see Get-EngineType).
function New-EngineObject {
    param([Parameter(Mandatory)] [string] $TypeName, [hashtable] $Property = @{}, [object[]] $ArgumentList = @())
    $type = Get-EngineType $TypeName
    # ::new binds the arguments as PowerShell does, so enum names and the like convert.
    $object = $type::new.Invoke([object[]]$ArgumentList)
    foreach ($name in $Property.Keys) { $object.$name = $Property[$name] }
    $object
}
