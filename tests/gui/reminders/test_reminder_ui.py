"""The window with its tray, notifier and in-window toast, as the app puts them together."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.checkins.notices import CHECKIN_READY, WRITING_TIME, Notice, Target
from regroup.core.checkins.schedule import QuietHours
from regroup.core.debriefs.types import DebriefContent
from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile
from regroup.core.system.autostart import (
    DISK_IMAGE_HINT,
    Autostart,
    MacLaunchAgent,
    XdgAutostart,
)
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.reminders.banner_notifier import OPEN
from regroup.gui.reminders.notifier import Channel
from regroup.gui.reminders.reminder_ui import install_reminder_ui
from regroup.gui.reminders.tray import SettingsOnceFlags
from regroup.gui.settings.page import SettingsPage
from tests.gui.conftest import ManualClock, diary, page_of, show_window, toast_button, toast_text
from tests.support.tray_probe import Failing, MemoryFlags


@pytest.fixture
def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


def test_without_a_tray_a_notice_waits_in_the_window_and_opens_its_page(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        assert not ui.in_tray()
        assert ui.notifier.deliver(Notice(WRITING_TIME, Target.DIARY)) is Channel.BANNER
        assert toast_text(ui.banner.toast) == WRITING_TIME
        window.show_page("settings")
        toast_button(ui.banner.toast, OPEN).click()
        assert window.current_page_key() == "diary"
        assert ui.notifier.deliver(Notice(CHECKIN_READY, Target.CHECKINS)) is Channel.BANNER
        assert toast_text(ui.banner.toast) == CHECKIN_READY
    finally:
        ui.tray.hide()


def test_new_entry_from_the_tray_starts_an_empty_entry(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    profile.diary.add(EntryContent("an older entry"))
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        page = diary(window)
        assert page.editor.content().body == "an older entry"
        window.show_page("settings")
        ui.tray.new_entry_action.trigger()
        assert window.current_page_key() == "diary"
        assert page.editor.content().body == ""
    finally:
        ui.tray.hide()


def test_closing_the_window_without_a_tray_still_quits(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        app.setQuitOnLastWindowClosed(False)
        window.close()
        assert app.quitOnLastWindowClosed()
    finally:
        ui.tray.hide()
        app.setQuitOnLastWindowClosed(True)


def test_the_settings_page_switches_start_at_login_on_and_off(
    qtbot: QtBot, profile: Profile, app: QApplication, tmp_path: Path
) -> None:
    window = show_window(qtbot, profile)
    config = Path(os.environ["XDG_CONFIG_HOME"])
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        window.show_page("settings")
        box = ui.autostart_box
        assert box is not None and box.isVisible()
        assert not box.check.isChecked()
        box.check.click()
        entries = list((config / "autostart").glob("*.desktop"))
        assert len(entries) == 1
        text = entries[0].read_text(encoding="utf-8")
        assert f"--data-dir {profile.paths.root} --minimized" in text
        box.check.click()
        assert not entries[0].exists()
    finally:
        ui.tray.hide()


def _blocked_xdg(tmp_path: Path) -> tuple[Autostart, str]:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    return XdgAutostart(["regroup", "--minimized"], config_home=blocked), "could not write"


def _mac_disk_image(tmp_path: Path) -> tuple[Autostart, str]:
    program = "/Volumes/Regroup/Regroup.app/Contents/MacOS/regroup"
    return MacLaunchAgent([program, "--minimized"], home=tmp_path), DISK_IMAGE_HINT


@pytest.mark.parametrize("refusing", [_blocked_xdg, _mac_disk_image])
def test_a_start_at_login_that_cannot_be_written_says_so(
    qtbot: QtBot,
    profile: Profile,
    app: QApplication,
    tmp_path: Path,
    refusing: Callable[[Path], tuple[Autostart, str]],
) -> None:
    autostart, reason = refusing(tmp_path)
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing(), autostart)
    try:
        window.show_page("settings")
        box = ui.autostart_box
        assert box is not None
        box.check.click()
        assert not box.check.isChecked() and not autostart.is_enabled()
        assert box.error_label.isVisible()
        assert "Could not change this" in box.error_label.text()
        assert reason in box.error_label.text()
    finally:
        ui.tray.hide()


def test_reminders_and_start_at_login_join_settings_as_one_section_below_privacy(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(
        app, window, profile.paths.root, MemoryFlags(), Failing(), start_delay_ms=None
    )
    try:
        assert ui.settings_box is None and ui.autostart_box is None  # Settings not built yet
        window.show_page("settings")
        page = window.built("settings")
        assert isinstance(page, SettingsPage)
        shown = page.keys_in_order()
        places = [shown.index(key) for key in ("profile", "privacy", "reminders")]
        assert places == sorted(places)
        assert page.section("reminders") is ui.settings_box
        assert page.section("autostart") is None
        assert ui.settings_box is not None and ui.autostart_box is not None
        assert ui.settings_box.isAncestorOf(ui.autostart_box)
        assert ui.settings_box.title() == "Check-ins and reminders"
        assert ui.settings_box.days_spin.width() < ui.settings_box.width() // 3  # not stretched
    finally:
        ui.tray.hide()


@pytest.mark.integration
def test_start_at_login_starts_minimized(tmp_path: Path) -> None:
    data = str(tmp_path / "profile")
    init = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data, "init"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    run = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data, "--minimized"],
        env={**os.environ, "REGROUP_EXIT_WHEN_READY": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["regroup-ready", "regroup-diary-ready"]


class Recording:
    """A desktop notifier that keeps what it was asked to show."""

    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def notify(self, notice: Notice) -> None:
        self.shown.append(notice)


def _due_this_morning(profile: Profile) -> int:
    """A debrief whose check-in came due at 09:00 today (the clock stands at noon)."""
    content = DebriefContent(
        company="Acme", role="Analyst", news_on=dt.date(2026, 3, 15), mourning_days=3
    )
    record = profile.debriefs.create(content, draft=False).record
    assert record.checkin is not None
    return record.checkin.id


def test_a_due_check_in_reaches_the_notifier_generic_and_a_click_opens_it(
    qtbot: QtBot, clocked_profile: Profile, app: QApplication, clock: ManualClock
) -> None:
    checkin_id = _due_this_morning(clocked_profile)
    window = show_window(qtbot, clocked_profile)
    desktop = Recording()
    ui = install_reminder_ui(
        app, window, clocked_profile.paths.root, None, desktop, start_delay_ms=None
    )
    try:
        assert ui.driver is None
        ui.tray.refresh()
        assert ui.tray.checkins_action.text() == "Check-ins due (1)"
        driver = ui.start_reminders()
        assert driver is not None and ui.start_reminders() is driver
        qtbot.waitUntil(lambda: bool(desktop.shown))
        assert desktop.shown == [Notice(CHECKIN_READY, Target.CHECKINS, checkin_id)]
        assert "Acme" not in desktop.shown[0].message
        assert clocked_profile.checkins.get(checkin_id).delivered_at == clock.now()
        driver.check()
        assert len(desktop.shown) == 1
        ui.notifier.clicked.emit(desktop.shown[0])
        assert window.current_page_key() == "checkins"
        page = page_of(window, "checkins", CheckinsPage)
        assert page.form.checkin_id == checkin_id
        assert page.form.title_label.text() == "Acme — Analyst"
    finally:
        ui.tray.hide()


def test_the_tray_pauses_and_resumes_reminders_and_opens_the_waiting_check_in(
    qtbot: QtBot, clocked_profile: Profile, app: QApplication, clock: ManualClock
) -> None:
    checkin_id = _due_this_morning(clocked_profile)
    window = show_window(qtbot, clocked_profile)
    desktop = Recording()
    ui = install_reminder_ui(
        app, window, clocked_profile.paths.root, None, desktop, start_delay_ms=None
    )
    try:
        ui.tray.pause_hour_action.trigger()  # before the service runs: nothing is lost
        assert ui.driver is not None
        assert clocked_profile.reminders.paused_until() == clock.now() + dt.timedelta(hours=1)
        ui.driver.check()
        assert desktop.shown == []
        ui.tray.refresh()
        assert ui.tray.resume_action.isVisible()
        assert "paused until" in ui.tray.resume_action.text()
        window.page("settings")  # its reminder section is built with it
        assert ui.settings_box is not None
        assert "paused until" in ui.settings_box.pause_label.text()
        ui.tray.pause_tomorrow_action.trigger()
        assert clocked_profile.reminders.paused_until() is not None
        ui.tray.resume_action.trigger()
        assert clocked_profile.reminders.paused_until() is None
        assert desktop.shown == [Notice(CHECKIN_READY, Target.CHECKINS, checkin_id)]
        assert not ui.tray.resume_action.isVisible()
        window.show_page("settings")
        ui.tray.checkins_action.trigger()
        assert window.current_page_key() == "checkins"
        assert page_of(window, "checkins", CheckinsPage).form.checkin_id == checkin_id
    finally:
        ui.tray.hide()


def test_reminder_settings_are_stored_in_the_profile(
    qtbot: QtBot, clocked_profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, clocked_profile)
    ui = install_reminder_ui(
        app, window, clocked_profile.paths.root, None, Failing(), start_delay_ms=None
    )
    try:
        ui.start_reminders()
        window.show_page("settings")  # builds Settings with its sections
        box = ui.settings_box
        assert box is not None
        assert box.isVisible() and not box.daily_check.isChecked()
        assert box.days_spin.value() == 3
        box.daily_time.setTime(QTime(21, 30))
        box.daily_check.click()
        stored = clocked_profile.reminders.settings()
        assert stored.daily_at == dt.time(21, 30) and stored.daily_zone is None
        box.quiet_start.setTime(QTime(23, 0))
        box.quiet_end.setTime(QTime(7, 0))
        box.quiet_check.click()
        assert clocked_profile.reminders.settings().quiet_hours == QuietHours(
            dt.time(23, 0), dt.time(7, 0)
        )
        box.days_spin.setValue(5)
        box.days_spin.editingFinished.emit()
        assert clocked_profile.settings.default_mourning_days() == 5
        box.zone_combo.setCurrentText("Mars/Olympus_Mons")
        box.zone_combo.activated.emit(0)
        assert box.error_label.isVisible() and "time zone" in box.error_label.text()
        assert clocked_profile.reminders.settings().daily_zone is None
        box.zone_combo.setCurrentText("America/New_York")
        box.zone_combo.activated.emit(0)
        assert not box.error_label.isVisible()
        assert clocked_profile.reminders.settings().daily_zone == "America/New_York"
        box.daily_check.click()
        assert clocked_profile.reminders.settings().daily_at is None
        assert isinstance(ui.tray.flags, SettingsOnceFlags)
        ui.tray.flags.mark_said("something")
        assert clocked_profile.settings.get("once.something") == "1"
    finally:
        ui.tray.hide()
