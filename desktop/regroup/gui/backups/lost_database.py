"""At start, a diary whose database is missing, empty or unreadable: offer a backup back.

Opening refuses such a profile (it will not start a new diary over a lost one), and
the window cannot reach Settings without an open profile, so the start-up message
itself offers the restore: the latest backup, or a chosen one when there are
several. Quit leaves every file as it is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from regroup.core.backups import BackupSet, backup_sets
from regroup.core.errors import (
    DamagedDatabaseError,
    LostDatabaseError,
    RegroupError,
    UnlockCancelledError,
)
from regroup.core.keys.keystore import KeyStore
from regroup.core.lost_restore import restore_lost
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, Prompter, SecretAnswer, SecretRequest, open_profile
from regroup.gui.kit.dates import format_moment

TITLE = "Your diary can come back"
RESTORE = "Restore the latest backup"
CHOOSE = "Choose a backup…"


class _Remembering:
    """Passes every question on, and answers the reopening with the secret that worked.

    The restore proves the key against the backup; asking the same passphrase again a
    second later, to open the restored diary, would be unkind.
    """

    def __init__(self, prompter: Prompter) -> None:
        self._prompter = prompter
        # An unreadable database was refused after the person typed a secret that opened
        # its key: the restore starts with that answer instead of asking a second time.
        self.last: SecretAnswer | None = getattr(prompter, "last_answer", None)
        self.replay = self.last is not None
        if self.last is not None:
            prompter.last_answer = None  # type: ignore[attr-defined]  # held here only

    def choose_passphrase(self, reason: str) -> str | None:
        return self._prompter.choose_passphrase(reason)

    def confirm_recovery_key(self, recovery_key: str) -> bool:
        return self._prompter.confirm_recovery_key(recovery_key)

    def ask_secret(self, request: SecretRequest) -> SecretAnswer | None:
        if self.replay and self.last is not None:
            self.replay = False
            return self.last
        self.last = self._prompter.ask_secret(request)
        return self.last

    def offer_keyring_restore(self, keyring_name: str) -> bool:
        return self._prompter.offer_keyring_restore(keyring_name)


def _line(backup: BackupSet) -> str:
    when = format_moment(backup.taken_at)
    count = "1 entry" if backup.entries == 1 else f"{backup.entries:,} entries"
    return f"{when} · {count} · {backup.reason}"


def _window_words(refusal: LostDatabaseError | DamagedDatabaseError, sets: list[BackupSet]) -> str:
    """The refusal with the window's own way back (the button below), not a command's."""
    count = "one backup" if len(sets) == 1 else f"{len(sets)} backups"
    latest = format_moment(sets[-1].taken_at)
    return (
        f"{refusal.problem} Regroup has {count} of this profile, the latest from {latest}, "
        "and can put it back now."
    )


def _ask(message: str, several: bool, parent: QWidget | None) -> str:
    """Return RESTORE, CHOOSE or "" (Quit)."""
    box = QMessageBox(parent)
    box.setWindowTitle(TITLE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(message)
    box.setInformativeText(
        "Nothing is lost while you decide: Quit leaves every file as it is. A restore "
        "keeps what is left of the old database beside it."
    )
    restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    restore.setProperty("buttonStyle", "primary")
    choose = box.addButton(CHOOSE, QMessageBox.ButtonRole.ActionRole) if several else None
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    return CHOOSE if choose is not None and clicked is choose else ""


def _choose(paths: ProfilePaths, parent: QWidget | None) -> str:
    """Return the id of the backup the person picks (newest first), or "" to quit."""
    sets = list(reversed(backup_sets(paths)))
    lines = [_line(backup) for backup in sets]
    picked, ok = QInputDialog.getItem(
        parent, "Choose a backup", "Which backup should come back?", lines, 0, False
    )
    return sets[lines.index(picked)].id if ok and picked in lines else ""


def restore_at_start(
    refusal: LostDatabaseError | DamagedDatabaseError,
    paths: ProfilePaths,
    keystore: KeyStore,
    prompter: Prompter,
    parent: QWidget | None = None,
) -> Profile | None:
    """Offer a restore for a lost or unreadable database; return the open profile, or None.

    An unreadable database (the key is right, the file is damaged) is kept aside the
    same way as a lost one.
    """
    unreadable = isinstance(refusal, DamagedDatabaseError)
    try:
        sets = backup_sets(paths)
    except OSError:  # an unreadable backups folder: the refusal says what else can be done
        sets = []
    if not sets:
        QMessageBox.critical(parent, "Regroup cannot open your diary", str(refusal))
        return None
    answer = _ask(_window_words(refusal, sets), len(sets) > 1, parent)
    backup_id = "latest" if answer == RESTORE else _choose(paths, parent) if answer else ""
    if not backup_id:
        return None
    remembering = _Remembering(prompter)
    try:
        outcome = restore_lost(paths, backup_id, keystore, remembering, unreadable=unreadable)
        remembering.replay = True
        profile = open_profile(paths, keystore, remembering)
    except UnlockCancelledError:
        return None
    except RegroupError as exc:
        QMessageBox.critical(parent, "Regroup cannot open your diary", str(exc))
        return None
    profile.notice = " ".join(text for text in (outcome.summary(), profile.notice) if text)
    return profile
