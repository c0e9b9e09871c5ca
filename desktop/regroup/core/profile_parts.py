"""What an open profile tells about itself, and its recovery drafts (see core.profile)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.core.keys.key_file import KeyStorage
from regroup.core.keys.unlocking import UnlockedWith
from regroup.core.storage.drafts import DraftSlot

if TYPE_CHECKING:
    from regroup.core.debriefs.types import DebriefContent
    from regroup.core.diary.types import EntryContent


@dataclass(frozen=True)
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
