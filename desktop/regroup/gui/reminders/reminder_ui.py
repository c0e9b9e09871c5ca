"""The parts of the window that reminders use: the tray, the notifier, its banner, the timer.

The tray, the notifier and the banner are there from the start. The reminder service
and its timer start a moment after the window (``REMINDER_START_MS``), so start-up
never waits for them: they then feed notices to ``notifier.deliver``, answer the
tray's pause items, and refresh the tray, the Check-ins page and Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon, QVBoxLayout

from regroup.core.checkins.notices import Notice, Target
from regroup.core.system.autostart import Autostart, for_platform
from regroup.gui.reminders.banner_notifier import NoticeBanner
from regroup.gui.reminders.notifier import Notifier
from regroup.gui.reminders.os_notifier import DesktopNotifier, default_desktop_notifier
from regroup.gui.reminders.tray import OnceFlags, QSettingsOnceFlags, SettingsOnceFlags, Tray
from regroup.gui.settings.autostart_section import AutostartBox
from regroup.gui.settings.page import SettingsPage
from regroup.gui.single_instance import bring_to_front, instance_key

if TYPE_CHECKING:
    from regroup.core.clock import ReminderClock
    from regroup.core.profile import Profile
    from regroup.gui.reminders.driver import ReminderDriver
    from regroup.gui.reminders.settings_section import ReminderSettingsBox

REMINDER_START_MS = 400
"""The first reminder check comes this long after the window, not before it."""


@dataclass
class ReminderUi:
    """What ``install_reminder_ui`` built.

    ``driver`` and ``settings_box`` come with :meth:`start_reminders`, once the window is up.
    """

    tray: Tray
    notifier: Notifier
    banner: NoticeBanner
    autostart_box: AutostartBox | None
    window: QMainWindow | None = None
    profile: Profile | None = None
    clock: ReminderClock | None = None
    driver: ReminderDriver | None = None
    settings_box: ReminderSettingsBox | None = None

    def in_tray(self) -> bool:
        """Return whether the icon is in a tray that can bring the window back."""
        return self.tray.icon.isVisible() and Tray.available()

    def paused_until(self) -> datetime | None:
        """Return the end of a reminder pause, once the service runs."""
        return self.driver.service.paused_until() if self.driver is not None else None

    def start_reminders(self) -> ReminderDriver | None:
        """Start the reminder service and its timer, and add their settings (once)."""
        if self.driver is not None or self.profile is None or self.window is None:
            return self.driver
        from regroup.gui.reminders.driver import ReminderDriver
        from regroup.gui.reminders.settings_section import ReminderSettingsBox

        window = self.window
        driver = ReminderDriver(self.profile.reminders, self.notifier, self.clock, window)
        self.driver = driver
        driver.checked.connect(lambda _result: self.refresh_views())
        page = window.findChild(SettingsPage)
        layout = page.layout() if page is not None else None
        if isinstance(layout, QVBoxLayout):
            box = ReminderSettingsBox(self.profile.reminders, self.profile.settings)
            box.changed.connect(driver.timer.tick)
            box.changed.connect(self.tray.refresh)
            layout.insertWidget(max(0, layout.count() - 3), box)
            self.settings_box = box
        driver.start()
        return driver

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
        page = getattr(self.window, "checkins_page", None)
        if page is not None and page.isVisible():
            page.refresh()


def _tray_icon(tray: Tray) -> QSystemTrayIcon | None:
    return tray.icon if tray.icon.isVisible() else None


def open_notice(window: QMainWindow, notice: Notice) -> None:
    """Bring the window forward on the page the notice is about, and its check-in."""
    bring_to_front(window)
    show_page = getattr(window, "show_page", None)
    if callable(show_page):
        show_page(notice.target.value)
    ensure_page = getattr(window, "ensure_page", None)
    if callable(ensure_page):
        ensure_page(notice.target.value)
    page = getattr(window, "checkins_page", None)
    if notice.target is not Target.CHECKINS or page is None:
        return
    if notice.item_id is None or not page.open_checkin(notice.item_id):
        page.open_first_waiting()


def _new_entry(window: QMainWindow) -> None:
    show_page = getattr(window, "show_page", None)
    if callable(show_page):
        show_page(Target.DIARY.value)
    ensure_page = getattr(window, "ensure_page", None)
    if callable(ensure_page):
        ensure_page(Target.DIARY.value)
    page = getattr(window, "diary_page", None)
    if page is not None:
        page.new_entry()


def add_autostart_setting(window: QMainWindow, autostart: Autostart) -> AutostartBox | None:
    """Put the start-at-login check box on the Settings page, above its version line."""
    page = window.findChild(SettingsPage)
    layout = page.layout() if page is not None else None
    if not isinstance(layout, QVBoxLayout):
        return None
    box = AutostartBox(autostart)
    layout.insertWidget(max(0, layout.count() - 2), box)
    return box


def install_reminder_ui(
    app: QApplication,
    window: QMainWindow,
    data_dir: Path,
    flags: OnceFlags | None = None,
    desktop: DesktopNotifier | None = None,
    autostart: Autostart | None = None,
    clock: ReminderClock | None = None,
    start_delay_ms: int | None = REMINDER_START_MS,
) -> ReminderUi:
    """Give ``window`` a tray icon, a notifier, a banner for notices and the login setting.

    With the window's profile, reminders start ``start_delay_ms`` later (None: when
    the caller calls ``start_reminders``); the tray counts the check-ins waiting.
    """
    profile: Profile | None = getattr(window, "profile", None)
    if flags is None:
        flags = (
            SettingsOnceFlags(profile.settings)
            if profile is not None
            else QSettingsOnceFlags(f"profile-{instance_key(data_dir)}")
        )
    tray = Tray(window, flags, parent=app)
    if profile is not None:
        tray.due_count = profile.checkins.waiting_count
    tray.show()
    tray.quit_requested.connect(app.quit)
    tray.new_entry_requested.connect(lambda: _new_entry(window))
    tray.checkins_requested.connect(lambda: open_notice(window, Notice("", Target.CHECKINS)))
    notifier = Notifier(desktop or default_desktop_notifier(), lambda: _tray_icon(tray), parent=app)
    notifier.clicked.connect(lambda notice: open_notice(window, notice))
    banner = NoticeBanner(window, notifier)
    box = add_autostart_setting(window, autostart or for_platform(data_dir))
    ui = ReminderUi(tray, notifier, banner, box, window, profile, clock)
    tray.paused_until = ui.paused_until
    tray.pause_requested.connect(ui.pause)
    tray.resume_requested.connect(ui.resume)
    if start_delay_ms is not None:
        QTimer.singleShot(start_delay_ms, window, ui.start_reminders)
    return ui
