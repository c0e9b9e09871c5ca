"""Start at login: what each OS's entry says, a real autostart file on Linux, a fake registry."""

from __future__ import annotations

import configparser
import plistlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from regroup.core.paths import default_data_dir
from regroup.core.system.autostart import (
    APP_ID,
    DISK_IMAGE_HINT,
    MINIMIZED_FLAG,
    RUN_KEY,
    RUN_VALUE,
    AutostartError,
    MacLaunchAgent,
    WindowsRunAutostart,
    XdgAutostart,
    desktop_entry,
    for_platform,
    launch_agent,
    launch_command,
    profile_suffix,
    runs_from_disk_image,
    windowed_executable,
    windows_run_value,
)


def exec_arguments(exec_line: str) -> list[str]:
    """Undo a desktop entry's string escapes, then its Exec quoting, as a launcher does."""
    value = exec_line.replace("\\\\", "\\").replace("%%", "%")
    arguments: list[str] = []
    current, quoted, chars = "", False, iter(value)
    for char in chars:
        if quoted and char == "\\":
            current += next(chars)
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            arguments.append(current)
            current = ""
        else:
            current += char
    return [*arguments, current]


def test_the_command_runs_the_package_minimized_and_names_only_other_profiles() -> None:
    assert launch_command(None, frozen=False) == [sys.executable, "-m", "regroup", MINIMIZED_FLAG]
    assert launch_command(default_data_dir(), frozen=False)[-1] == MINIMIZED_FLAG
    assert "--data-dir" not in launch_command(default_data_dir(), frozen=False)
    other = Path("/srv/profiles/work")
    assert launch_command(other, frozen=True, executable="/opt/regroup/regroup") == [
        "/opt/regroup/regroup",
        "--data-dir",
        "/srv/profiles/work",
        MINIMIZED_FLAG,
    ]


def test_profiles_get_their_own_entries() -> None:
    assert profile_suffix(None) == ""
    assert profile_suffix(default_data_dir()) == ""
    first, second = profile_suffix(Path("/a")), profile_suffix(Path("/b"))
    assert first != second and len(first) == 9 and first.startswith("-")


def test_the_desktop_entry_survives_spaces_dollars_and_backslashes() -> None:
    command = [
        "/home/a b/python3",
        "-m",
        "regroup",
        "--data-dir",
        '/x/$HOME \\ 100% `id` "q"',
        "--minimized",
    ]
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(desktop_entry(command))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert exec_arguments(entry["Exec"]) == command


def test_a_real_autostart_file_in_xdg_config_home(tmp_path: Path) -> None:
    config = tmp_path / "config"
    autostart = XdgAutostart(["/usr/bin/regroup", MINIMIZED_FLAG], config_home=config)
    assert not autostart.is_enabled()
    autostart.enable()
    path = config / "autostart" / f"{APP_ID}.desktop"
    assert autostart.path == path and path.is_file()
    assert "Exec=/usr/bin/regroup --minimized\n" in path.read_text(encoding="utf-8")
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()
    autostart.disable()


def test_the_platform_default_respects_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    autostart = for_platform(tmp_path / "profile", platform="linux")
    autostart.enable()
    files = list((tmp_path / "cfg" / "autostart").iterdir())
    assert [f.name for f in files] == [f"{APP_ID}{profile_suffix(tmp_path / 'profile')}.desktop"]
    text = files[0].read_text(encoding="utf-8")
    assert f"--data-dir {tmp_path / 'profile'} --minimized" in text


def test_a_desktop_that_hid_the_entry_counts_as_off(tmp_path: Path) -> None:
    autostart = XdgAutostart(["regroup"], config_home=tmp_path)
    autostart.enable()
    with autostart.path.open("a", encoding="utf-8") as file:
        file.write("Hidden=true\n")
    assert not autostart.is_enabled()


def test_the_windows_run_value_quotes_paths_with_spaces() -> None:
    command = [r"C:\Program Files\Regroup\Regroup.exe", "--data-dir", r"D:\My Diary", "--minimized"]
    assert windows_run_value(command) == (
        r'"C:\Program Files\Regroup\Regroup.exe" --data-dir "D:\My Diary" --minimized'
    )
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"
    assert WindowsRunAutostart(command, "-1a2b3c4d").name == "Regroup-1a2b3c4d"


def test_the_program_is_quoted_even_without_spaces_as_the_installer_writes_it() -> None:
    program = r"C:\Users\ana\AppData\Local\Programs\Regroup\Regroup.exe"
    assert windows_run_value([program, MINIMIZED_FLAG]) == f'"{program}" --minimized'
    assert windows_run_value([program]) == f'"{program}"'


class FakeKey:
    """An open registry key: a name and the values under it."""

    def __init__(self, path: str, values: dict[str, tuple[object, int]]) -> None:
        self.path = path
        self.values = values


class FakeWinreg:
    """The few ``winreg`` names the Run value needs, over a dict per key path."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[object, int]]] = {}

    @contextmanager
    def OpenKey(
        self, root: str, path: str, reserved: int = 0, access: int = 0
    ) -> Iterator[FakeKey]:
        if f"{root}\\{path}" not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        yield FakeKey(path, self.keys[f"{root}\\{path}"])

    @contextmanager
    def CreateKey(self, root: str, path: str) -> Iterator[FakeKey]:
        yield FakeKey(path, self.keys.setdefault(f"{root}\\{path}", {}))

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: object) -> None:
        key.values[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]

    def run_values(self) -> dict[str, tuple[object, int]]:
        return self.keys.get(f"HKCU\\{RUN_KEY}", {})


def test_the_run_value_is_set_read_and_cleared() -> None:
    registry = FakeWinreg()
    program = r"C:\Program Files\Regroup\Regroup.exe"
    autostart = WindowsRunAutostart([program, MINIMIZED_FLAG], registry=registry)
    assert not autostart.is_enabled() and autostart.run_value() is None
    autostart.disable()
    autostart.enable()
    expected = r'"C:\Program Files\Regroup\Regroup.exe" --minimized'
    assert registry.run_values() == {RUN_VALUE: (expected, FakeWinreg.REG_SZ)}
    assert autostart.is_enabled() and autostart.run_value() == expected
    autostart.disable()
    assert registry.run_values() == {} and not autostart.is_enabled()
    autostart.disable()


def test_the_installers_run_value_shows_as_on() -> None:
    registry = FakeWinreg()
    with registry.CreateKey(registry.HKEY_CURRENT_USER, RUN_KEY) as key:
        registry.SetValueEx(
            key, RUN_VALUE, 0, registry.REG_SZ, r'"D:\Apps\Regroup.exe" --minimized'
        )
    autostart = WindowsRunAutostart(["ignored"], registry=registry)
    assert autostart.is_enabled()
    autostart.disable()
    assert registry.run_values() == {}


def test_a_registry_that_refuses_the_write_is_an_autostart_error() -> None:
    class Refusing(FakeWinreg):
        def SetValueEx(
            self, key: FakeKey, name: str, reserved: int, kind: int, value: object
        ) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(AutostartError, match="could not set the Run value"):
        WindowsRunAutostart(["Regroup.exe"], registry=Refusing()).enable()


def test_login_always_starts_the_windowed_program() -> None:
    folder = r"C:\Program Files\Regroup"
    assert windowed_executable(folder + r"\regroup-cli.exe") == folder + r"\Regroup.exe"
    assert windowed_executable(folder + r"\REGROUP-CLI.EXE") == folder + r"\Regroup.exe"
    assert windowed_executable(folder + r"\Regroup.exe") == folder + r"\Regroup.exe"
    assert windowed_executable("/opt/regroup/regroup") == "/opt/regroup/regroup"
    command = launch_command(None, frozen=True, executable=folder + r"\regroup-cli.exe")
    assert command == [folder + r"\Regroup.exe", MINIMIZED_FLAG]
    python = r"C:\Python311\python.exe"
    assert launch_command(None, frozen=False, executable=python)[0] == python


def test_the_launch_agent_runs_the_command_at_load(tmp_path: Path) -> None:
    command = ["/Applications/Regroup.app/Contents/MacOS/Regroup", "--minimized"]
    agent = plistlib.loads(launch_agent(APP_ID, command))
    assert agent == {
        "Label": APP_ID,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    mac = MacLaunchAgent(command, home=tmp_path)
    mac.enable()
    assert mac.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert plistlib.loads(mac.path.read_bytes())["ProgramArguments"] == command
    assert mac.is_enabled()
    mac.disable()
    assert not mac.is_enabled()


@pytest.mark.parametrize(
    "program",
    [
        "/Volumes/Regroup 0.1/Regroup.app/Contents/MacOS/regroup",
        "/private/var/folders/x1/T/AppTranslocation/4F2A/d/Regroup.app/Contents/MacOS/regroup",
    ],
)
def test_start_at_login_is_refused_from_a_disk_image(tmp_path: Path, program: str) -> None:
    mac = MacLaunchAgent([program, MINIMIZED_FLAG], home=tmp_path)
    with pytest.raises(AutostartError, match="Move Regroup to the Applications folder") as caught:
        mac.enable()
    assert str(caught.value) == DISK_IMAGE_HINT
    assert not mac.path.exists() and not mac.is_enabled()


def test_start_at_login_works_from_applications() -> None:
    assert not runs_from_disk_image("/Applications/Regroup.app/Contents/MacOS/regroup")
    assert not runs_from_disk_image("/Users/ana/Applications/Regroup.app/Contents/MacOS/regroup")
    assert runs_from_disk_image("/Volumes/Regroup/Regroup.app/Contents/MacOS/regroup")


def test_each_platform_gets_its_own_kind() -> None:
    assert isinstance(for_platform(None, "win32"), WindowsRunAutostart)
    assert isinstance(for_platform(None, "darwin"), MacLaunchAgent)
    assert isinstance(for_platform(None, "linux"), XdgAutostart)
