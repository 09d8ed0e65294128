# Runs as a nested module, before PowerShell reads the cmdlet assembly (RootModule): the cmdlet classes use engine
# types, which live in dependencies/ and are found only once the module's load context (PowerShell 7) or resolver
# (Windows PowerShell 5.1) is in place.
$cmdletAssembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'IdcAdmin.dll'))
$cmdletAssembly.GetType('IdcAdmin.Infrastructure.ModuleInitializer', $true)::Register()
