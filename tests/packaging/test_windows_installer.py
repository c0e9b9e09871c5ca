"""The Windows installer and the app speak of the same Run value and the same mutex.

Inno Setup only runs on Windows; these read packaging/windows/regroup.iss as text
and hold it to the names the app uses (regroup.core.system).
"""

from __future__ import annotations

import re
from pathlib import Path

from regroup.core.system.app_mutex import APP_MUTEX, APP_MUTEX_NAMES
from regroup.core.system.autostart import (
    RUN_KEY,
    RUN_VALUE,
    launch_command,
    windows_run_value,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = (ROOT / "packaging" / "windows" / "regroup.iss").read_text(encoding="utf-8")


def defined(name: str) -> str:
    """The value of an ISPP ``#define name "value"``."""
    match = re.search(rf'^#define {name} "([^"]*)"$', SCRIPT, re.MULTILINE)
    assert match is not None, f"no #define {name}"
    return match.group(1)


def expand(text: str) -> str:
    """Put the script's own #defines into ``text``, as ISPP does."""
    return re.sub(r"\{#(\w+)\}", lambda match: defined(match.group(1)), text)


def section(name: str) -> list[str]:
    """The entry lines of one [Section], comments left out."""
    body = SCRIPT.split(f"\n[{name}]\n", 1)[1].split("\n[", 1)[0]
    return [line for line in body.splitlines() if line.strip() and not line.startswith(";")]


def parameters(line: str) -> dict[str, str]:
    """An Inno Setup entry's ``Name: value;`` pairs, with quoted values unquoted."""
    found = {}
    for name, quoted, plain in re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))', line):
        found[name] = quoted.replace('""', '"') if quoted else plain.strip()
    return found


def test_start_at_login_is_the_run_value_settings_writes() -> None:
    [entry] = [parameters(line) for line in section("Registry")]
    assert entry["Root"] == "HKCU"
    assert expand(entry["Subkey"]) == RUN_KEY
    assert expand(entry["ValueName"]) == RUN_VALUE
    assert entry["ValueType"] == "string"
    assert entry["Tasks"] == "startatlogin"
    assert "uninsdeletevalue" in entry["Flags"].split()
    # What the app would write when run from the installed folder, even from the CLI.
    app_writes = windows_run_value(
        launch_command(None, frozen=True, executable=r"{app}\regroup-cli.exe")
    )
    assert entry["ValueData"] == app_writes == '"{app}\\Regroup.exe" --minimized'


def test_no_startup_folder_shortcut_is_left_as_a_second_way() -> None:
    assert "{userstartup}" not in SCRIPT and "{commonstartup}" not in SCRIPT


def test_setup_and_uninstall_ask_to_close_the_running_app() -> None:
    [line] = [line for line in section("Setup") if line.startswith("AppMutex=")]
    names = expand(line.removeprefix("AppMutex=")).split(",")
    assert tuple(names) == APP_MUTEX_NAMES
    assert names[0] == APP_MUTEX
