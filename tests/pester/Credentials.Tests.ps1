# Connect-IdcInstance with each source of credentials the AWS CLI knows, against moto. moto's sts:GetCallerIdentity
# answers with the IAM user (or assumed role) whose keys signed the call, so CallerArn proves which credentials were
# used. Each case runs in a new PowerShell process with its own AWS_* variables: AWSSDK.Core reads some of them (the
# config file's path) once per process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $manifest = Join-Path (Get-Module IdcAdmin).ModuleBase 'IdcAdmin.psd1'
    $moto = Start-MotoServer
    Set-TestAwsEnvironment

    $aws = @('--endpoint-url', $moto.Url, '--region', 'us-east-1', '--output', 'json')
    $userName = New-TestName -Prefix 'alice'
    $null = aws iam create-user --user-name $userName @aws
    $key = (aws iam create-access-key --user-name $userName @aws | ConvertFrom-Json).AccessKey
    $roleName = New-TestName -Prefix 'Admin'
    $trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'
    $null = aws iam create-role --role-name $roleName --assume-role-policy-document $trust @aws
    $userArn = "arn:aws:iam::123456789012:user/$userName"

    # credential_process: a script printing the keys in the process credentials format.
    $process = Join-Path $TestDrive 'credential-process.ps1'
    Set-Content -LiteralPath $process -Value "Write-Output '{`"Version`": 1, `"AccessKeyId`": `"$($key.AccessKeyId)`", `"SecretAccessKey`": `"$($key.SecretAccessKey)`"}'"

    $configFile = Join-Path $TestDrive 'config'
    $credentialsFile = Join-Path $TestDrive 'credentials'
    Set-Content -LiteralPath $credentialsFile -Value @"
[alice]
aws_access_key_id = $($key.AccessKeyId)
aws_secret_access_key = $($key.SecretAccessKey)
"@
    Set-Content -LiteralPath $configFile -Value @"
[default]
region = us-east-1

[profile alice]
region = us-east-1

[profile noregion]
aws_access_key_id = $($key.AccessKeyId)
aws_secret_access_key = $($key.SecretAccessKey)

[profile assumer]
role_arn = arn:aws:iam::123456789012:role/$roleName
source_profile = alice
region = us-east-1

[profile process]
region = us-east-1
credential_process = "$(Get-PowerShellPath)" -NoProfile -NonInteractive -File "$process"

[profile configured-endpoint]
aws_access_key_id = $($key.AccessKeyId)
aws_secret_access_key = $($key.SecretAccessKey)
region = us-east-1
endpoint_url = $($moto.Url)

[profile per-service]
aws_access_key_id = $($key.AccessKeyId)
aws_secret_access_key = $($key.SecretAccessKey)
region = us-east-1
endpoint_url = http://127.0.0.1:9
services = idc-emulator

[services idc-emulator]
sso_admin =
  endpoint_url = $($moto.Url)
identitystore =
  endpoint_url = $($moto.Url)
organizations =
  endpoint_url = $($moto.Url)

[profile sso-user]
sso_session = corp-$([guid]::NewGuid().ToString('N').Substring(0, 8))
sso_account_id = 123456789012
sso_role_name = AdministratorAccess
region = us-east-1
"@
    $ssoSession = ((Get-Content -LiteralPath $configFile) -match '^sso_session = ') -replace '^sso_session = ', ''
    Add-Content -LiteralPath $configFile -Value @"

[sso-session $ssoSession]
sso_start_url = https://$ssoSession.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
"@

    # A loopback stand-in for the ECS/CodeBuild container credentials endpoint: answers the keys to requests that carry
    # the authorization token, 401 to others, and records what each request sent.
    function Start-ContainerCredentialsServer {
        param([string] $AccessKeyId, [string] $SecretAccessKey, [string] $Token)
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $seen = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
        $body = [pscustomobject]@{
            AccessKeyId = $AccessKeyId; SecretAccessKey = $SecretAccessKey; Token = 'container-session-token'
            Expiration = [DateTime]::UtcNow.AddHours(1).ToString('yyyy-MM-ddTHH:mm:ssZ')
        } | ConvertTo-Json
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Listener, $Seen, $Body, $Token)
            while ($Listener.IsListening) {
                try { $context = $Listener.GetContext() } catch { break }
                $authorization = [string]$context.Request.Headers['Authorization']
                $Seen.Enqueue($authorization)
                $context.Response.StatusCode = if ($authorization -eq $Token) { 200 } else { 401 }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($(if ($authorization -eq $Token) { $Body } else { '{}' }))
                $context.Response.ContentType = 'application/json'
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument($seen).AddArgument($body).AddArgument($Token)
        [pscustomobject]@{ Url = "http://127.0.0.1:$port"; Listener = $listener; Shell = $shell; Handle = $shell.BeginInvoke(); Seen = $seen }
    }

    function Stop-ContainerCredentialsServer {
        param($Server)
        $Server.Listener.Stop()
        $Server.Listener.Close()
        $Server.Shell.Dispose()
    }

    # Runs Connect-IdcInstance <Arguments> in a new process with exactly these AWS_* variables, and reports what the
    # connection shows, or the error.
    $child = Join-Path $TestDrive 'Connect.ps1'
    Set-Content -LiteralPath $child -Value @'
param([string] $Manifest)
# The arguments come in a variable: a command-line value that starts with '-' would be taken for a parameter name.
$Arguments = $env:IDC_TEST_CONNECT_ARGUMENTS
Import-Module $Manifest
try {
    $instance = Invoke-Expression "Connect-IdcInstance $Arguments -ErrorAction Stop"
    $users = @(Get-IdcUser -ErrorAction Stop)
    [pscustomobject]@{ CallerArn = $instance.CallerArn; CallerError = $instance.CallerError; CredentialSource = $instance.CredentialSource
        ProfileName = $instance.ProfileName; Region = $instance.Region; Endpoints = $instance.Endpoints; Users = $users.Count } | ConvertTo-Json -Compress
}
catch { [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId; Message = "$_" } | ConvertTo-Json -Compress }
'@
    function Invoke-Connect {
        param([string] $Arguments, [hashtable] $Environment = @{})
        $saved = @{}
        Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { $saved[$_.Name] = $_.Value; Remove-Item "Env:$($_.Name)" }
        $base = @{ AWS_CONFIG_FILE = $configFile; AWS_SHARED_CREDENTIALS_FILE = $credentialsFile; AWS_EC2_METADATA_DISABLED = 'true'; AWS_PAGER = '' }
        try {
            foreach ($pair in ($base + $Environment).GetEnumerator()) { Set-Item "Env:$($pair.Key)" $pair.Value }
            $env:IDC_TEST_CONNECT_ARGUMENTS = $Arguments
            $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -File $child -Manifest $manifest 2>&1 | ForEach-Object { "$_" }
        }
        finally {
            Remove-Item Env:IDC_TEST_CONNECT_ARGUMENTS -ErrorAction SilentlyContinue
            Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "Env:$($_.Name)" }
            foreach ($pair in $saved.GetEnumerator()) { Set-Item "Env:$($pair.Key)" $pair.Value }
        }
        $json = $output | Where-Object { $_ -like '{*' } | Select-Object -Last 1
        if (-not $json) { throw "Connect-IdcInstance $Arguments gave no result:`n$($output -join "`n")" }
        $json | ConvertFrom-Json
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'Connect-IdcInstance credentials' {
    It 'takes keys from the environment variables' {
        $result = Invoke-Connect "-Region us-east-1 -EndpointUrl $($moto.Url)" @{ AWS_ACCESS_KEY_ID = $key.AccessKeyId; AWS_SECRET_ACCESS_KEY = $key.SecretAccessKey }

        $result.CallerArn | Should -Be $userArn
        $result.CredentialSource | Should -Match 'environment'
    }

    It 'takes a static-keys profile and its region' {
        $result = Invoke-Connect "-ProfileName alice -EndpointUrl $($moto.Url)"

        $result.CallerArn | Should -Be $userArn
        $result.ProfileName | Should -Be 'alice'
        $result.Region | Should -Be 'us-east-1'
        $result.CredentialSource | Should -Be "profile 'alice' (static keys)"
    }

    It 'runs a profile''s credential_process' {
        $result = Invoke-Connect "-ProfileName process -EndpointUrl $($moto.Url)"

        $result.CallerArn | Should -Be $userArn
        $result.CredentialSource | Should -Be "profile 'process' (credential_process)"
    }

    It 'assumes a profile''s role through the STS endpoint of AWS_ENDPOINT_URL_STS' {
        $result = Invoke-Connect "-ProfileName assumer -EndpointUrl $($moto.Url)" @{ AWS_ENDPOINT_URL_STS = $moto.Url }

        $result.CallerArn | Should -Match "^arn:aws:sts::123456789012:assumed-role/$roleName/"
        $result.CredentialSource | Should -Be "profile 'assumer' (assume role)"
    }

    It 'takes -AccessKey with a SecureString -SecretKey' {
        $result = Invoke-Connect "-AccessKey $($key.AccessKeyId) -SecretKey (ConvertTo-SecureString '$($key.SecretAccessKey)' -AsPlainText -Force) -Region us-east-1 -EndpointUrl $($moto.Url)"

        $result.CallerArn | Should -Be $userArn
        $result.CredentialSource | Should -Be '-AccessKey and -SecretKey'
    }

    It 'refuses -AccessKey without -SecretKey before calling AWS' {
        $result = Invoke-Connect "-AccessKey $($key.AccessKeyId) -Region us-east-1 -EndpointUrl $($moto.Url)"

        $result.ErrorId | Should -Be 'IdcConnectConfiguration,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
        $result.Message | Should -Match '-SecretKey'
    }

    It 'reads -ProfileName from the credentials file of -ProfileLocation' {
        $elsewhere = Join-Path $TestDrive 'elsewhere.credentials'
        Set-Content -LiteralPath $elsewhere -Value "[elsewhere]`naws_access_key_id = $($key.AccessKeyId)`naws_secret_access_key = $($key.SecretAccessKey)"

        $result = Invoke-Connect "-ProfileName elsewhere -ProfileLocation '$elsewhere' -Region us-east-1 -EndpointUrl $($moto.Url)"

        $result.CallerArn | Should -Be $userArn
        $result.ProfileName | Should -Be 'elsewhere'
    }

    It 'takes a region-only [default] profile''s region and the container credentials, sending the authorization token' {
        $server = Start-ContainerCredentialsServer -AccessKeyId $key.AccessKeyId -SecretAccessKey $key.SecretAccessKey -Token 'container-auth-token'
        try {
            $result = Invoke-Connect "-EndpointUrl $($moto.Url)" @{
                AWS_CONTAINER_CREDENTIALS_FULL_URI = "$($server.Url)/credentials"
                AWS_CONTAINER_AUTHORIZATION_TOKEN  = 'container-auth-token'
            }
        }
        finally { Stop-ContainerCredentialsServer $server }

        $result.CallerArn | Should -Be $userArn
        $result.Region | Should -Be 'us-east-1'
        $result.CredentialSource | Should -Be 'container credentials'
        $server.Seen.ToArray() | Should -Contain 'container-auth-token'
    }

    It 'refuses a profile without a region when AWS_REGION is not set, saying what to do' {
        $result = Invoke-Connect "-ProfileName noregion -EndpointUrl $($moto.Url)"

        $result.ErrorId | Should -Be 'IdcConnectConfiguration,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
        $result.Message | Should -Match "You must specify a region.*'noregion'"
    }

    It 'takes AWS_REGION for a profile without a region, not the default profile''s' {
        $result = Invoke-Connect "-ProfileName noregion -EndpointUrl $($moto.Url)" @{ AWS_REGION = 'eu-west-1' }

        $result.Region | Should -Be 'eu-west-1'
    }

    It 'sends requests to the profile''s endpoint_url' {
        $result = Invoke-Connect '-ProfileName configured-endpoint'

        $result.Users | Should -BeGreaterOrEqual 0
        $result.CallerArn | Should -Be $userArn
        foreach ($service in 'sso-admin', 'identitystore', 'organizations') { $result.Endpoints.$service | Should -Be "$($moto.Url)/" }
    }

    It 'sends each service to its services-section endpoint_url over the profile''s, and connects when STS is unreachable' {
        $result = Invoke-Connect '-ProfileName per-service'

        foreach ($service in 'sso-admin', 'identitystore', 'organizations') { $result.Endpoints.$service | Should -Be "$($moto.Url)/" }
        # STS is not in the services section, so it went to the profile's endpoint_url, where nothing listens.
        $result.CallerArn | Should -BeNullOrEmpty
        $result.CallerError | Should -Not -BeNullOrEmpty
    }

    It 'says how to sign in when an SSO profile has no valid token' {
        $result = Invoke-Connect '-ProfileName sso-user -EndpointUrl http://127.0.0.1:9'

        $result.ErrorId | Should -Be 'IdcConnectCredentials,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
        $result.Message | Should -Match 'aws sso login --profile sso-user'
        $result.Message | Should -Match 'Connect-IdcInstance -ProfileName sso-user -Login'
    }
}
