"""Locking the window: save, tear the pages down, show the lock screen; unlock and rebuild.

The profile stays open while locked, so reminders keep coming (their texts are
generic anyway) and the data key stays in this process's memory: the lock keeps
the diary from someone at the screen, not from a program that reads memory.
Anything that would show a record while locked (a reminder's click, the tray's
New entry) waits behind the lock screen and happens right after the unlock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QStackedWidget, QWidget

from regroup.core.errors import RegroupError
from regroup.core.keys.app_lock import TryGate, passphrase_opens
from regroup.core.keys.key_file import KeyFile, load_key_file
from regroup.gui.kit.settings_sections import PRIVACY, SettingsSection
from regroup.gui.lock.idle import IdleWatcher

if TYPE_CHECKING:
    from regroup.gui.lock.screen import LockScreen
    from regroup.gui.lock.settings_box import LockSettingsBox
    from regroup.gui.main_window import MainWindow

log = logging.getLogger(__name__)
LOCK_SHORTCUT = "Ctrl+L"
LOCK_SECTION = PRIVACY + 1
"""The lock's Settings box stands right after the privacy notes."""
NEEDS_PIN = (
    "To lock Regroup, choose a PIN for the lock first. Your key is kept in the system "
    "keyring, which opens for anyone signed in at this computer, so the lock needs a "
    "secret of its own."
)


class AppLock(QObject):
    """The window's lock; ``changed`` says whether it is now locked."""

    changed = Signal(bool)

    def __init__(self, window: MainWindow, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.profile.settings
        self._clock = clock
        self.gate = TryGate()
        self.screen: LockScreen | None = None
        self.settings_box: LockSettingsBox | None = None
        self._held: list[QAction] = []
        self._content: QWidget | None = None
        self._after: Callable[[], object] | None = None
        self.action = QAction("Lock now", window)
        self.action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.lock_now())
        window.addAction(self.action)
        self.watcher = IdleWatcher(self._idle_minutes(), clock, self)
        self.watcher.idle.connect(self._on_idle)
        window.settings_sections.add(SettingsSection("lock", LOCK_SECTION, self._settings))

    @property
    def is_locked(self) -> bool:
        """Tell whether the lock screen is up."""
        return self.screen is not None

    def _idle_minutes(self) -> int | None:
        try:
            return self.settings.lock_idle_minutes()
        except RegroupError:
            return None

    def key_file(self) -> KeyFile:
        """Return the key file as it is on disk now (a passphrase may have changed)."""
        try:
            return load_key_file(self.window.profile.paths.key_file)
        except RegroupError:
            return self.window.profile.key_file

    def has_pin(self) -> bool:
        """Tell whether a PIN is set for the lock."""
        try:
            return self.settings.lock_pin() is not None
        except RegroupError:
            return False

    def has_passphrase(self) -> bool:
        """Tell whether the profile has a passphrase that can unlock."""
        return self.key_file().passphrase is not None

    def can_lock(self) -> bool:
        """Tell whether something can open the lock again (a PIN or the passphrase)."""
        return self.has_pin() or self.has_passphrase()

    def follow_settings(self) -> None:
        """The idle minutes or the PIN changed in Settings."""
        self.watcher.set_minutes(self._idle_minutes())

    def lock_now(self) -> bool:
        """Ctrl+L and the tray: lock, asking for a PIN first when nothing could unlock."""
        if self.is_locked:
            return True
        if not self.can_lock():
            from regroup.gui.lock.pin_dialog import ask_new_pin

            if not ask_new_pin(self.window, self.settings, NEEDS_PIN):
                return False
            self.follow_settings()
        self.lock()
        return True

    def _on_idle(self) -> None:
        if self.can_lock():
            self.lock()
        else:
            self.watcher.restart()  # nothing could unlock it: an idle lock would shut you out

    def lock(self) -> None:
        """Close what floats over the window, save every page, tear them down, lock."""
        if self.is_locked:
            return
        self.watcher.pause()
        if _close_popups():
            # a dialog's own loop returns first, so no page is torn down under it
            QTimer.singleShot(0, self, self._lock_pages)
        else:
            self._lock_pages()

    def _lock_pages(self) -> None:
        if self.is_locked:
            return
        from regroup.gui.lock.screen import HINT_BOTH, HINT_PASSPHRASE, HINT_PIN, LockScreen

        window = self.window
        for toast in list(window.toasts.toasts):
            toast.dismiss()
        for page in window.built_pages():
            try:
                page.save_before_quit()  # saves, or keeps an encrypted recovery draft
            except Exception:
                log.exception("a page could not save before the lock")
        window.unbuild_pages()
        pin, passphrase = self.has_pin(), self.has_passphrase()
        hint = HINT_BOTH if pin and passphrase else HINT_PIN if pin else HINT_PASSPHRASE
        self.screen = LockScreen(hint)
        self.screen.unlock_requested.connect(self.unlock)
        pages = window.takeCentralWidget()
        holder = QStackedWidget()
        holder.addWidget(self.screen)
        if pages is not None:
            holder.addWidget(pages)
        self._content = pages
        window.setCentralWidget(holder)
        holder.show()
        self._held = [
            action
            for action in window.actions() + window.file_menu.actions()
            if action.isEnabled()
            and not action.isSeparator()
            and action not in (window.quit_action, self.action)
        ]
        for action in self._held:
            action.setEnabled(False)
        self.screen.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(True)

    def defer(self, work: Callable[[], object]) -> bool:
        """While locked, keep ``work`` (showing a record) for after the unlock; True if kept."""
        if not self.is_locked:
            return False
        self._after = work
        return True

    def unlock(self, text: str) -> bool:
        """Try ``text`` as the PIN, then as the passphrase; wrong tries wait a little longer."""
        screen = self.screen
        if screen is None:
            return True
        now = self._clock()
        wait = self.gate.seconds_left(now)
        if wait > 0:
            screen.wrong(wait)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = self._accepts(text)
        finally:
            QApplication.restoreOverrideCursor()
        if not opened:
            screen.wrong(self.gate.wrong(self._clock()))
            return False
        self.gate.right()
        self._open()
        return True

    def _accepts(self, text: str) -> bool:
        try:
            pin = self.settings.lock_pin()
        except RegroupError:
            pin = None
        if pin is not None and pin.matches(text):
            return True
        return passphrase_opens(self.key_file(), text)

    def _open(self) -> None:
        window = self.window
        holder = window.takeCentralWidget()
        pages, self._content = self._content, None
        if isinstance(holder, QStackedWidget) and pages is not None:
            holder.removeWidget(pages)
            window.setCentralWidget(pages)
            pages.show()  # the stack had hidden it behind the lock screen
        if holder is not None:
            holder.deleteLater()
        self.screen = None
        for action in self._held:
            action.setEnabled(True)
        self._held = []
        window.show_page(window.current_page_key())
        self.watcher.restart()
        self.changed.emit(False)
        after, self._after = self._after, None
        if after is not None:
            after()

    def _settings(self) -> QWidget:
        from regroup.gui.lock.settings_box import LockSettingsBox

        self.settings_box = LockSettingsBox(self)
        return self.settings_box


def _close_popups() -> bool:
    """Close the dialogs and menus open over the window; say whether there were any."""
    closed = False
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
            closed = True
        elif isinstance(widget, QMenu):
            widget.close()
    return closed
