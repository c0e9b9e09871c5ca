"""Where a profile lives: the platform's user-data folder unless ``--data-dir`` says otherwise."""

from __future__ import annotations

from pathlib import Path

from regroup.core.record import record

DB_NAME = "regroup.db"
KEY_FILE_NAME = "regroup.key"


def default_data_dir() -> Path:
    """Return the per-user data folder (e.g. ~/.local/share/Regroup on Linux)."""
    import platformdirs  # 5 ms to load; a command given --data-dir never needs it

    return Path(platformdirs.user_data_dir("Regroup", appauthor=False, roaming=True))


def drafts_fallback_dir(profile_id: str) -> Path:
    """Return where recovery drafts go when the profile folder cannot be written."""
    import platformdirs

    cache = Path(platformdirs.user_cache_dir("Regroup", appauthor=False))
    return cache / "drafts" / profile_id


@record
class ProfilePaths:
    """The files of one profile, all inside one folder."""

    root: Path

    @property
    def database(self) -> Path:
        """The encrypted SQLCipher database."""
        return self.root / DB_NAME

    @property
    def key_file(self) -> Path:
        """The wrapped data key and key-check value."""
        return self.root / KEY_FILE_NAME

    @property
    def backups(self) -> Path:
        """Encrypted copies of the database."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Details of failures too long for a message (a failed upgrade's traceback)."""
        return self.root / "logs"

    @property
    def creating(self) -> Path:
        """Where a new database is built before it is moved into place."""
        return self.root / (DB_NAME + ".creating")
