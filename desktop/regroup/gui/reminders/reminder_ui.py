"""The parts of the window that reminders use: the tray, the notifier, its banner, the timer.

The tray, the notifier and the banner are there from the start. The reminder service
and its timer start a moment after the window (``REMINDER_START_MS``), so start-up
never waits for them: they then feed notices to ``notifier.deliver``, answer the
tray's pause items, and tell the tray and the Check-ins page when check-ins changed.
The reminder and start-at-login settings are one Settings section, built when Settings is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from regroup.core.checkins.notices import Notice, Target
from regroup.core.system.autostart import Autostart, for_platform
from regroup.gui.kit.page import NEW
from regroup.gui.kit.settings_sections import REMINDERS, SettingsSection
from regroup.gui.reminders.banner_notifier import NoticeBanner
from regroup.gui.reminders.notifier import Notifier
from regroup.gui.reminders.notifier_types import DesktopNotifier
from regroup.gui.reminders.os_notifier import default_desktop_notifier
from regroup.gui.reminders.tray import OnceFlags, SettingsOnceFlags, Tray
from regroup.gui.single_instance import bring_to_front

if TYPE_CHECKING:
    from regroup.core.clock import ReminderClock
    from regroup.gui.main_window import MainWindow
    from regroup.gui.reminders.driver import ReminderDriver
    from regroup.gui.reminders.settings_section import ReminderSettingsBox
    from regroup.gui.settings.autostart_section import AutostartBox

REMINDER_START_MS = 400
"""The first reminder check comes this long after the window, not before it."""


@dataclass
class ReminderUi:
    """What ``install_reminder_ui`` built.

    ``driver`` comes with :meth:`start_reminders`, once the window is up; the
    settings box (with start-at-login inside it) once Settings is built.
    """

    tray: Tray
    notifier: Notifier
    banner: NoticeBanner
    window: MainWindow
    autostart: Autostart
    clock: ReminderClock | None = None
    driver: ReminderDriver | None = None
    settings_box: ReminderSettingsBox | None = None
    autostart_box: AutostartBox | None = None

    def in_tray(self) -> bool:
        """Return whether the icon is in a tray that can bring the window back."""
        return self.tray.icon.isVisible() and Tray.available()

    def paused_until(self) -> datetime | None:
        """Return the end of a reminder pause, once the service runs."""
        return self.driver.service.paused_until() if self.driver is not None else None

    def start_reminders(self) -> ReminderDriver | None:
        """Start the reminder service and its timer (once)."""
        if self.driver is not None:
            return self.driver
        from regroup.gui.reminders.driver import ReminderDriver

        profile = self.window.profile
        driver = ReminderDriver(profile.reminders, self.notifier, self.clock, self.window)
        self.driver = driver
        driver.checked.connect(lambda _result: self.refresh_views())
        driver.start()
        return driver

    def sections(self) -> list[SettingsSection]:
        """Return the Settings section of reminders: when, how often, and at login."""
        return [SettingsSection("reminders", REMINDERS, self._reminder_box)]

    def _reminder_box(self) -> ReminderSettingsBox:
        from regroup.gui.reminders.settings_section import ReminderSettingsBox
        from regroup.gui.settings.autostart_section import AutostartBox

        profile = self.window.profile
        self.autostart_box = AutostartBox(self.autostart)
        box = ReminderSettingsBox(profile.reminders, profile.settings, self.autostart_box)
        box.changed.connect(self._settings_changed)
        self.settings_box = box
        return box

    def _settings_changed(self) -> None:
        if self.driver is not None:
            self.driver.timer.tick()
        self.tray.refresh()

    def pause(self, pause: object) -> None:
        """The tray asked for a pause (it works even before the first check)."""
        driver = self.start_reminders()
        if driver is not None:
            driver.pause(pause)
            self._paused()

    def resume(self) -> None:
        """The tray asked to end a pause: what it held back comes now."""
        driver = self.start_reminders()
        if driver is not None:
            driver.resume()
            self._paused()

    def _paused(self) -> None:
        self.tray.refresh()
        if self.settings_box is not None:
            self.settings_box.refresh_pause()

    def refresh_views(self) -> None:
        """A check changed check-ins: update the tray and a Check-ins page on show."""
        self.tray.refresh()
        self.window.events.checkins_changed.emit()


def _tray_icon(tray: Tray) -> QSystemTrayIcon | None:
    return tray.icon if tray.icon.isVisible() else None


def open_notice(window: MainWindow, notice: Notice) -> None:
    """Bring the window forward on the page the notice is about, and its check-in."""
    bring_to_front(window)
    window.show_page(notice.target.value)
    window.open(notice.target.value, notice.item_id)


def _new_entry(window: MainWindow) -> None:
    """The tray's "New entry": the Diary, on a new entry once the open one is saved."""
    window.show_page(Target.DIARY.value)
    window.open(Target.DIARY.value, NEW)


def install_reminder_ui(
    app: QApplication,
    window: MainWindow,
    data_dir: Path,
    flags: OnceFlags | None = None,
    desktop: DesktopNotifier | None = None,
    autostart: Autostart | None = None,
    clock: ReminderClock | None = None,
    start_delay_ms: int | None = REMINDER_START_MS,
) -> ReminderUi:
    """Give ``window`` a tray icon, a notifier, a banner for notices and two settings.

    Reminders start ``start_delay_ms`` later (None: when the caller calls
    ``start_reminders``); the tray counts the check-ins waiting.
    """
    profile = window.profile
    tray = Tray(window, flags or SettingsOnceFlags(profile.settings), parent=app)
    tray.due_count = profile.checkins.waiting_count
    tray.show()
    tray.quit_requested.connect(app.quit)
    tray.new_entry_requested.connect(lambda: _new_entry(window))
    tray.checkins_requested.connect(lambda: open_notice(window, Notice("", Target.CHECKINS)))
    notifier = Notifier(desktop or default_desktop_notifier(), lambda: _tray_icon(tray), parent=app)
    notifier.clicked.connect(lambda notice: open_notice(window, notice))
    banner = NoticeBanner(window, notifier)
    ui = ReminderUi(tray, notifier, banner, window, autostart or for_platform(data_dir), clock)
    for section in ui.sections():
        window.settings_sections.add(section)
    tray.paused_until = ui.paused_until
    tray.pause_requested.connect(ui.pause)
    tray.resume_requested.connect(ui.resume)
    if start_delay_ms is not None:
        QTimer.singleShot(start_delay_ms, window, ui.start_reminders)
    return ui
