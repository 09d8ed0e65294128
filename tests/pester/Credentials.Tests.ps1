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

    # A loopback stand-in for the EC2 instance metadata service (IMDSv2): a session token, then the role's keys.
    function Start-InstanceMetadataServer {
        param([string] $AccessKeyId, [string] $SecretAccessKey)
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $seen = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Listener, $Seen, $AccessKeyId, $SecretAccessKey)
            while ($Listener.IsListening) {
                try { $context = $Listener.GetContext() } catch { break }
                $request = $context.Request
                $Seen.Enqueue("$($request.HttpMethod) $($request.Url.AbsolutePath)")
                $status = 200
                $text = switch -Regex ($request.Url.AbsolutePath) {
                    '^/latest/api/token$' { 'scripted-imds-token' }
                    '^/latest/meta-data/iam/security-credentials/?$' { 'ci-runner-role' }
                    '^/latest/meta-data/iam/security-credentials/ci-runner-role$' {
                        if ($request.Headers['X-aws-ec2-metadata-token'] -ne 'scripted-imds-token') { $status = 401; '' }
                        else {
                            [pscustomobject]@{ Code = 'Success'; Type = 'AWS-HMAC'; AccessKeyId = $AccessKeyId; SecretAccessKey = $SecretAccessKey
                                Token = 'imds-session-token'; Expiration = [DateTime]::UtcNow.AddHours(6).ToString('yyyy-MM-ddTHH:mm:ssZ')
                                LastUpdated = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ') } | ConvertTo-Json
                        }
                    }
                    '^/latest/meta-data/iam/info/?$' { '{"Code":"Success","InstanceProfileArn":"arn:aws:iam::123456789012:instance-profile/ci","InstanceProfileId":"AIPA1"}' }
                    default { $status = 404; '' }
                }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes([string]$text)
                $context.Response.StatusCode = $status
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument($seen).AddArgument($AccessKeyId).AddArgument($SecretAccessKey)
        [pscustomobject]@{ Url = "http://127.0.0.1:$port"; Listener = $listener; Shell = $shell; Handle = $shell.BeginInvoke(); Seen = $seen }
    }

    # A loopback stand-in for IAM Identity Center's OIDC service (the device authorization flow: register, authorize,
    # token, answering authorization_pending once) and its portal (GetRoleCredentials, which gives the keys for a
    # bearer token). It records each request as "METHOD /path".
    function Start-ScriptedSsoServer {
        param([string] $AccessKeyId, [string] $SecretAccessKey)
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $seen = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Listener, $Seen, $AccessKeyId, $SecretAccessKey)
            $tokenCalls = 0
            $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            while ($Listener.IsListening) {
                try { $context = $Listener.GetContext() } catch { break }
                $request = $context.Request
                $Seen.Enqueue("$($request.HttpMethod) $($request.Url.AbsolutePath)")
                $status = 200
                $errorType = $null
                $answer = switch ($request.Url.AbsolutePath) {
                    '/client/register' { @{ clientId = 'scripted-client'; clientSecret = 'scripted-client-secret'; clientIdIssuedAt = $now; clientSecretExpiresAt = $now + 7776000 } }
                    '/device_authorization' {
                        @{ deviceCode = 'scripted-device-code'; userCode = 'WXYZ-1234'; verificationUri = 'https://device.sso.us-east-1.amazonaws.com/'
                           verificationUriComplete = 'https://device.sso.us-east-1.amazonaws.com/?user_code=WXYZ-1234'; expiresIn = 600; interval = 1 }
                    }
                    '/token' {
                        $tokenCalls++
                        if ($tokenCalls -eq 1) { $status = 400; $errorType = 'AuthorizationPendingException'; @{ error = 'authorization_pending' } }
                        else { @{ accessToken = 'scripted-access-token'; tokenType = 'Bearer'; expiresIn = 3600; refreshToken = 'scripted-refresh-token' } }
                    }
                    '/federation/credentials' {
                        if ($request.Headers['x-amz-sso_bearer_token'] -ne 'scripted-access-token') { $status = 401; $errorType = 'UnauthorizedException'; @{ message = 'bad token' } }
                        else { @{ roleCredentials = @{ accessKeyId = $AccessKeyId; secretAccessKey = $SecretAccessKey; sessionToken = 'scripted-session-token'; expiration = ($now + 3600) * 1000 } } }
                    }
                    default { $status = 404; @{ message = 'not scripted' } }
                }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes(($answer | ConvertTo-Json -Depth 5 -Compress))
                $context.Response.StatusCode = $status
                if ($errorType) { $context.Response.Headers['x-amzn-ErrorType'] = $errorType }
                $context.Response.ContentType = 'application/json'
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener).AddArgument($seen).AddArgument($AccessKeyId).AddArgument($SecretAccessKey)
        [pscustomobject]@{ Url = "http://127.0.0.1:$port"; Listener = $listener; Shell = $shell; Handle = $shell.BeginInvoke(); Seen = $seen }
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
    $instance = Invoke-Expression "Connect-IdcInstance $Arguments -ErrorAction Stop -WarningVariable connectWarnings -WarningAction SilentlyContinue"
    $users = @(Get-IdcUser -ErrorAction Stop)
    [pscustomobject]@{ CallerArn = $instance.CallerArn; CallerError = $instance.CallerError; CredentialSource = $instance.CredentialSource
        ProfileName = $instance.ProfileName; Region = $instance.Region; Endpoints = $instance.Endpoints; Users = $users.Count
        Warnings = @($connectWarnings | ForEach-Object { "$_" }) } | ConvertTo-Json -Compress
}
catch { [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId; Message = "$_" } | ConvertTo-Json -Compress }
'@
    function Invoke-Connect {
        param([string] $Arguments, [hashtable] $Environment = @{})
        $saved = @{}
        Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { $saved[$_.Name] = $_.Value; Remove-Item "Env:$($_.Name)" }
        $others = @($Environment.Keys | Where-Object { $_ -notlike 'AWS_*' })
        foreach ($name in $others) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        $base = @{ AWS_CONFIG_FILE = $configFile; AWS_SHARED_CREDENTIALS_FILE = $credentialsFile; AWS_EC2_METADATA_DISABLED = 'true'; AWS_PAGER = '' }
        try {
            foreach ($pair in $Environment.GetEnumerator()) { $base[$pair.Key] = $pair.Value }
            foreach ($pair in $base.GetEnumerator()) { Set-Item "Env:$($pair.Key)" $pair.Value }
            $env:IDC_TEST_CONNECT_ARGUMENTS = $Arguments
            $output = & (Get-PowerShellPath) -NoProfile -NonInteractive -File $child -Manifest $manifest 2>&1 | ForEach-Object { "$_" }
        }
        finally {
            Remove-Item Env:IDC_TEST_CONNECT_ARGUMENTS -ErrorAction SilentlyContinue
            Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "Env:$($_.Name)" }
            foreach ($pair in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
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

    It 'takes a region-only [default] profile''s region and the instance role' {
        $server = Start-InstanceMetadataServer -AccessKeyId $key.AccessKeyId -SecretAccessKey $key.SecretAccessKey
        try {
            $result = Invoke-Connect "-EndpointUrl $($moto.Url)" @{ AWS_EC2_METADATA_DISABLED = 'false'; AWS_EC2_METADATA_SERVICE_ENDPOINT = $server.Url }
        }
        finally { Stop-ContainerCredentialsServer $server }

        $result.CallerArn | Should -Be $userArn
        $result.Region | Should -Be 'us-east-1'
        $result.CredentialSource | Should -Be 'instance role (EC2 instance metadata)'
        $server.Seen.ToArray() | Should -Contain 'GET /latest/meta-data/iam/security-credentials/ci-runner-role'
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

Describe 'Connect-IdcInstance -Login' {
    It 'signs an SSO profile in with the device authorization flow, shows the URL and code, and caches the token as the AWS CLI does' {
        $ssoHome = Join-Path $TestDrive 'sso-home'
        $null = New-Item -ItemType Directory -Path $ssoHome -Force
        $server = Start-ScriptedSsoServer -AccessKeyId $key.AccessKeyId -SecretAccessKey $key.SecretAccessKey
        try {
            $result = Invoke-Connect "-ProfileName sso-user -Login -EndpointUrl $($moto.Url)" @{
                HOME = $ssoHome; USERPROFILE = $ssoHome; AWS_ENDPOINT_URL_SSO_OIDC = $server.Url; AWS_ENDPOINT_URL_SSO = $server.Url
            }
            # The AWS CLI, with the same home folder, signs with the cached token without signing in again.
            $savedHome = $env:HOME
            $env:HOME = $ssoHome; $env:AWS_CONFIG_FILE = $configFile; $env:AWS_ENDPOINT_URL_SSO = $server.Url
            try { $cliCaller = aws sts get-caller-identity --profile sso-user --endpoint-url $moto.Url --output json 2>&1 | Out-String }
            finally { $env:HOME = $savedHome; Remove-Item Env:AWS_CONFIG_FILE, Env:AWS_ENDPOINT_URL_SSO }
        }
        finally { Stop-ContainerCredentialsServer $server }

        $result.CallerArn | Should -Be $userArn
        $result.CredentialSource | Should -Be "profile 'sso-user' (SSO)"
        $result.Warnings | Should -Match 'https://device\.sso\.us-east-1\.amazonaws\.com/\?user_code=WXYZ-1234'
        $result.Warnings | Should -Match 'WXYZ-1234'
        $requests = $server.Seen.ToArray()
        $requests | Should -Contain 'POST /client/register'
        $requests | Should -Contain 'POST /device_authorization'
        @($requests | Where-Object { $_ -eq 'POST /token' }).Count | Should -BeGreaterOrEqual 2
        # The AWS CLI's cache: ~/.aws/sso/cache/<sha1 of the sso-session name>.json
        $sha1 = [System.Security.Cryptography.SHA1]::Create()
        $name = -join ($sha1.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($ssoSession)) | ForEach-Object { $_.ToString('x2') })
        $cache = Join-Path (Join-Path (Join-Path (Join-Path $ssoHome '.aws') 'sso') 'cache') "$name.json"
        Test-Path -LiteralPath $cache | Should -BeTrue
        $token = Get-Content -LiteralPath $cache -Raw | ConvertFrom-Json
        $token.accessToken | Should -Be 'scripted-access-token'
        $token.startUrl | Should -Be "https://$ssoSession.awsapps.com/start"
        $token.region | Should -Be 'us-east-1'
        $token.expiresAt | Should -Not -BeNullOrEmpty
        ($cliCaller | ConvertFrom-Json).Arn | Should -Be $userArn
        @($server.Seen.ToArray() | Where-Object { $_ -eq 'POST /device_authorization' }).Count | Should -Be 1
    }

    It 'refuses -Login for a profile that is not an SSO profile' {
        $result = Invoke-Connect "-ProfileName alice -Login -EndpointUrl $($moto.Url)"

        $result.ErrorId | Should -Be 'IdcConnectConfiguration,IdcAdmin.Commands.Instance.ConnectIdcInstanceCommand'
        $result.Message | Should -Match 'not one'
    }
}
