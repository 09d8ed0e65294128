# The executable of the PowerShell running the caller, for starting a child PowerShell. When pwsh runs as a .NET tool
# the process is `dotnet`, so (Get-Process -Id $PID).Path would start dotnet; the host's own executable sits under
# $PSHOME. Dot-sourced by build.ps1 and tests/pester/TestHelpers.ps1.
function Get-PowerShellPath {
    $names = if ($PSVersionTable.PSEdition -eq 'Desktop') { @('powershell.exe') } else { @('pwsh', 'pwsh.exe') }
    foreach ($name in $names) {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    throw "No PowerShell executable ($($names -join ', ')) in $PSHOME."
}
