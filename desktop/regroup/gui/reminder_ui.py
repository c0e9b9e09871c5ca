"""The parts of the window that reminders use: the tray, the notifier and its banner.

A reminder service (which needs the check-in tables) plugs in later: it feeds
notices to ``notifier.deliver``, gives the tray its ``due_count`` and listens to
``tray.pause_requested``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon, QVBoxLayout

from regroup.core.autostart import Autostart, for_platform
from regroup.core.notices import Notice, Target
from regroup.gui.autostart_box import AutostartBox
from regroup.gui.desktop_notifications import DesktopNotifier, PlyerNotifier
from regroup.gui.notice_banner import NoticeBanner
from regroup.gui.notifier import Notifier
from regroup.gui.settings_page import SettingsPage
from regroup.gui.single_instance import bring_to_front, instance_key
from regroup.gui.tray import OnceFlags, QSettingsOnceFlags, Tray


@dataclass
class ReminderUi:
    """What ``install_reminder_ui`` built."""

    tray: Tray
    notifier: Notifier
    banner: NoticeBanner
    autostart_box: AutostartBox | None

    def in_tray(self) -> bool:
        """Return whether the icon is in a tray that can bring the window back."""
        return self.tray.icon.isVisible() and Tray.available()


def _tray_icon(tray: Tray) -> QSystemTrayIcon | None:
    return tray.icon if tray.icon.isVisible() else None


def open_notice(window: QMainWindow, notice: Notice) -> None:
    """Bring the window forward on the page the notice is about."""
    bring_to_front(window)
    show_page = getattr(window, "show_page", None)
    if callable(show_page):
        show_page(notice.target.value)


def _new_entry(window: QMainWindow) -> None:
    show_page = getattr(window, "show_page", None)
    if callable(show_page):
        show_page(Target.DIARY.value)
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
) -> ReminderUi:
    """Give ``window`` a tray icon, a notifier, a banner for notices and the login setting."""
    tray = Tray(
        window, flags or QSettingsOnceFlags(f"profile-{instance_key(data_dir)}"), parent=app
    )
    tray.show()
    tray.quit_requested.connect(app.quit)
    tray.new_entry_requested.connect(lambda: _new_entry(window))
    tray.checkins_requested.connect(lambda: open_notice(window, Notice("", Target.CHECKINS)))
    notifier = Notifier(desktop or PlyerNotifier(), lambda: _tray_icon(tray), parent=app)
    notifier.clicked.connect(lambda notice: open_notice(window, notice))
    banner = NoticeBanner(window, notifier)
    box = add_autostart_setting(window, autostart or for_platform(data_dir))
    return ReminderUi(tray, notifier, banner, box)
