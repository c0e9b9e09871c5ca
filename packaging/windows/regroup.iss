; Inno Setup 6 script for Regroup on Windows (64-bit).
;
; Built by packaging\windows\build.ps1, which passes the version read from
; regroup.__version__ and the folder of the PyInstaller bundle:
;   iscc /DAppVersion=<version> /DFileVersion=<a.b.c.d> /DSourceDir=<bundle> /DIconFile=<ico> /O<out> regroup.iss
;
; Installs per user by default (no administrator rights needed; the wizard offers
; "for all users" too). The uninstaller removes what it installed and its shortcuts,
; and never the diary: that lives in %APPDATA%\Regroup, which Setup never touches.

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
Name: "{userstartup}\Regroup"; Filename: "{app}\Regroup.exe"; Tasks: startatlogin

[Run]
Filename: "{app}\Regroup.exe"; Description: "{cm:LaunchProgram,Regroup}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: the uninstaller removes only the files and
; shortcuts listed above. The diary, its key file and backups in %APPDATA%\Regroup,
; and the key in Windows Credential Locker, stay for a later reinstall.
