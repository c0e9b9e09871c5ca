; Inno Setup 6 script for Regroup on Windows (64-bit).
;
; Built by packaging\windows\build.ps1, which passes the version read from
; regroup.__version__ and the folder of the PyInstaller bundle:
;   iscc /DAppVersion=<version> /DFileVersion=<a.b.c.d> /DSourceDir=<bundle> /DIconFile=<ico> /O<out> regroup.iss
;
; Installs per user by default (no administrator rights needed; the wizard offers
; "for all users" too). The uninstaller removes what it installed and its shortcuts,
; and never the diary: that lives in %APPDATA%\Regroup, which Setup never touches.
;
; Start at login is one Run value, the one Regroup's Settings writes and reads
; (regroup.core.system.autostart: RUN_KEY, RUN_VALUE, the windowed Regroup.exe with
; --minimized). AppMutex names the mutexes the running app holds
; (regroup.core.system.app_mutex), so Setup and Uninstall ask to close it first.
; tests/packaging/test_windows_installer.py checks these names against the app's.

#ifndef AppVersion
  #error Pass /DAppVersion=... (build.ps1 reads it from regroup.__version__)
#endif
#ifndef FileVersion
  #define FileVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\regroup"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\regroup.ico"
#endif
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
#define RunValue "Regroup"
#define AppMutexName "io.github.regroup.Regroup.running"

[Setup]
AppId={{E541590E-3E29-487E-B8DE-3DD3AE683B9C}
AppName=Regroup
AppVersion={#AppVersion}
AppVerName=Regroup {#AppVersion}
AppPublisher=The Regroup developers
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#FileVersion}
VersionInfoDescription=Regroup Setup
DefaultDirName={autopf}\Regroup
DefaultGroupName=Regroup
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=Regroup-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Regroup.exe
UninstallDisplayName=Regroup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
AppMutex={#AppMutexName},Global\{#AppMutexName}
; The Run value belongs to the person who installs, also in an "all users" install.
UsedUserAreasWarning=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "startatlogin"; Description: "Start Regroup when I sign in (so check-in reminders arrive)"; GroupDescription: "Reminders:"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Regroup"; Filename: "{app}\Regroup.exe"; Comment: "A private diary and debrief after a job rejection"
Name: "{autodesktop}\Regroup"; Filename: "{app}\Regroup.exe"; Tasks: desktopicon

[Registry]
; Exactly what Settings > Start Regroup in the tray when I log in writes, so it shows there.
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\Regroup.exe"" --minimized"; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\Regroup.exe"; Description: "{cm:LaunchProgram,Regroup}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: the uninstaller removes only the files,
; shortcuts and login entries of this app. The diary, its key file and backups in
; %APPDATA%\Regroup, and the key in Windows Credential Locker, stay for a later reinstall.

[Code]
// Start at login switched on in Settings (for any profile: "Regroup-<tag>") is not
// in the uninstall log; a Run value left behind would point at a deleted program.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Names: TArrayOfString;
  Command: String;
  I: Integer;
begin
  if CurUninstallStep <> usUninstall then
    exit;
  if not RegGetValueNames(HKEY_CURRENT_USER, '{#RunKey}', Names) then
    exit;
  for I := 0 to GetArrayLength(Names) - 1 do
    if (CompareText(Names[I], '{#RunValue}') = 0) or (Pos('{#RunValue}-', Names[I]) = 1) then
      if RegQueryStringValue(HKEY_CURRENT_USER, '{#RunKey}', Names[I], Command) then
        if Pos('\regroup.exe"', Lowercase(Command)) > 0 then
          RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', Names[I]);
end;
