"""What Regroup picks on each OS, asked with the platform's name so all three run here.

Only Linux builds are run on the developers' machines: these choices are what the
Windows and macOS builds rely on, checked without pretending to be those systems.
"""

from __future__ import annotations

import pytest

from regroup.bundle_check import (
    DYNAMIC_IMPORTS,
    TRAY_MESSAGE,
    native_modules,
    notification_report,
)
from regroup.core.keys.keystore import native_keyring_module
from regroup.core.system.autostart import (
    MacLaunchAgent,
    WindowsRunAutostart,
    XdgAutostart,
    for_platform,
)
from regroup.gui.reminders.dbus_notifier import DbusActionNotifier
from regroup.gui.reminders.os_notifier import PlyerNotifier, desktop_notifier_for

EXPECTED = {
    "win32": ("keyring.backends.Windows", WindowsRunAutostart),
    "darwin": ("keyring.backends.macOS", MacLaunchAgent),
    "linux": ("keyring.backends.SecretService", XdgAutostart),
}


@pytest.mark.parametrize("platform", sorted(EXPECTED))
def test_each_os_gets_its_keyring_and_start_at_login(platform: str) -> None:
    keyring_module, autostart_kind = EXPECTED[platform]
    assert native_keyring_module(platform) == keyring_module
    assert isinstance(for_platform(None, platform), autostart_kind)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_notify_with_the_tray_message_only(platform: str) -> None:
    # No OS notifier at all: Notifier goes to the tray's message first, not after plyer.
    assert desktop_notifier_for(platform) is None


def test_linux_notifies_over_d_bus_then_plyer() -> None:
    chain = desktop_notifier_for("linux")
    assert chain is not None
    assert [type(notifier) for notifier in chain.notifiers] == [DbusActionNotifier, PlyerNotifier]


def test_other_freedesktop_systems_keep_plyer() -> None:
    chain = desktop_notifier_for("freebsd14")
    assert chain is not None
    assert [type(notifier) for notifier in chain.notifiers] == [PlyerNotifier]
    assert native_keyring_module("freebsd14") == "keyring.backends.SecretService"


def test_the_bundle_self_check_imports_each_oss_own_modules() -> None:
    assert native_modules("win32") == ("keyring.backends.Windows",)
    assert native_modules("darwin") == ("keyring.backends.macOS",)
    assert native_modules("linux") == (
        "plyer.platforms.linux.notification",
        "keyring.backends.SecretService",
        "regroup.gui.reminders.dbus_notifier",
        "jeepney.io.blocking",
    )
    assert not any("plyer" in name for name in native_modules("win32") + native_modules("darwin"))


@pytest.mark.parametrize("platform", sorted(EXPECTED))
def test_the_bundle_carries_each_oss_keyring_and_plyer_module(platform: str) -> None:
    bundled = set(DYNAMIC_IMPORTS)
    assert native_keyring_module(platform) in bundled
    assert {name for name in native_modules(platform) if "plyer" in name} <= bundled


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_the_self_check_reports_the_tray_message_on_windows_and_macos(platform: str) -> None:
    assert notification_report(platform) == {"implementation": TRAY_MESSAGE, "warnings": []}
