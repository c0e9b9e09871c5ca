"""Start at login, opt-in: an XDG autostart file, a Windows Run value or a macOS LaunchAgent.

What each writes is built by a pure function, so all three are tested on any OS;
only the Windows one needs ``winreg``, imported when it is used (tests hand it a fake).
The Windows installer's "start at login" task writes the very Run value that
``WindowsRunAutostart`` writes (packaging/windows/regroup.iss), so Settings shows it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Protocol

from regroup.core.errors import RegroupError
from regroup.core.paths import default_data_dir
from regroup.core.storage.files import atomic_write_bytes

MINIMIZED_FLAG = "--minimized"
APP_ID = "io.github.regroup.Regroup"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Regroup"
CONSOLE_EXE = "regroup-cli.exe"
WINDOWED_EXE = "Regroup.exe"
"""The Windows bundle's two programs: the same app, for a terminal and without a console."""
DISK_IMAGE_HINT = (
    "Regroup is running from its disk image (or from a temporary copy macOS made of it), "
    "which is gone after a restart. Move Regroup to the Applications folder, open it "
    "from there, then switch this on."
)


class AutostartError(RegroupError):
    """Start at login could not be switched on or off."""


class Autostart(Protocol):
    """Start at login for one profile, on one OS."""

    def is_enabled(self) -> bool:
        """Return whether Regroup starts at login."""
        ...

    def enable(self) -> None:
        """Start Regroup, minimized to the tray, at every login."""
        ...

    def disable(self) -> None:
        """Stop starting at login; nothing happens when it was off."""
        ...


def _is_default(data_dir: Path | None) -> bool:
    if data_dir is None:
        return True
    return data_dir.expanduser().absolute() == default_data_dir().expanduser().absolute()


def profile_suffix(data_dir: Path | None) -> str:
    """Return "" for the default profile, else a short tag that tells profiles apart."""
    if _is_default(data_dir):
        return ""
    assert data_dir is not None
    path = str(data_dir.expanduser().absolute())
    return "-" + hashlib.sha256(path.encode()).hexdigest()[:8]


def launch_command(
    data_dir: Path | None,
    frozen: bool | None = None,
    executable: str | None = None,
) -> list[str]:
    """Return the command that starts this Regroup minimized on ``data_dir``.

    A frozen (PyInstaller) build is its own executable, and on Windows always the
    windowed one, even when the console one asked; otherwise the interpreter runs the
    package. ``--data-dir`` is only named for a profile that is not the default.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    program = executable or sys.executable
    command = [windowed_executable(program)] if frozen else [program, "-m", "regroup"]
    if not _is_default(data_dir):
        assert data_dir is not None
        command += ["--data-dir", str(data_dir.expanduser().absolute())]
    return [*command, MINIMIZED_FLAG]


def windowed_executable(executable: str) -> str:
    """Return the windowed Regroup.exe beside a frozen regroup-cli.exe, else ``executable``.

    A login item that ran the console program would open a terminal window at every login.
    """
    cut = max(executable.rfind("\\"), executable.rfind("/")) + 1
    if executable[cut:].lower() == CONSOLE_EXE:
        return executable[:cut] + WINDOWED_EXE
    return executable


def _exec_argument(argument: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry spec 1.5)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    escaped = escaped.replace("%", "%%")
    # The whole value is a string, whose own escape rule doubles each backslash again.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """Return the text of the XDG autostart file that runs ``command``."""
    exec_line = " ".join(_exec_argument(argument) for argument in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Regroup\n"
        "Comment=Keeps Regroup's check-in reminders running in the tray\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def windows_run_value(command: list[str]) -> str:
    """Return the command line stored under the HKCU Run key.

    The program is always quoted, as the installer writes its Regroup.exe path:
    a Windows path cannot hold a quote, and one form means one value to compare.
    """
    program, *arguments = command
    return " ".join([f'"{program}"', subprocess.list2cmdline(arguments)]).rstrip()


def launch_agent(label: str, command: list[str]) -> bytes:
    """Return the LaunchAgent property list that runs ``command`` at login."""
    import plistlib  # only macOS needs it; it costs start-up time elsewhere

    agent = {
        "Label": label,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)


def xdg_config_home() -> Path:
    """Return $XDG_CONFIG_HOME when it is an absolute path, else ~/.config."""
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data, mode=0o644)
    except OSError as exc:
        raise AutostartError(f"could not write {path}: {exc.strerror or exc}") from exc


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(f"could not remove {path}: {exc.strerror or exc}") from exc


class XdgAutostart:
    """Linux and other freedesktop systems: ~/.config/autostart/<id>.desktop."""

    def __init__(self, command: list[str], suffix: str = "", config_home: Path | None = None):
        self.command = command
        folder = (config_home or xdg_config_home()) / "autostart"
        self.path = folder / f"{APP_ID}{suffix}.desktop"

    def is_enabled(self) -> bool:
        """Return whether the autostart file exists (and was not hidden by the desktop)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        lines = {line.strip().replace(" ", "") for line in text.splitlines()}
        return "Hidden=true" not in lines and "X-GNOME-Autostart-enabled=false" not in lines

    def enable(self) -> None:
        """Write the autostart file."""
        _write(self.path, desktop_entry(self.command).encode())

    def disable(self) -> None:
        """Remove the autostart file."""
        _remove(self.path)


def runs_from_disk_image(program: str) -> bool:
    """Tell whether a macOS program runs from a mounted disk image or App Translocation.

    Gatekeeper runs an app opened from a download's folder or disk image from a random
    read-only path under /AppTranslocation/; neither that nor /Volumes/... is there at
    the next login, so a LaunchAgent pointing at it would fail silently.
    """
    return program.startswith("/Volumes/") or "/AppTranslocation/" in program


class MacLaunchAgent:
    """macOS: ~/Library/LaunchAgents/<label>.plist, read by launchd at the next login."""

    def __init__(self, command: list[str], suffix: str = "", home: Path | None = None):
        self.command = command
        self.label = f"{APP_ID}{suffix}"
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{self.label}.plist"

    def is_enabled(self) -> bool:
        """Return whether the agent file exists."""
        return self.path.is_file()

    def enable(self) -> None:
        """Write the agent file, unless the app runs from where it will not be at login."""
        if runs_from_disk_image(self.command[0]):
            raise AutostartError(DISK_IMAGE_HINT)
        _write(self.path, launch_agent(self.label, self.command))

    def disable(self) -> None:
        """Remove the agent file."""
        _remove(self.path)


def _winreg() -> Any:
    import importlib

    return importlib.import_module("winreg")


class WindowsRunAutostart:
    """Windows: a value under the current user's Run key (``RUN_KEY``).

    ``registry`` is the ``winreg`` module, or a stand-in with its names (tests).
    """

    def __init__(self, command: list[str], suffix: str = "", registry: Any = None):
        self.command = command
        self.name = f"{RUN_VALUE}{suffix}"
        self._registry = registry

    @property
    def registry(self) -> Any:
        """The ``winreg`` module, imported on first use (it exists only on Windows)."""
        if self._registry is None:
            self._registry = _winreg()
        return self._registry

    def run_value(self) -> str | None:
        """Return the command line stored in the Run value, or None when there is none."""
        winreg = self.registry
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, self.name)
        except OSError:
            return None
        return str(value)

    def is_enabled(self) -> bool:
        """Return whether the Run value exists (written by Settings or by the installer)."""
        return self.run_value() is not None

    def enable(self) -> None:
        """Set the Run value to the launch command."""
        winreg = self.registry
        value = windows_run_value(self.command)
        try:
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.SetValueEx(key, self.name, 0, winreg.REG_SZ, value)
        except OSError as exc:
            raise AutostartError(f"could not set the Run value: {exc}") from exc

    def disable(self) -> None:
        """Delete the Run value, if it is there."""
        winreg = self.registry
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, self.name)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AutostartError(f"could not remove the Run value: {exc}") from exc


def for_platform(data_dir: Path | None, platform: str | None = None) -> Autostart:
    """Return start at login for this OS and profile."""
    platform = platform or sys.platform
    command = launch_command(data_dir)
    suffix = profile_suffix(data_dir)
    if platform == "win32":
        return WindowsRunAutostart(command, suffix)
    if platform == "darwin":
        return MacLaunchAgent(command, suffix)
    return XdgAutostart(command, suffix)
