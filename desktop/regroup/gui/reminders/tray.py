"""The tray icon: a way back to the window, and the app's life while the window is closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from regroup.core.checkins.notices import STILL_RUNNING, TITLE
from regroup.gui.kit.dates import format_time
from regroup.gui.kit.resources import app_icon
from regroup.gui.single_instance import bring_to_front

log = logging.getLogger(__name__)
STILL_RUNNING_SAID = "tray/still_running_said"
TRAY_MESSAGE_MS = 10_000


class Pause(StrEnum):
    """The pauses the tray menu offers."""

    HOUR = "hour"
    TOMORROW = "tomorrow"


class OnceFlags(Protocol):
    """Remembers that something was said, so it is said only once (per profile)."""

    def was_said(self, key: str) -> bool:
        """Return whether ``key`` was said before."""
        ...

    def mark_said(self, key: str) -> None:
        """Remember that ``key`` was said."""
        ...


class QSettingsOnceFlags:
    """OnceFlags in QSettings (not in the diary database), grouped per profile."""

    def __init__(self, group: str, settings: QSettings | None = None) -> None:
        self.group = group
        self.settings = settings or QSettings()

    def was_said(self, key: str) -> bool:
        """Return whether ``key`` was said before."""
        return self.settings.value(f"{self.group}/{key}", False, type=bool) is True

    def mark_said(self, key: str) -> None:
        """Remember that ``key`` was said."""
        self.settings.setValue(f"{self.group}/{key}", True)
        self.settings.sync()


class _KeyValues(Protocol):
    """The profile's settings, as far as the flags need them."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


class SettingsOnceFlags:
    """OnceFlags kept in the profile's own settings, so they travel with the profile."""

    PREFIX = "once."

    def __init__(self, settings: _KeyValues) -> None:
        self.settings = settings

    def was_said(self, key: str) -> bool:
        """Return whether ``key`` was said before."""
        return self.settings.get(self.PREFIX + key) == "1"

    def mark_said(self, key: str) -> None:
        """Remember that ``key`` was said (a failed write only means saying it again)."""
        try:
            self.settings.set(self.PREFIX + key, "1")
        except Exception:
            log.exception("could not remember that %s was said", key)


class Tray(QObject):
    """The icon and its menu; the window is hidden to it instead of closed.

    The menu asks ``due_count`` for the number of check-ins and ``paused_until`` for
    a pause each time it opens; "Resume reminders" shows only during a pause.
    """

    new_entry_requested = Signal()
    checkins_requested = Signal()
    pause_requested = Signal(object)
    resume_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        flags: OnceFlags,
        due_count: Callable[[], int] = lambda: 0,
        parent: QObject | None = None,
        paused_until: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.flags = flags
        self.due_count = due_count
        self.paused_until = paused_until
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(TITLE)
        self.menu = QMenu()
        self.open_action = self._action("Open Regroup", self.show_window)
        self.new_entry_action = self._action("New entry", self._new_entry)
        self.checkins_action = self._action("Check-ins due (0)", self._checkins)
        self.menu.addSeparator()
        self.pause_hour_action = self._action(
            "Pause reminders for 1 hour", lambda: self.pause_requested.emit(Pause.HOUR)
        )
        self.pause_tomorrow_action = self._action(
            "Pause reminders until tomorrow", lambda: self.pause_requested.emit(Pause.TOMORROW)
        )
        self.resume_action = self._action("Resume reminders", self.resume_requested.emit)
        self.resume_action.setVisible(False)
        self.menu.addSeparator()
        self.quit_action = self._action("Quit Regroup", self._quit)
        self._quitting = False
        self.menu.aboutToShow.connect(self.refresh)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        window.installEventFilter(self)

    def _action(self, title: str, slot: Callable[[], object]) -> QAction:
        action = QAction(title, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    @staticmethod
    def available() -> bool:
        """Return whether the desktop has a tray to put the icon in."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        """Show the icon; from now on, closing the window keeps the app in the tray."""
        self.refresh()
        self.icon.show()

    def hide(self) -> None:
        """Hide the icon; closing the window quits again."""
        self.icon.hide()

    def refresh(self) -> None:
        """Update the menu's count of due check-ins and whether reminders are paused."""
        try:
            count = self.due_count()
            paused = self.paused_until()
        except Exception:  # a menu must open even when the diary cannot be read
            log.exception("the tray could not read the check-ins")
            count, paused = 0, None
        self.checkins_action.setText(f"Check-ins due ({count})")
        tip = f"{TITLE}: {count} check-ins due" if count else TITLE
        if paused is not None:
            local = paused.astimezone()
            until = format_time(local.hour, local.minute)
            self.resume_action.setText(f"Resume reminders (paused until {until})")
            tip += f"\nReminders paused until {until}"
        self.resume_action.setVisible(paused is not None)
        self.icon.setToolTip(tip)

    def show_window(self) -> None:
        """Bring the window back from the tray."""
        bring_to_front(self.window)

    def toggle_window(self) -> None:
        """Hide the window to the tray, or bring it back."""
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.close()
        else:
            self.show_window()

    def _new_entry(self) -> None:
        self.show_window()
        self.new_entry_requested.emit()

    def _checkins(self) -> None:
        self.show_window()
        self.checkins_requested.emit()

    def _quit(self) -> None:
        self._quitting = True
        self.quit_requested.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: closing the window hides it to the tray, if there is one; say so once.

        Whether the app quits with its last window is decided at each close: a tray
        may appear after the app started (at login, before the panel) or go away.
        """
        if watched is not self.window or self._quitting:
            return False
        in_tray = self.icon.isVisible() and self.available()
        if event.type() == QEvent.Type.Close:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(not in_tray)
        elif (
            event.type() == QEvent.Type.Hide
            and not event.spontaneous()
            and in_tray
            and not self.flags.was_said(STILL_RUNNING_SAID)
        ):
            self.flags.mark_said(STILL_RUNNING_SAID)
            self.icon.showMessage(
                TITLE, STILL_RUNNING, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
            )
        return False
