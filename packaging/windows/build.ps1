# Build the Windows bundle and (if Inno Setup is installed) the installer.
# Run from any folder in PowerShell on a Windows 10/11 x64 machine with Python 3.11 x64:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: dist\ipdesk\ipdesk.exe (windowed) + ipdesk-cli.exe (console), and
#         dist\installer\ipdesk-<version>-setup.exe when ISCC.exe is found.
# Steps and prerequisites: docs\PACKAGING.md (Windows).
param(
    [string]$Python = "py -3.11",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

# 1. virtual environment with the project, its runtime dependencies and PyInstaller
if (-not (Test-Path ".venv-win\Scripts\python.exe")) {
    Invoke-Expression "$Python -m venv .venv-win"
}
$Py = Join-Path $Root ".venv-win\Scripts\python.exe"
& $Py -m pip install --upgrade pip
& $Py -m pip install -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# 2. the bundle (same spec as Linux; it builds ipdesk.exe and ipdesk-cli.exe on Windows)
& $Py -m PyInstaller --noconfirm --log-level WARN --workpath build\pyinstaller --distpath dist packaging\ipdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# 3. quick headless check of the frozen CLI (the GUI needs a desktop session)
$Cli = Join-Path $Root "dist\ipdesk\ipdesk-cli.exe"
$Tmp = Join-Path $env:TEMP ("ipdesk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Tmp | Out-Null
$Version = (& $Cli --version).Split(" ")[1]
& $Cli --db "$Tmp\demo.sqlite" demo --scale local;               if ($LASTEXITCODE -ne 0) { throw "demo failed" }
& $Cli --db "$Tmp\demo.sqlite" check;                            if ($LASTEXITCODE -ne 0) { throw "check failed" }
& $Cli --db "$Tmp\demo.sqlite" report annual --year 2024 --out "$Tmp\a.pdf"
if ($LASTEXITCODE -ne 0) { throw "report failed" }
Remove-Item -Recurse -Force $Tmp
$Size = (Get-ChildItem -Recurse dist\ipdesk | Measure-Object -Sum Length).Sum / 1MB
Write-Host ("dist\ipdesk: ipdesk {0}, {1:N0} MB" -f $Version, $Size)

# 4. the installer (Inno Setup 6: https://jrsoftware.org/isinfo.php)
if (-not $NoInstaller) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
    if ($Iscc) {
        & $Iscc "/DAppVersion=$Version" "/DRoot=$Root" packaging\windows\ipdesk.iss
        if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
        Get-ChildItem dist\installer
    } else {
        Write-Warning "Inno Setup 6 not found: bundle built, installer skipped"
    }
}
