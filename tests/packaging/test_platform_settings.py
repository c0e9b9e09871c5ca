"""The spec's Windows and macOS choices, read on any OS from packaging/platform_settings.py."""

from __future__ import annotations

import importlib.util
import plistlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from regroup import __version__
from regroup.core.system.autostart import APP_ID, CONSOLE_EXE, WINDOWED_EXE

ROOT = Path(__file__).resolve().parent.parent.parent


def _load_settings_module() -> ModuleType:
    name = "packaging_platform_settings"
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / "platform_settings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up, as in the spec
    spec.loader.exec_module(module)
    return module


settings = _load_settings_module()


def test_windows_builds_a_windowed_regroup_and_a_console_twin() -> None:
    win = settings.settings_for("win32")
    programs = {f"{program.name}.exe": program.console for program in win.executables}
    assert programs == {WINDOWED_EXE: False, CONSOLE_EXE: True}
    assert win.icon_file == "regroup.ico"
    assert (win.target_arch, win.strip, win.app_bundle) == (None, False, False)


def test_macos_builds_a_windowed_arm64_app() -> None:
    mac = settings.settings_for("darwin")
    assert [(program.name, program.console) for program in mac.executables] == [("regroup", False)]
    assert mac.icon_file == "regroup.icns"
    assert (mac.target_arch, mac.strip, mac.app_bundle) == ("arm64", False, True)


def test_linux_keeps_its_one_stripped_console_program() -> None:
    linux = settings.settings_for("linux")
    assert [(program.name, program.console) for program in linux.executables] == [("regroup", True)]
    assert (linux.icon_file, linux.target_arch, linux.strip, linux.app_bundle) == (
        None,
        None,
        True,
        False,
    )


def test_the_info_plist_reads_back_as_a_foreground_macos_13_app(tmp_path: Path) -> None:
    path = tmp_path / "Info.plist"
    path.write_bytes(plistlib.dumps(settings.info_plist(__version__), fmt=plistlib.FMT_XML))
    info = plistlib.loads(path.read_bytes())
    assert info["LSBackgroundOnly"] is False
    assert info["LSMinimumSystemVersion"] == "13.0"
    assert info["LSArchitecturePriority"] == ["arm64"]
    assert info["CFBundleIdentifier"] == APP_ID == settings.BUNDLE_ID
    assert info["CFBundleShortVersionString"] == __version__
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == "Regroup"
    assert info["NSHighResolutionCapable"] is True


@pytest.mark.parametrize(
    ("version", "bundle_version"),
    [("0.1.0", "0.1.0"), ("1.2.0rc1", "1.2.0"), ("2.0", "2.0"), ("1.2.3.4", "1.2.3"), ("x", "0")],
)
def test_the_bundle_version_is_numbers_only(version: str, bundle_version: str) -> None:
    assert settings.info_plist(version)["CFBundleVersion"] == bundle_version


def test_the_icons_the_spec_names_are_the_ones_packaging_icons_writes() -> None:
    icons = (ROOT / "packaging" / "icons.py").read_text()
    for platform in ("win32", "darwin"):
        assert f'"{settings.settings_for(platform).icon_file}"' in icons
