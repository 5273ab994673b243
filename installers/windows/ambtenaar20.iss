; Inno Setup 6.3+ script for Ambtenaar 2.0: a per-user installer that needs no administrator.
; Saved as UTF-8 with a byte-order mark so the compiler reads the Dutch texts correctly.
;
; Build (installers/windows/build.ps1 does all of this):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\build\windows\dist\ambtenaar20 ^
;        /DOutputDir=..\..\dist\windows installers\windows\ambtenaar20.iss
; AppVersion comes from pyproject.toml (via ambtenaar20/__init__.py); the script refuses to
; compile without it, so an installer never carries a made-up version.
;
; Installs into %LOCALAPPDATA%\Programs\Ambtenaar 2.0 ({autopf} in non-administrative mode),
; adds a Start-menu shortcut and optionally a desktop shortcut. IT departments can install
; silently per user:  ambtenaar20-<version>-setup.exe /VERYSILENT /CURRENTUSER /SUPPRESSMSGBOXES
; (or for all users with /ALLUSERS from an elevated prompt: then into Program Files).
;
; The officer's data (database, settings, logs, backups) lives in %LOCALAPPDATA%\ambtenaar20,
; outside the program folder. Uninstalling keeps it unless the officer says "Yes" to removing
; it; a silent uninstall keeps it unless /REMOVEDATA is given.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (architecture identifier x64compatible)
#endif
#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z (see build.ps1)
#endif
#ifndef AppVersionNumeric
  ; Windows' file version must be numbers only (0.2.0rc1 -> 0.2.0); build.ps1 passes it.
  #define AppVersionNumeric AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\windows\dist\ambtenaar20"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\windows"
#endif

#define AppName "Ambtenaar 2.0"
#define AppPublisher "Ambtenaar 2.0"
#define GuiExe "ambtenaar20-gui.exe"
; platformdirs.user_data_dir("ambtenaar20", appauthor=False, roaming=False)
#define DataDir "{localappdata}\ambtenaar20"

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{6E2B1F4C-3A7D-4C59-9B0E-5D1A8F27C4E3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription={#AppName} Setup
; Per user, no UAC prompt. {autopf} is then {userpf} = %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
; Lets IT choose on the command line: /CURRENTUSER (the default) or /ALLUSERS.
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=ambtenaar20-{#AppVersion}-setup
SetupIconFile=..\icons\ambtenaar20.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app holds its files open while running: let the Restart Manager close it.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.RemoveDataQuestion=Wilt u ook uw eigen gegevens van Ambtenaar 2.0 verwijderen?%n%nDat zijn uw onderwerpen, concepten, logboek, instellingen en reservekopieën in:%n%1%n%nKies Nee om ze te bewaren (bijvoorbeeld voor een nieuwe versie).
en.RemoveDataQuestion=Do you also want to remove your own Ambtenaar 2.0 data?%n%nThat is your topics, drafts, log, settings and backups in:%n%1%n%nChoose No to keep them (for instance for a newer version).
nl.RemoveDataFailed=Niet alles in %1 kon worden verwijderd. Verwijder de map zelf als u dat wilt.
en.RemoveDataFailed=Not everything in %1 could be removed. Delete the folder yourself if you wish.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle (ambtenaar20-gui.exe, ambtenaar20.exe, _internal\).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ True when the uninstaller was started with /REMOVEDATA (for IT: silent removal of data). }
function RemoveDataRequested(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/REMOVEDATA') = 0 then
      Result := True;
end;

{ Ask once, after the program files are gone. "No" is the default, so a suppressed or silent
  uninstall never deletes the officer's data by accident. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{#DataDir}');
  if not DirExists(DataDir) then
    Exit;
  if RemoveDataRequested() then
    Remove := True
  else if UninstallSilent() then
    Remove := False
  else
    Remove := SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
  if Remove then
    if not DelTree(DataDir, True, True, True) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir]),
        mbError, MB_OK, IDOK);
end;
