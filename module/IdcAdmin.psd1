@{
    RootModule           = 'IdcAdmin.dll'
    # Puts the engine's private loading in place before PowerShell reads the cmdlet assembly.
    NestedModules        = @('IdcAdmin.Loader.ps1')
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6f1d7c1e-3b2a-4c8e-9a55-2f4d1e7b9c30'
    Author               = 'IdcAdmin contributors'
    CompanyName          = 'IdcAdmin contributors'
    Copyright            = '(c) IdcAdmin contributors. MIT License.'
    Description          = 'Administers AWS IAM Identity Center from PowerShell: users, groups, memberships, permission sets, and access to AWS accounts, as cmdlets that pipe typed objects from one to the next.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess       = @('IdcAdmin.Types.ps1xml')
    FormatsToProcess     = @(
        'IdcAdmin.Instance.Format.ps1xml'
        'IdcAdmin.Identity.Format.ps1xml'
        'IdcAdmin.PermissionSet.Format.ps1xml'
        'IdcAdmin.Access.Format.ps1xml'
        'IdcAdmin.Guide.Format.ps1xml'
        'IdcAdmin.Configuration.Format.ps1xml'
    )
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-IdcInstance'
        'Get-IdcInstance'
        'Disconnect-IdcInstance'
        'New-IdcUser'
        'Get-IdcUser'
        'Set-IdcUser'
        'Remove-IdcUser'
        'New-IdcGroup'
        'Get-IdcGroup'
        'Set-IdcGroup'
        'Remove-IdcGroup'
        'Add-IdcGroupMember'
        'Remove-IdcGroupMember'
        'Get-IdcGroupMember'
        'Get-IdcGroupMembership'
        'New-IdcPermissionSet'
        'Get-IdcPermissionSet'
        'Set-IdcPermissionSet'
        'Remove-IdcPermissionSet'
        'Deploy-IdcPermissionSet'
        'Get-IdcPermissionSetProvisioning'
        'Get-IdcAccount'
        'Get-IdcOrganizationalUnit'
        'Grant-IdcAccountAccess'
        'Revoke-IdcAccountAccess'
        'Get-IdcAccountAssignment'
        'Get-IdcEffectiveAccess'
        'Test-IdcAccountAccess'
        'Wait-IdcAccountAssignment'
        'Initialize-IdcAdministrator'
        'Export-IdcConfiguration'
        'Compare-IdcConfiguration'
        'Sync-IdcConfiguration'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'IAMIdentityCenter', 'IdentityCenter', 'SSO', 'IAM', 'Identity', 'AccessManagement', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/idcadmin/IdcAdmin/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/idcadmin/IdcAdmin'
            ReleaseNotes = 'First release: connect to an Identity Center instance; manage users, groups and memberships; permission sets with every policy kind, kept provisioned; grant, revoke, list and test account access at organization scale; Initialize-IdcAdministrator for first-time administrative access.'
        }
    }
}
