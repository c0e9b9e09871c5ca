"""While locked, reminders still come with their generic words, and wait for the unlock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from regroup.core.checkins.notices import CHECKIN_READY, Notice, Target
from regroup.core.debriefs.types import DebriefContent
from regroup.core.profile import Profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.lock.settings_box import PIN_SET, LockSettingsBox
from regroup.gui.reminders.reminder_ui import install_reminder_ui
from regroup.gui.settings.page import SettingsPage
from tests.gui.conftest import page_of, show_window
from tests.gui.modal import when_modal
from tests.support.tray_probe import Failing, MemoryFlags

PIN = "482913"
COMPANY = "Initech Careers"


class Recording:
    """A desktop notifier that keeps what it was asked to show."""

    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def notify(self, notice: Notice) -> None:
        self.shown.append(notice)


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_lock_now_in_the_tray_locks_the_window(qtbot: QtBot, profile: Profile) -> None:
    profile.settings.set_lock_pin(PIN)
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(_app(), window, profile.paths.root, MemoryFlags(), Failing())
    try:
        assert ui.tray.lock_action.text() == "Lock now"
        ui.tray.lock_action.trigger()
        assert window.app_lock.is_locked
        assert window.built_pages() == []
    finally:
        ui.tray.hide()


def test_a_check_in_due_while_locked_says_only_the_generic_words_and_opens_after_unlock(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    profile = clocked_profile
    profile.settings.set_lock_pin(PIN)
    content = DebriefContent(
        company=COMPANY, role="Analyst", news_on=dt.date(2026, 3, 15), mourning_days=2
    )
    record = profile.debriefs.create(content, draft=False).record
    assert record.checkin is not None
    window = show_window(qtbot, profile)
    desktop = Recording()
    ui = install_reminder_ui(
        _app(), window, profile.paths.root, MemoryFlags(), desktop, start_delay_ms=None
    )
    try:
        window.app_lock.lock_now()
        ui.start_reminders()
        qtbot.waitUntil(lambda: bool(desktop.shown))
        notice = desktop.shown[-1]
        assert notice == Notice(CHECKIN_READY, Target.CHECKINS, record.checkin.id)
        assert COMPANY not in notice.title + notice.message
        ui.notifier.clicked.emit(notice)  # the person clicks the notification
        assert window.app_lock.is_locked and window.isVisible()
        assert window.built("checkins") is None
        assert window.app_lock.unlock(PIN)
        assert window.current_page_key() == "checkins"
        checkins = page_of(window, "checkins", CheckinsPage)
        assert checkins.form.checkin_id == record.checkin.id
    finally:
        ui.tray.hide()


def test_settings_sets_a_pin_and_an_idle_time(qtbot: QtBot, profile: Profile) -> None:
    window = show_window(qtbot, profile)
    page_of(window, "settings", SettingsPage)
    box = window.app_lock.settings_box
    assert isinstance(box, LockSettingsBox)
    assert not box.idle_check.isEnabled()  # nothing could unlock yet

    def choose(dialog: QDialog) -> None:
        first, second = dialog.findChildren(QLineEdit)[:2]
        first.setText("1357")
        second.setText("1375")
        dialog.accept()  # not the same twice: the dialog stays and says so
        assert dialog.isVisible()
        second.setText("1357")
        dialog.accept()

    errors = when_modal(choose)
    box.set_pin_button.click()
    assert errors == []
    assert box.pin_label.text() == PIN_SET
    assert box.set_pin_button.text() == "Change PIN…"
    box.idle_check.setChecked(True)
    box.idle_minutes.setValue(20)
    box.idle_minutes.editingFinished.emit()
    assert profile.settings.lock_idle_minutes() == 20
    assert window.app_lock.watcher.timer.isActive()
    box.remove_pin_button.click()
    assert profile.settings.lock_pin() is None
    assert profile.settings.lock_idle_minutes() is None  # it could never be opened again
    assert not window.app_lock.watcher.timer.isActive()


def test_after_a_lock_took_settings_down_the_tray_pause_still_works(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.settings.set_lock_pin(PIN)
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(_app(), window, profile.paths.root, MemoryFlags(), Failing())
    try:
        window.show_page("settings")
        qtbot.waitUntil(lambda: ui.settings_box is not None)
        window.app_lock.lock_now()
        qtbot.waitUntil(lambda: ui.settings_box is None)
        ui.tray.pause_hour_action.trigger()
        assert profile.reminders.paused_until() is not None
        assert window.app_lock.unlock(PIN)
        qtbot.waitUntil(lambda: ui.settings_box is not None)  # Settings was on show: rebuilt
        assert "paused until" in ui.settings_box.pause_label.text()
    finally:
        ui.tray.hide()
