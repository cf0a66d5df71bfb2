; Inno Setup 6 script of 知识产权保险试点工作台 (per-user install, no administrator rights needed).
; Built by packaging\windows\build.ps1, or by hand from the repository root:
;     ISCC.exe /DAppVersion=0.1.0 /DRoot=%CD% packaging\windows\ipdesk.iss
; Input: dist\ipdesk\ (PyInstaller bundle). Output: dist\installer\ipdesk-<version>-setup.exe
; Save this file as UTF-8 with BOM (Inno Setup 6 reads it as Unicode).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Root
  #define Root "..\.."
#endif
#define AppName "知识产权保险试点工作台"
#define AppNameEn "IP Insurance Desk"
#define AppExe "ipdesk.exe"
#define ProgId "ipdesk.package"

[Setup]
AppId={{6C1F3E0A-52B4-4E8B-9C55-1D6F3B7A0E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ipdesk
DefaultDirName={localappdata}\Programs\ipdesk
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist\installer
OutputBaseFilename=ipdesk-{#AppVersion}-setup
SetupIconFile="{#Root}\resources\icons\ipdesk.ico"
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
DisableProgramGroupPage=yes

; Simplified Chinese is one of Inno Setup's user-contributed translations (not installed with it):
; put ChineseSimplified.isl from https://jrsoftware.org/files/istrans/ next to this script or into
; Inno Setup's Languages folder (docs/PACKAGING.md). Chinese is listed first: it is the default.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AssocIpx=将交换包文件（.ipx）关联到本程序
english.AssocIpx=Open exchange packages (.ipx) with this application
chinesesimplified.PackageType=知识产权保险台账交换包
english.PackageType=IP Insurance Desk exchange package

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associpx"; Description: "{cm:AssocIpx}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\ipdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\resources\icons\ipdesk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; IconFilename: "{app}\ipdesk.ico"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; IconFilename: "{app}\ipdesk.ico"; Tasks: desktopicon

[Registry]
; per-user file association .ipx -> "ipdesk.exe gui "%1"" (HKCU\Software\Classes)
Root: HKA; Subkey: "Software\Classes\.ipx"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associpx
Root: HKA; Subkey: "Software\Classes\.ipx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associpx
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey; Tasks: associpx
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ipdesk.ico,0"; Tasks: associpx
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""; Tasks: associpx
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ipx"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The database lives in %LOCALAPPDATA%\ipdesk\ipdesk (platformdirs), outside {app}: uninstalling
; never deletes the ledger or its backups.
