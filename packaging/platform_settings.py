"""What the PyInstaller spec decides per OS, as plain data that tests can read on any OS.

packaging/regroup.spec calls ``settings_for(sys.platform)`` and, on macOS,
``info_plist(version)``; tests/packaging/test_platform_settings.py checks the Windows
and macOS answers here, since only the Linux bundle is built and run on the
developers' machines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

BUNDLE_ID = "io.github.regroup.Regroup"
MACOS_MINIMUM = "13.0"
"""PySide6's macOS wheels need macOS 13 (Ventura) or later."""
MACOS_ARCH = "arm64"
"""Apple Silicon only: cffi and cryptography ship no universal2 (x86_64 + arm64) wheels."""


@dataclass(frozen=True)
class Executable:
    """One program PyInstaller writes: its name and whether it opens a console."""

    name: str
    console: bool


@dataclass(frozen=True)
class PlatformSettings:
    """The spec's choices for one OS."""

    executables: tuple[Executable, ...]
    icon_file: str | None
    target_arch: str | None
    strip: bool
    app_bundle: bool


def settings_for(platform: str) -> PlatformSettings:
    """Return the bundle's settings for ``platform`` (a ``sys.platform`` value).

    Windows: Regroup.exe opens no console window; regroup-cli.exe is the same app for
    terminals (and for the smoke tests, which read what it prints). macOS: windowed,
    else PyInstaller marks the app background-only (no Dock icon, no menu bar). Linux:
    one program, run from a terminal or from the desktop file alike.
    """
    if platform == "win32":
        return PlatformSettings(
            executables=(Executable("Regroup", False), Executable("regroup-cli", True)),
            icon_file="regroup.ico",
            target_arch=None,
            strip=False,
            app_bundle=False,
        )
    if platform == "darwin":
        return PlatformSettings(
            executables=(Executable("regroup", False),),
            icon_file="regroup.icns",
            target_arch=MACOS_ARCH,
            strip=False,
            app_bundle=True,
        )
    return PlatformSettings(
        executables=(Executable("regroup", True),),
        icon_file=None,
        target_arch=None,
        strip=platform.startswith("linux"),
        app_bundle=False,
    )


def bundle_version(version: str) -> str:
    """Return CFBundleVersion: at most three numbers, so "1.2.0rc1" becomes "1.2.0"."""
    match = re.match(r"\d+(\.\d+){0,2}", version)
    return match.group(0) if match else "0"


def info_plist(version: str) -> dict[str, Any]:
    """Return the keys the spec puts into Regroup.app's Info.plist.

    LSBackgroundOnly is set to False outright: PyInstaller sets it to True for a
    console program, and a background-only app shows no window, menu bar or Dock icon.
    """
    return {
        "CFBundleName": "Regroup",
        "CFBundleDisplayName": "Regroup",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": bundle_version(version),
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSArchitecturePriority": [MACOS_ARCH],
        "LSBackgroundOnly": False,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "Copyright The Regroup developers. GPL-3.0-or-later.",
    }
