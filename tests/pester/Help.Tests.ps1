# The help PowerShell shows for the module's cmdlets, as Get-Help renders it from the generated MAML.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-IdcAdminUnderTest
}

Describe 'Get-Help -Examples' {
    It 'separates each example''s description from the next example''s heading with a blank line (<_>)' -ForEach @(
        'New-IdcUser', 'Grant-IdcAccountAccess', 'Sync-IdcConfiguration'
    ) {
        $lines = (Get-Help $_ -Examples | Out-String -Width 80) -split "`r?`n"
        $headings = @(for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^\s*Example \d+') { $i } })

        $headings.Count | Should -BeGreaterThan 1
        foreach ($i in $headings | Select-Object -Skip 1) {
            $lines[$i - 1].Trim() | Should -BeNullOrEmpty -Because "the line above '$($lines[$i].Trim())' should be blank, not '$($lines[$i - 1].Trim())'"
        }
    }
}
