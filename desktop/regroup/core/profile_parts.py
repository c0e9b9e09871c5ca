"""What an open profile tells about itself, its drafts and its upgrade (see core.profile)."""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.core.clock import Clock
from regroup.core.errors import MigrationError
from regroup.core.keys.key_file import KeyStorage
from regroup.core.keys.unlocking import UnlockedWith
from regroup.core.paths import ProfilePaths
from regroup.core.record import record
from regroup.core.storage.drafts import DraftSlot
from regroup.core.storage.files import keep_details
from regroup.core.storage.migrations import CURRENT_VERSION, apply_migrations, schema_version

if TYPE_CHECKING:
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    from regroup.core.debriefs.types import DebriefContent
    from regroup.core.diary.types import EntryContent


log = logging.getLogger(__name__)


@record
class ProfileInfo:
    """What Settings and ``regroup info`` tell the user about the open profile."""

    folder: str
    storage: KeyStorage
    unlocked_with: UnlockedWith
    schema_version: int
    entry_count: int
    keyring_name: str
    notice: str = ""


class Drafts:
    """The profile's recovery drafts: one for the diary, one for the debriefs.

    Each slot is opened on first use, so showing the Diary never loads the debriefs.
    """

    def __init__(self, key: bytes, folders: list[Path]) -> None:
        self._key = key
        self._folders = folders

    @cached_property
    def entries(self) -> DraftSlot[EntryContent]:
        """The diary's draft."""
        from regroup.core.diary.drafts import ENTRY_DRAFTS

        return DraftSlot(self._key, self._folders, ENTRY_DRAFTS)

    @cached_property
    def debriefs(self) -> DraftSlot[DebriefContent]:
        """The debriefs' draft."""
        from regroup.core.debriefs.drafts import DEBRIEF_DRAFTS

        return DraftSlot(self._key, self._folders, DEBRIEF_DRAFTS)


def upgrade_schema(db: SqlCipherDatabase, paths: ProfilePaths, clock: Clock) -> None:
    """Bring an older database up to date, after a backup; a failure leaves it as it was."""
    version = schema_version(db)
    if version >= CURRENT_VERSION:
        return
    from regroup.core.backups import backup_before

    outcome = backup_before(db, f"before-v{CURRENT_VERSION}", clock)
    backup = outcome.backup.folder if outcome else paths.backups
    try:
        apply_migrations(db)
    except Exception as exc:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        details = keep_details(paths.logs, f"upgrade-failed-{stamp}.txt", exc)
        log.error("upgrade from schema %s failed: %s (details: %s)", version, exc, details)
        raise MigrationError(
            f"Upgrading this profile from schema {version} to {CURRENT_VERSION} failed ({exc}). "
            f"The profile was left as it was; a copy is in {backup}."
            + (f" The details for whoever helps you are in {details}." if details else "")
        ) from exc
