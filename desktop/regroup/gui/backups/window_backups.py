"""The window's backups: File › Back up now and Restore…, the daily backup, and what they say.

Built once the window is up; the Settings section and the restore dialog are
imported only when first opened. A backup runs on a thread of its own with its own
SQLCipher connection, so the window keeps answering while it is written and checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget

from regroup.core.errors import RegroupError
from regroup.gui.kit.background import Background
from regroup.gui.kit.settings_sections import SettingsSection
from regroup.gui.kit.toasts import Tone

if TYPE_CHECKING:
    from collections.abc import Callable

    from regroup.core.backups import BackupOutcome, BackupSet, RestoreOutcome
    from regroup.gui.main_window import MainWindow

BACKUPS_ORDER = 25
"""The Backups section stands after Privacy and before the reminders."""
FIRST_CHECK_MS = 10 * 60_000
DAILY_CHECK_MS = 60 * 60 * 1000
TOAST_KEY = "backup"
"""The daily backup is looked at on start (once the window settled) and every hour."""
REASONS = {
    "daily": "daily backup",
    "manual": "made by you",
    "before-import": "before an import",
    "before-restore": "before a restore",
}


def describe_reason(reason: str) -> str:
    """Say why a backup was made, in words."""
    if reason.startswith("before-v"):
        return "before an upgrade"
    return REASONS.get(reason, reason)


def describe_time(backup: BackupSet) -> str:
    """When a backup was made, in the person's time zone."""
    when = backup.taken_at.astimezone()
    return f"{when:%a} {when.day} {when:%b %Y, %H:%M}"


def entries_text(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


class WindowBackups(QObject):
    """Runs one backup at a time for the window and tells how it went."""

    finished = Signal(bool, str)
    """(it worked, what to tell the person)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.profile = window.profile
        self.worker: Background | None = None
        self.quit_after_restore: Callable[[], None] = QApplication.quit
        self.read_only_strip: QLabel | None = None
        self.back_up_action = QAction("&Back up now", window)
        self.back_up_action.setStatusTip("Make an encrypted backup of your diary and its key")
        self.back_up_action.triggered.connect(lambda: self.back_up("manual"))
        self.restore_action = QAction("&Restore…", window)
        self.restore_action.setStatusTip("Put your diary back as it was in a backup")
        self.restore_action.triggered.connect(self.open_restore)
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        if self.profile.read_only:
            self.read_only_strip = _strip_above(window, self.profile.read_only_notice())
            self.back_up_action.setEnabled(False)
            self.restore_action.setEnabled(False)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        """Look at the daily backup soon, then every hour."""
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.back_up_if_due)

    def busy(self) -> bool:
        """Tell whether a backup is being written now."""
        return self.worker is not None

    def back_up_if_due(self) -> None:
        """Take the daily backup if the last one is a day old (or there is none)."""
        if self.profile.read_only or self.busy():
            return
        try:
            due = self.profile.backups.due()
        except (RegroupError, OSError):
            due = True
        if due:
            self.back_up("daily")

    def back_up(self, reason: str) -> bool:
        """Start a backup on its own thread; False when one is running or saving cannot work."""
        if self.busy():
            return False
        if self.profile.read_only:
            self.window.toasts.show(self.profile.read_only_notice(), key=TOAST_KEY)
            return False
        service = self.profile.backups
        worker = Background(lambda _report: service.create(reason), name="regroup-backup")
        worker.setParent(self)
        worker.succeeded.connect(lambda outcome: self._succeeded(outcome, reason))
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_done)
        self.worker = worker
        self.window.statusBar().showMessage("Making a backup…")
        worker.start()
        return True

    def wait(self) -> None:
        """Let a running backup finish (before quitting or restoring)."""
        if self.worker is not None:
            self.worker.wait()
            self.worker.deliver()

    def _worker_done(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None

    def _succeeded(self, outcome: BackupOutcome, reason: str) -> None:
        backup = outcome.backup
        when = backup.taken_at.astimezone()
        text = f"Backed up at {when:%H:%M} ({entries_text(backup.entries)})."
        self.window.statusBar().showMessage(text, 10_000)
        if outcome.second_problem:
            self.window.toasts.show(
                "Your backup is safe in the profile folder, but its copy in the second "
                f"folder could not be made: {outcome.second_problem}",
                key=TOAST_KEY,
            )
        elif reason == "manual":
            self.window.toasts.dismiss(TOAST_KEY)
        self.finished.emit(True, text)

    def _failed(self, problem: str) -> None:
        self.window.statusBar().clearMessage()
        text = (
            f"This backup did not work: {problem} Your diary itself is fine; "
            "Regroup will try again later, or you can try now."
        )
        self.window.toasts.show(
            text, Tone.ERROR, [("Try again", self._try_again)], key=TOAST_KEY, sticky=True
        )
        self.finished.emit(False, text)

    def _try_again(self) -> None:
        self.back_up("manual")

    def settings_section(self) -> SettingsSection:
        """The Backups box of Settings; its module loads when Settings is built."""

        def build() -> QWidget:
            from regroup.gui.backups.section import BackupsBox

            return BackupsBox(self)

        return SettingsSection("backups", BACKUPS_ORDER, build)

    def open_restore(self) -> None:
        """Show the restore dialog."""
        from regroup.gui.backups.restore_dialog import RestoreDialog

        RestoreDialog(self, self.window).exec()

    def restore(self, backup_id: str) -> RestoreOutcome:
        """Save what is being written, restore, and close so the restored diary opens fresh.

        The window holds the profile and every page's view of it; rather than patch
        each, Regroup closes and the next start opens the restored diary.
        """
        self.wait()
        self.window.save_before_quit()
        outcome = self.profile.backups.restore(backup_id, self.profile.close)
        self.timer.stop()
        return outcome


def _strip_above(window: QMainWindow, text: str) -> QLabel:
    """A lasting line above the window's content for a lasting state (it never moves later).

    Toasts are for news; a diary that cannot be saved stays so until Regroup restarts.
    """
    strip = QFrame()
    strip.setProperty("card", True)
    strip.setFrameShape(QFrame.Shape.StyledPanel)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", "body")
    label.setAccessibleName("Saving is paused")
    QVBoxLayout(strip).addWidget(label)
    content = window.takeCentralWidget()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(strip)
    if content is not None:
        layout.addWidget(content, 1)
    window.setCentralWidget(holder)
    if window.isVisible():
        holder.show()
    return label


def install_backups(window: MainWindow, first_check_ms: int = FIRST_CHECK_MS) -> WindowBackups:
    """Give ``window`` its backup actions, the Backups section and the daily backup."""
    from regroup.gui.main_window import FILE_BACKUP

    backups = WindowBackups(window)
    window.add_file_action(FILE_BACKUP, backups.back_up_action)
    window.add_file_action(FILE_BACKUP, backups.restore_action)
    window.settings_sections.add(backups.settings_section())
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(backups.wait)
    backups.start(first_check_ms)
    return backups
