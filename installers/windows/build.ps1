<#
.SYNOPSIS
    Builds the Windows installer of Ambtenaar 2.0: PyInstaller bundle, its selftest, Inno Setup.

.DESCRIPTION
    1. PyInstaller (installers\ambtenaar20.spec) -> build\windows\dist\ambtenaar20\
       with ambtenaar20-gui.exe (no console) and ambtenaar20.exe (console), both carrying a
       version resource made from the package version.
    2. The frozen app's own selftest (offscreen); the build stops if any check fails.
    3. Inno Setup (installers\windows\ambtenaar20.iss) -> dist\windows\ambtenaar20-<version>-setup.exe
       with the version from pyproject.toml (ambtenaar20\__init__.py) passed as /DAppVersion.

    Needs: Python 3.11+ with the project installed (pip install -e ".[build]"),
    Inno Setup 6.3 or newer (iscc.exe; winget install JRSoftware.InnoSetup).

.PARAMETER Python
    The interpreter to build with (default: .venv\Scripts\python.exe, else python).

.PARAMETER Iscc
    Path of iscc.exe (default: found on PATH or in the usual install folders).

.PARAMETER SkipInstaller
    Build and test the bundle only.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#>
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

if (-not $Python) {
    $Python = if (Test-Path ".venv\Scripts\python.exe") { ".venv\Scripts\python.exe" } else { "python" }
}

# One source for the version: the package (pyproject.toml reads it from there too).
$Version = (Select-String -Path "ambtenaar20\__init__.py" -Pattern '^__version__ = "(.+)"$').Matches[0].Groups[1].Value
# Windows file versions are numbers only: 0.2.0rc1 -> 0.2.0 (as installers\version_resource.py).
$Numeric = [regex]::Match($Version, '^\d+(\.\d+){0,3}').Value
Write-Host "== Ambtenaar 2.0 $Version (file version $Numeric)"

Write-Host "== bundle (PyInstaller)"
$Stopwatch = [Diagnostics.Stopwatch]::StartNew()
& $Python -m PyInstaller --noconfirm --log-level WARN `
    --distpath build\windows\dist --workpath build\windows\work installers\ambtenaar20.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed ($LASTEXITCODE)" }
$Bundle = Join-Path $Root "build\windows\dist\ambtenaar20"
$SizeMB = [math]::Round((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB, 1)
Write-Host ("bundle: {0}  {1} MiB  built in {2:N0} s" -f $Bundle, $SizeMB, $Stopwatch.Elapsed.TotalSeconds)

Write-Host "== frozen selftest"
$env:QT_QPA_PLATFORM = "offscreen"
& (Join-Path $Bundle "ambtenaar20.exe") --lang en selftest
$SelftestExit = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
if ($SelftestExit -ne 0) { throw "the frozen app failed its selftest ($SelftestExit)" }

if ($SkipInstaller) { exit 0 }

if (-not $Iscc) {
    $Found = Get-Command iscc.exe -ErrorAction SilentlyContinue
    $Iscc = if ($Found) { $Found.Source } else {
        @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
          "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") |
            Where-Object { Test-Path $_ } | Select-Object -First 1
    }
}
if (-not $Iscc) { throw "Inno Setup's iscc.exe not found: winget install JRSoftware.InnoSetup" }

Write-Host "== installer (Inno Setup)"
$OutputDir = Join-Path $Root "dist\windows"
& $Iscc /Qp "/DAppVersion=$Version" "/DAppVersionNumeric=$Numeric" "/DBundleDir=$Bundle" `
    "/DOutputDir=$OutputDir" installers\windows\ambtenaar20.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed ($LASTEXITCODE)" }
$Setup = Join-Path $OutputDir "ambtenaar20-$Version-setup.exe"
Write-Host ("installer: {0} ({1} MiB)" -f $Setup, [math]::Round((Get-Item $Setup).Length / 1MB, 1))
