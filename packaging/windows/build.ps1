# Build the Windows installer: the PyInstaller bundle, then Inno Setup over it.
# Run from anywhere with the venv that has the "package" extra on PATH as `python`:
#   pwsh packaging/windows/build.ps1
# Leaves build\dist\regroup (the app) and build\Regroup-<version>-setup.exe.
$ErrorActionPreference = "Stop"
$PSNativeCommandUseErrorActionPreference = $true
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

python packaging/build_bundle.py
$version = (python -c "import sys; sys.path.insert(0, 'desktop'); import regroup; print(regroup.__version__)").Trim()
# Windows file versions are four numbers; "1.2.0rc1" becomes 1.2.0.0.
$numbers = @([regex]::Matches($version, '^\d+(\.\d+){0,3}').Value -split '\.') + @('0', '0', '0', '0')
$fileVersion = ($numbers[0..3] -join '.')

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) {
    throw "Inno Setup 6 is missing: choco install innosetup --version <the one release.yml pins>"
}

& $iscc /Qp "/DAppVersion=$version" "/DFileVersion=$fileVersion" `
    "/DSourceDir=$root\build\dist\regroup" "/DIconFile=$root\build\icons\regroup.ico" `
    "/O$root\build" "$root\packaging\windows\regroup.iss"
Write-Output "installer: build\Regroup-$version-setup.exe"
