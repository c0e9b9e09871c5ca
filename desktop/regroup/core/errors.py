"""Errors a user may meet, each with a message that says what happened and what to do."""

from __future__ import annotations


class RegroupError(Exception):
    """Base of every error the app explains to the user instead of crashing."""


class ProfileError(RegroupError):
    """The profile folder is not in a state the app can safely open."""


class KeyFileError(ProfileError):
    """The key file beside the database is missing, unreadable or of an unknown format."""


class WrongKeyError(RegroupError):
    """A key, recovery key or passphrase does not belong to this profile."""


class InvalidRecoveryKeyError(WrongKeyError):
    """The text typed is not shaped like a recovery key at all."""


class DamagedDatabaseError(RegroupError):
    """The key is right but the database file cannot be read."""


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


class ImportFileError(RegroupError):
    """A file to import is unreadable or not a valid Regroup export; nothing was imported."""


class LostDatabaseError(ProfileError):
    """An existing profile's database is missing or empty: restore a backup, never start over.

    ``backups`` counts the backups a restore could use, so the window can offer one.
    """

    def __init__(self, message: str, backups: int = 0) -> None:
        super().__init__(message)
        self.backups = backups
