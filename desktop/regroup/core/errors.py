"""Errors a user may meet, each with a message that says what happened and what to do."""

from __future__ import annotations


class RegroupError(Exception):
    """Base of every error the app explains to the user instead of crashing."""


class ProfileError(RegroupError):
    """The profile folder is not in a state the app can safely open."""


class LostDatabaseError(ProfileError):
    """An existing profile's database is missing or empty: a loss to restore, not a start.

    ``backups`` counts the backups a restore could use, so the window can offer one.
    The message is ``problem`` and then ``hint``, the command that restores; the window
    says ``problem`` with its own words for its Restore button instead.
    """

    def __init__(self, problem: str, backups: int = 0, hint: str = "") -> None:
        super().__init__(f"{problem} {hint}".strip())
        self.problem = problem
        self.backups = backups


class KeyFileError(ProfileError):
    """The key file beside the database is missing, unreadable or of an unknown format."""


class WrongKeyError(RegroupError):
    """A key, recovery key or passphrase does not belong to this profile."""


class InvalidRecoveryKeyError(WrongKeyError):
    """The text typed is not shaped like a recovery key at all."""


class DamagedDatabaseError(RegroupError):
    """The key is right but the database file cannot be read.

    As with :class:`LostDatabaseError`, the message is ``problem`` and then the hint.
    """

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(f"{problem} {hint}".strip())
        self.problem = problem


class SchemaTooNewError(RegroupError):
    """The database was written by a newer Regroup; it is never opened for writing."""


class MigrationError(RegroupError):
    """An upgrade of the database failed and was rolled back."""


class KeystoreUnavailableError(RegroupError):
    """No usable OS keyring: missing, locked, refused, or not a secure backend."""


class UnlockCancelledError(RegroupError):
    """The user chose not to unlock or create the profile."""


class ValidationError(RegroupError):
    """Something cannot be saved as given; the message says which part and why."""


class StorageWriteError(RegroupError):
    """A write to disk failed (full disk, read-only folder, ...); nothing was changed."""


class WriterBusyError(StorageWriteError):
    """Another Regroup held the diary's write lock for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__(
            "Another Regroup is writing to this diary; try again in a moment. Nothing was changed."
        )


class ImportFileError(RegroupError):
    """A file to import is unreadable or not a valid Regroup export; nothing was imported."""


NAME_MAX = 255
"""The longest file or folder name most file systems accept, in bytes."""


def _shown(path: str) -> str:
    return path if len(path) <= 80 else f"{path[:40]}…{path[-30:]}"


def path_problem(path: object) -> str:
    """Say what makes ``path`` unusable by its shape alone, or "" when nothing does.

    A name over 255 bytes fails with ENAMETOOLONG, or in SQLite with "unable to open
    database file", which reads like a disk problem; this names the part instead.
    """
    for part in str(path).replace("\\", "/").split("/"):
        if len(part.encode("utf-8", "surrogateescape")) > NAME_MAX:
            return (
                f"the name '{part[:20]}…' is too long: a file or folder name can have at most "
                f"{NAME_MAX} letters (fewer with accents or emoji)"
            )
    return ""


def describe_os_error(exc: OSError) -> str:
    """Plain words for an error the operating system gave about a file or folder."""
    import errno

    where = _shown(str(exc.filename)) if exc.filename is not None else "a file"
    if exc.errno == errno.ENAMETOOLONG:
        problem = path_problem(exc.filename) or "the path is longer than this system allows"
        return f"Regroup cannot use {where}: {problem}. Choose a shorter name; nothing was changed."
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full ({where}). Free some space and try again; nothing was changed."
    return f"Regroup could not use {where} ({reason}). Nothing was changed."
