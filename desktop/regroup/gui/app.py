"""Starting the GUI: the application object, unlocking the profile, the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from regroup import APP_NAME, __version__
from regroup.core.errors import (
    DamagedDatabaseError,
    LostDatabaseError,
    RegroupError,
    UnlockCancelledError,
)
from regroup.core.keys.keystore import KeyStore, SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.system.app_mutex import hold_app_mutex
from regroup.gui.keys.qt_prompter import QtPrompter
from regroup.gui.kit import theme
from regroup.gui.kit.resources import app_icon
from regroup.gui.main_window import MainWindow
from regroup.gui.single_instance import SHOW, SingleInstance, bring_to_front

if TYPE_CHECKING:
    from regroup.gui.backups.window_backups import WindowBackups

log = logging.getLogger(__name__)
EXIT_WHEN_READY = "REGROUP_EXIT_WHEN_READY"
"""Benchmarks set this: the app prints ``regroup-ready`` once the window answers, then
``regroup-diary-ready`` once the Diary's list is on screen, and quits."""
READY = "regroup-ready"
DIARY_READY = "regroup-diary-ready"
TRAY_DELAY_MS = 250
"""The tray, notifications, reminders and backups wait until the window is up and answering,
and until the Diary's first paint when it is on its way."""


def create_application(argv: list[str]) -> QApplication:
    """Return the QApplication with Regroup's names and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else theme.with_fusion(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("io.github.regroup.Regroup")
    app.setWindowIcon(app_icon())
    theme.apply(app, theme.resolve_choice(None))  # the unlock dialogs follow the desktop
    return app


def apply_profile_theme(app: QApplication, profile: Profile) -> None:
    """Show the scheme chosen in the profile's Settings (before the window first shows)."""
    theme.apply(app, theme.resolve_choice(profile.settings.theme()))


def _report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log a bug and say so in a dialog, instead of letting Qt abort the process."""
    log.error("unexpected error", exc_info=(kind, error, trace))
    from PySide6.QtWidgets import QMessageBox  # only when needed: its enums cost every start

    QMessageBox.critical(
        None,
        "Regroup hit an unexpected problem",
        f"{kind.__name__}: {error}\n\nThe details were written to the error output. "
        "What you saved before this is safe; consider restarting Regroup.",
    )


def run_gui(data_dir: Path, keystore: KeyStore | None = None, minimized: bool = False) -> int:
    """Unlock (or create) the profile in ``data_dir`` and run the window until quit.

    A new profile is made at once and the window opens on the welcome, which shows
    its recovery key and has it typed back.

    When another Regroup already has this profile open, it is asked to show its
    window and this one leaves without opening the database (a key read that the
    command line started early is stopped unused).
    """
    hold_app_mutex()  # on Windows, so that Setup asks to close Regroup first
    app = create_application(sys.argv)
    instance = SingleInstance(data_dir, app)
    if not instance.claim([SHOW]):
        discard = getattr(keystore, "discard", None)
        if callable(discard):
            discard()
        return 0
    app.aboutToQuit.connect(instance.release)
    sys.excepthook = _report_unexpected
    prompter = QtPrompter()
    keystore = keystore or SystemKeyStore()
    try:
        profile = open_profile(ProfilePaths(data_dir), keystore, prompter)
    except UnlockCancelledError:
        return 3
    except (LostDatabaseError, DamagedDatabaseError) as exc:
        from regroup.gui.backups.lost_database import restore_at_start

        restored = restore_at_start(exc, ProfilePaths(data_dir), keystore, prompter)
        if restored is None:
            return 1
        profile = restored
    except RegroupError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Regroup cannot open your diary", str(exc))
        return 1
    finally:
        prompter.last_answer = None  # what was typed is not kept while the window is open
    apply_profile_theme(app, profile)
    window = MainWindow(profile)
    attach_backups_later(app, window)  # its quit wait runs before the close
    after_start(window, lambda: sweep_exports(profile))
    save_then_close_on_quit(app, window, profile)
    instance.message_received.connect(lambda _message: bring_to_front(window))
    if welcome_first(window, prompter.new_recovery_key):
        minimized = False  # a new profile's welcome (and its recovery key) needs the window
    if minimized:
        if not install_tray_and_reminders(app, window, data_dir):
            window.showMinimized()
    else:
        window.show()
        after_start(window, lambda: install_tray_and_reminders(app, window, data_dir))
    QTimer.singleShot(0, enable_gc_after_start)
    if os.environ.get(EXIT_WHEN_READY):
        QTimer.singleShot(0, lambda: print(READY, flush=True))
        window.diary_shown.connect(lambda: _report_diary_ready(app))
    return app.exec()


def after_start(window: MainWindow, action: Callable[[], object]) -> None:
    """Run ``action`` once the window is up and answering, and the Diary on screen."""
    QTimer.singleShot(TRAY_DELAY_MS, window, lambda: window.when_started(action))


def welcome_first(window: MainWindow, new_recovery_key: str | None) -> bool:
    """Put the first-run welcome in the window if the profile still needs it."""
    from regroup.gui.welcome.progress import WelcomeProgress

    progress = WelcomeProgress(window.profile.settings)
    if new_recovery_key:
        progress.begin(new_recovery_key)
    if not progress.needed():
        return False
    from regroup.gui.welcome.start import show_welcome

    show_welcome(window, progress)
    return True


def sweep_exports(profile: Profile) -> None:
    """Remove the temporary copies exports killed outright left behind (once the window is up)."""
    from regroup.core.exchange.export_file import sweep_export_leftovers

    sweep_export_leftovers(profile.db)


def attach_backups_later(app: QApplication, window: MainWindow) -> None:
    """Give the window its backups once it is up (their module is not needed to start).

    The quit hook is connected now, ahead of the database's close, so that a backup
    being written when Regroup quits is waited for first.
    """
    attached: list[WindowBackups] = []

    def attach() -> None:
        from regroup.gui.backups.window_backups import install_backups

        attached.append(install_backups(window))

    def wait() -> None:
        for backups in attached:
            backups.wait()

    app.aboutToQuit.connect(wait)
    after_start(window, attach)


def install_tray_and_reminders(app: QApplication, window: MainWindow, data_dir: Path) -> bool:
    """Add the tray icon, notifications and reminders; say whether a tray holds the icon."""
    from regroup.gui.reminders.reminder_ui import install_reminder_ui

    window.reminder_ui = install_reminder_ui(app, window, data_dir)
    return window.reminder_ui.in_tray()


def save_then_close_on_quit(app: QApplication, window: MainWindow, profile: Profile) -> None:
    """On quit, save what is being written, then close the database.

    Qt calls the slots of a signal in the order they were connected, so the save
    always runs while the database is still open.
    """
    app.aboutToQuit.connect(window.save_before_quit)
    app.aboutToQuit.connect(profile.close)


def enable_gc_after_start() -> None:
    """Move everything built at start-up out of the collector's way, then turn it on."""
    gc.freeze()
    gc.enable()


def _report_diary_ready(app: QApplication) -> None:
    print(DIARY_READY, flush=True)
    app.quit()
