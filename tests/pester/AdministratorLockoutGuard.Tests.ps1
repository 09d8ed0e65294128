# The lock-out guard, path by path, through the cmdlets: a change that would leave the organization's management
# account with no administrator is refused with IdcLockoutGuard under -Force and under -Confirm:$false, and changes
# nothing; -AllowNoAdministrator goes ahead; so does the change when another administrator remains.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
    $moto = Start-MotoServer
    $null = New-TestOrganization -Moto $moto -AccountCount 1
    $null = Connect-TestInstance -Moto $moto
    $common = @('--endpoint-url', $moto.Url, '--region', 'us-east-1', '--output', 'json')
    $script:management = (aws organizations describe-organization @common | ConvertFrom-Json).Organization.MasterAccountId
    $adminInline = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

    # alice, member of a group that holds an administrator set on the management account (and, for the user-revoke
    # path, holds it herself too).
    function New-AdminSetup {
        param([switch] $Inline)
        $set = if ($Inline) { New-IdcPermissionSet -Name (New-TestName -Prefix 'adm') -InlinePolicy $adminInline }
               else { New-IdcPermissionSet -Name (New-TestName -Prefix 'adm') -ManagedPolicy AdministratorAccess }
        $group = New-IdcGroup -DisplayName (New-TestName -Prefix 'admins')
        $user = New-IdcUser -UserName (New-TestName -Prefix 'alice') -GivenName Alice -FamilyName Admin -Email "$(New-TestName)@example.com" -WarningAction SilentlyContinue
        Add-IdcGroupMember -Group $group.DisplayName -User $user.UserName
        $null = Grant-IdcAccountAccess -Group $group.DisplayName -PermissionSet $set.Name -Account $script:management
        $null = Grant-IdcAccountAccess -User $user.UserName -PermissionSet $set.Name -Account $script:management
        [pscustomobject]@{ Set = $set.Name; Group = $group.DisplayName; User = $user.UserName }
    }

    # Each path: the change, and whether it left things as they were.
    $script:paths = @{
        'Revoke-IdcAccountAccess' = @{
            Change = { param($s, $extra) Revoke-IdcAccountAccess -Group $s.Group -User $s.User -PermissionSet $s.Set -Account $script:management @extra -ErrorAction Stop }
            Unchanged = { param($s) Test-IdcAccountAccess -User $s.User -PermissionSet $s.Set -Account $script:management }
        }
        'Remove-IdcGroup -RemoveAssignments' = @{
            Change = { param($s, $extra) Revoke-IdcAccountAccess -User $s.User -PermissionSet $s.Set -Account $script:management -Force -AllowNoAdministrator | Out-Null
                       Remove-IdcGroup $s.Group -RemoveAssignments @extra -ErrorAction Stop }
            Unchanged = { param($s) [bool](Get-IdcGroup $s.Group -ErrorAction SilentlyContinue) }
        }
        'Remove-IdcUser -RemoveAssignments' = @{
            Change = { param($s, $extra) Remove-IdcUser $s.User -RemoveAssignments @extra -ErrorAction Stop }
            Unchanged = { param($s) [bool](Get-IdcUser $s.User -ErrorAction SilentlyContinue) }
        }
        'Remove-IdcGroupMember (last member of the admin group)' = @{
            Change = { param($s, $extra) Revoke-IdcAccountAccess -User $s.User -PermissionSet $s.Set -Account $script:management -Force -AllowNoAdministrator | Out-Null
                       Remove-IdcGroupMember -Group $s.Group -User $s.User @extra -ErrorAction Stop }
            Unchanged = { param($s) [bool](Get-IdcGroupMember -Group $s.Group | Where-Object UserName -eq $s.User) }
        }
        'Set-IdcPermissionSet -ManagedPolicy (detach AdministratorAccess)' = @{
            Change = { param($s, $extra) Set-IdcPermissionSet $s.Set -ManagedPolicy ReadOnlyAccess @extra -ErrorAction Stop }
            Unchanged = { param($s) (Get-IdcPermissionSet -Name $s.Set -Detail Policies).ManagedPolicies.Name -contains 'AdministratorAccess' }
        }
        'Set-IdcPermissionSet -InlinePolicy (replace * on *)' = @{
            Inline = $true
            Change = { param($s, $extra) Set-IdcPermissionSet $s.Set -InlinePolicy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}' @extra -ErrorAction Stop }
            Unchanged = { param($s) (Get-IdcPermissionSet -Name $s.Set -Detail Policies).InlinePolicy -match '"Action":\s*"\*"' }
        }
        'Remove-IdcPermissionSet -RemoveAssignments' = @{
            Change = { param($s, $extra) Remove-IdcPermissionSet $s.Set -RemoveAssignments @extra -ErrorAction Stop }
            Unchanged = { param($s) [bool](Get-IdcPermissionSet -Name $s.Set -Detail Policies -ErrorAction SilentlyContinue) -and
                                    (Test-IdcAccountAccess -Group $s.Group -PermissionSet $s.Set -Account $script:management) }
        }
    }
}

AfterAll {
    Disconnect-IdcInstance
    Stop-MotoServer $moto
}

Describe 'The lock-out guard' {
    It '<Path>: refused with IdcLockoutGuard under -Force and under -Confirm:$false, nothing changed' -ForEach @(
        @{ Path = 'Revoke-IdcAccountAccess' }
        @{ Path = 'Remove-IdcGroup -RemoveAssignments' }
        @{ Path = 'Remove-IdcUser -RemoveAssignments' }
        @{ Path = 'Remove-IdcGroupMember (last member of the admin group)' }
        @{ Path = 'Set-IdcPermissionSet -ManagedPolicy (detach AdministratorAccess)' }
        @{ Path = 'Set-IdcPermissionSet -InlinePolicy (replace * on *)' }
        @{ Path = 'Remove-IdcPermissionSet -RemoveAssignments' }
    ) {
        $p = $script:paths[$Path]
        $s = New-AdminSetup -Inline:($p.ContainsKey('Inline'))
        $force = if ($Path -like 'Set-*') { @{ Confirm = $false } } else { @{ Force = $true } }

        foreach ($extra in $force, @{ Confirm = $false }) {
            $err = $null
            try { & $p.Change $s $extra } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike 'IdcLockoutGuard,*'
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            & $p.Unchanged $s | Should -BeTrue
        }
    }

    It '<Path>: goes ahead with -AllowNoAdministrator' -ForEach @(
        @{ Path = 'Revoke-IdcAccountAccess' }
        @{ Path = 'Remove-IdcGroup -RemoveAssignments' }
        @{ Path = 'Remove-IdcUser -RemoveAssignments' }
        @{ Path = 'Remove-IdcGroupMember (last member of the admin group)' }
        @{ Path = 'Set-IdcPermissionSet -ManagedPolicy (detach AdministratorAccess)' }
        @{ Path = 'Set-IdcPermissionSet -InlinePolicy (replace * on *)' }
        @{ Path = 'Remove-IdcPermissionSet -RemoveAssignments' }
    ) {
        $p = $script:paths[$Path]
        $s = New-AdminSetup -Inline:($p.ContainsKey('Inline'))
        $extra = @{ Confirm = $false; AllowNoAdministrator = $true }

        $null = & $p.Change $s $extra

        & $p.Unchanged $s | Should -BeFalse
    }
}

# Last in the file: moto lists every set ever provisioned as provisioned to every account, so the other administrator
# provisioned here would rescue any later refusal.
Describe 'The lock-out guard with another administrator' {
    BeforeAll {
        # Another user holding another administrator set on the management account; AWS provisions a set as part of
        # assigning it, moto does not, so it is deployed explicitly.
        $other = New-IdcPermissionSet -Name (New-TestName -Prefix 'adm2') -ManagedPolicy AdministratorAccess
        $bob = New-IdcUser -UserName (New-TestName -Prefix 'bob') -GivenName Bob -FamilyName Admin -Email "$(New-TestName)@example.com" -WarningAction SilentlyContinue
        $null = Grant-IdcAccountAccess -User $bob.UserName -PermissionSet $other.Name -Account $script:management
        $null = Deploy-IdcPermissionSet -PermissionSet $other.Name -AccountId $script:management
    }

    It '<Path>: goes ahead under -Force / -Confirm:$false' -ForEach @(
        @{ Path = 'Revoke-IdcAccountAccess' }
        @{ Path = 'Remove-IdcGroup -RemoveAssignments' }
        @{ Path = 'Remove-IdcUser -RemoveAssignments' }
        @{ Path = 'Remove-IdcGroupMember (last member of the admin group)' }
        @{ Path = 'Set-IdcPermissionSet -ManagedPolicy (detach AdministratorAccess)' }
        @{ Path = 'Set-IdcPermissionSet -InlinePolicy (replace * on *)' }
        @{ Path = 'Remove-IdcPermissionSet -RemoveAssignments' }
    ) {
        $p = $script:paths[$Path]
        $s = New-AdminSetup -Inline:($p.ContainsKey('Inline'))
        $extra = if ($Path -like 'Set-*') { @{ Confirm = $false } } else { @{ Force = $true } }

        $null = & $p.Change $s $extra

        & $p.Unchanged $s | Should -BeFalse
    }
}
