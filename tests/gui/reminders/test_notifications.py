"""Notices reach the person: a real notification daemon, else the tray, else a toast."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from regroup.core.checkins.notices import CHECKIN_READY, TITLE, Notice, Target
from regroup.gui.kit.resources import app_icon
from regroup.gui.reminders.banner_notifier import OPEN, NoticeBanner
from regroup.gui.reminders.dbus_notifier import DbusActionNotifier, SentNotices
from regroup.gui.reminders.notifier import Channel, Notifier
from regroup.gui.reminders.os_notifier import (
    FirstThatWorks,
    NotificationError,
    PlyerNotifier,
    default_desktop_notifier,
    desktop_notifier_for,
)
from tests.conftest import UNREACHABLE_BUS
from tests.gui.conftest import toast_button, toast_text
from tests.support.deliver_notice import a_due_check_in_notice
from tests.support.notification_server import (
    close_all_and_read_history,
    name_has_owner,
    notification_count,
)
from tests.support.session_bus import SessionBus, missing_programs
from tests.support.xserver import background, xvfb

NOTIFICATIONS = "org.freedesktop.Notifications"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("the pages"))
    qtbot.addWidget(window)
    return window


class Failing:
    def notify(self, notice: Notice) -> None:
        raise RuntimeError("the notification backend exploded")


class Clicking(QObject):
    """A desktop notifier that shows everything and reports clicks, like the D-Bus one."""

    activated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Notice] = []

    def notify(self, notice: Notice) -> None:
        self.shown.append(notice)


def test_the_notice_of_a_check_in_is_generic() -> None:
    notice = a_due_check_in_notice()
    assert (notice.title, notice.message) == (TITLE, CHECKIN_READY)
    assert (notice.target, notice.item_id) == (Target.CHECKINS, 41)


def test_without_a_session_bus_the_toast_waits_for_the_window(
    qtbot: QtBot,
    window: QMainWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", UNREACHABLE_BUS)
    notifier = Notifier(PlyerNotifier(), tray=lambda: None)
    banner = NoticeBanner(window, notifier)
    clicked: list[Notice] = []
    notifier.clicked.connect(clicked.append)
    notice = a_due_check_in_notice()
    with caplog.at_level(logging.WARNING):
        assert notifier.deliver(notice) is Channel.BANNER
    assert "desktop notification failed" in caplog.text
    assert banner.toast is None and notifier.has_pending()
    with qtbot.waitExposed(window):
        window.show()
    assert toast_text(banner.toast) == CHECKIN_READY and banner.toast.isVisible()
    assert not notifier.has_pending()
    toast_button(banner.toast, OPEN).click()
    assert clicked == [notice]
    assert banner.toast is None


def test_a_notice_while_the_window_is_open_shows_at_once(qtbot: QtBot, window: QMainWindow) -> None:
    notifier = Notifier(Failing(), tray=lambda: None)
    banner = NoticeBanner(window, notifier)
    with qtbot.waitExposed(window):
        window.show()
    assert notifier.deliver(Notice(CHECKIN_READY, Target.CHECKINS)) is Channel.BANNER
    assert banner.toast is not None and banner.toast.isVisible()


def test_a_bus_with_no_notification_server_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", UNREACHABLE_BUS)
    with pytest.raises(NotificationError):
        PlyerNotifier().notify(Notice(CHECKIN_READY, Target.CHECKINS))


def test_the_first_desktop_notifier_that_works_shows_it_and_its_clicks_open_it() -> None:
    clicking = Clicking()
    notifier = Notifier(FirstThatWorks([Failing(), clicking, Failing()]), tray=lambda: None)
    clicked: list[Notice] = []
    notifier.clicked.connect(clicked.append)
    notice = a_due_check_in_notice()
    assert notifier.deliver(notice) is Channel.DESKTOP
    assert clicking.shown == [notice]
    clicking.activated.emit(notice)
    assert clicked == [notice]


class FakeTray(QObject):
    """A visible tray icon that keeps the messages it was asked to show."""

    messageClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str, QIcon, int]] = []
        self._icon = app_icon()

    def isVisible(self) -> bool:
        return True

    def supportsMessages(self) -> bool:
        return True

    def icon(self) -> QIcon:
        return self._icon

    def showMessage(self, title: str, message: str, icon: QIcon, msecs: int) -> None:
        self.messages.append((title, message, icon, msecs))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_on_windows_and_macos_the_tray_message_is_the_notification_and_its_click_opens_it(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = FakeTray()
    notifier = Notifier(desktop_notifier_for(platform), tray=lambda: tray)  # type: ignore[arg-type,return-value]
    clicked: list[Notice] = []
    notifier.clicked.connect(clicked.append)
    notice = a_due_check_in_notice()
    assert notifier.deliver(notice) is Channel.TRAY
    [(title, message, icon, _msecs)] = tray.messages
    assert (title, message) == (notice.title, notice.message)
    assert icon.cacheKey() == tray.icon().cacheKey()  # Regroup's own icon, not a generic one
    tray.messageClicked.emit()
    assert clicked == [notice]


def test_when_every_desktop_notifier_fails_the_error_names_each() -> None:
    with pytest.raises(NotificationError, match=r"^Failing: .*exploded; Failing: .*exploded$"):
        FirstThatWorks([Failing(), Failing()]).notify(a_due_check_in_notice())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the D-Bus notifier is Linux's")
def test_on_linux_the_bus_comes_first_and_plyer_second() -> None:
    chain = default_desktop_notifier()
    assert [type(notifier) for notifier in chain.notifiers] == [DbusActionNotifier, PlyerNotifier]
    dbus = chain.notifiers[0]
    assert isinstance(dbus, DbusActionNotifier)
    assert dbus.app_name == "Regroup"
    assert dbus.app_icon.startswith("file:///") and dbus.app_icon.endswith("/icons/regroup.svg")


def test_without_a_session_bus_both_desktop_notifiers_fail_and_the_toast_waits(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", UNREACHABLE_BUS)
    notifier = Notifier(default_desktop_notifier(), tray=lambda: None)
    with caplog.at_level(logging.INFO):
        assert notifier.deliver(a_due_check_in_notice()) is Channel.BANNER
    assert "DbusActionNotifier failed: the session bus cannot be reached" in caplog.text
    assert "PlyerNotifier failed" in caplog.text
    assert notifier.has_pending()


def test_a_bus_whose_notification_server_cannot_run_refuses_the_notice() -> None:
    # The test bus can start dunst on demand, which dies without a display: the
    # error comes back from the bus, and plyer is tried next (see above).
    assert not name_has_owner(NOTIFICATIONS)
    dbus = DbusActionNotifier()
    try:
        with pytest.raises(NotificationError, match=r"^\[org\.freedesktop\.DBus\.Error\."):
            dbus.notify(a_due_check_in_notice())
    finally:
        dbus.close()


def test_a_click_counts_only_from_the_server_that_gave_the_id() -> None:
    sent = SentNotices(size=2)
    first, second, third = (Notice(CHECKIN_READY, Target.CHECKINS, n) for n in (1, 2, 3))
    sent.remember(":1.7", 1, first)
    assert sent.clicked(":1.7", 1) == first
    assert sent.clicked(":1.8", 1) is None
    assert sent.clicked(":1.7", 2) is None
    sent.closed(":1.7", 1)
    assert sent.clicked(":1.7", 1) is None
    sent.remember(":1.7", 1, first)
    sent.remember(":1.7", 2, second)
    sent.remember(":1.7", 3, third)
    assert sent.clicked(":1.7", 1) is None
    assert (sent.clicked(":1.7", 2), sent.clicked(":1.7", 3)) == (second, third)


@pytest.fixture
def dunst(session_bus: SessionBus) -> Iterator[None]:
    """A real notification daemon (dunst) on the test bus, drawing on its own Xvfb."""
    missing = missing_programs("Xvfb", "dunst")
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run 'make test' as root")
    assert not name_has_owner(NOTIFICATIONS)
    with xvfb() as display:
        env = {**os.environ, **session_bus.env, "DISPLAY": display}
        with background(["dunst"], env):
            session_bus.wait_for_name(NOTIFICATIONS)
            yield
    for _ in range(100):
        if not name_has_owner(NOTIFICATIONS):
            break
        time.sleep(0.05)
    assert not name_has_owner(NOTIFICATIONS)


@pytest.mark.integration
@pytest.mark.usefixtures("dunst")
def test_a_due_check_in_reaches_a_real_notification_daemon_once() -> None:
    sent = subprocess.run(
        [sys.executable, "-m", "tests.support.deliver_notice"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip() == Channel.DESKTOP.value, sent.stderr
    assert notification_count() == 1
    assert close_all_and_read_history() == [
        {"summary": TITLE, "body": CHECKIN_READY, "appname": "Regroup"}
    ]


@pytest.mark.integration
@pytest.mark.usefixtures("dunst")
def test_a_saved_debriefs_check_in_reaches_the_daemon_once_with_the_generic_text(
    tmp_path: Path,
) -> None:
    sent = subprocess.run(
        [sys.executable, "-m", "tests.support.deliver_notice", "--profile", str(tmp_path / "p")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.split() == [Channel.DESKTOP.value, "again:0"], sent.stderr
    assert notification_count() == 1
    assert close_all_and_read_history() == [
        {"summary": TITLE, "body": CHECKIN_READY, "appname": "Regroup"}
    ]


@pytest.mark.integration
@pytest.mark.usefixtures("dunst")
def test_a_click_on_the_desktop_notification_opens_its_check_in(
    tmp_path: Path, session_bus: SessionBus
) -> None:
    probe = subprocess.Popen(
        [sys.executable, "-m", "tests.support.click_probe", str(tmp_path / "p")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert probe.stdout is not None
        assert probe.stdout.readline().strip() == f"sent:{Channel.DESKTOP.value}"
        assert notification_count() == 1
        click = subprocess.run(
            ["dunstctl", "action", "0"],
            env={**os.environ, **session_bus.env},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert click.returncode == 0, click.stderr
        out, err = probe.communicate(timeout=60)
    finally:
        if probe.poll() is None:
            probe.kill()
            probe.communicate()
    assert probe.returncode == 0, err
    lines = dict(line.split(":", 1) for line in out.split())
    target, item_id = lines["clicked"].split(":")
    assert target == Target.CHECKINS.value and item_id != "None"
    assert lines["page"] == "checkins"
    assert lines["form"] == item_id
    assert close_all_and_read_history() == [
        {"summary": TITLE, "body": CHECKIN_READY, "appname": "Regroup"}
    ]
