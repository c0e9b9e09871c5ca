"""Recovery drafts: what was in the editor when a save failed, kept encrypted.

A draft is sealed with the profile's data key (AES-GCM), so diary text never sits
on disk in the clear. It goes into the profile folder, or into the user's cache
folder when the profile folder cannot be written (a full disk or a read-only
folder is usually why the save failed in the first place).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from regroup.core.diary.types import EntryContent
from regroup.core.errors import StorageWriteError
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.files import atomic_write_bytes, make_private_dir

DRAFT_NAME = "recovery-draft.bin"
_AAD = b"regroup/recovery-draft/v1"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """Unsaved editor content: for a new entry when ``entry_id`` is None."""

    entry_id: int | None
    content: EntryContent
    saved_at: datetime


def _encode(draft: Draft) -> bytes:
    content = draft.content
    return json.dumps(
        {
            "entry_id": draft.entry_id,
            "saved_at": to_db_time(draft.saved_at),
            "title": content.title,
            "body": content.body,
            "mood": content.mood,
            "tags": list(content.tags),
            "entry_date": content.entry_date.isoformat() if content.entry_date else None,
        },
        ensure_ascii=False,
    ).encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> Draft:
    raw = json.loads(data.decode("utf-8", "surrogatepass"))
    day = raw.get("entry_date")
    content = EntryContent(
        body=raw["body"],
        title=raw["title"],
        mood=raw["mood"],
        tags=tuple(raw["tags"]),
        entry_date=date.fromisoformat(day) if day else None,
    )
    return Draft(raw["entry_id"], content, from_db_time(raw["saved_at"]))


class DraftStore:
    """Saves, finds and discards the profile's one recovery draft."""

    def __init__(self, key: bytes, folders: list[Path]) -> None:
        self._key = key
        self._paths = [folder / DRAFT_NAME for folder in folders]

    def save(self, draft: Draft) -> Path:
        """Write the draft to the first folder that accepts it and return where it went."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = nonce + AESGCM(self._key).encrypt(nonce, _encode(draft), _AAD)
        problems = []
        for path in self._paths:
            try:
                make_private_dir(path.parent)
                atomic_write_bytes(path, sealed)
            except StorageWriteError as exc:
                problems.append(str(exc))
                continue
            self._remove(other for other in self._paths if other != path)
            return path
        raise StorageWriteError(" ".join(problems))

    def load(self) -> Draft | None:
        """Return the newest readable draft, or None."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        found: list[Draft] = []
        for path in self._paths:
            try:
                data = path.read_bytes()
                found.append(_decode(AESGCM(self._key).decrypt(data[:12], data[12:], _AAD)))
            except FileNotFoundError:
                continue
            except (OSError, InvalidTag, ValueError, KeyError) as exc:
                log.warning("ignoring unreadable recovery draft %s: %s", path, exc)
        return max(found, key=lambda d: d.saved_at) if found else None

    def discard(self) -> None:
        """Forget the draft (after it was saved or the person let it go)."""
        self._remove(self._paths)

    @staticmethod
    def _remove(paths: Iterable[Path]) -> None:
        """Delete older copies; one that cannot go is logged, as the newest one wins."""
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove recovery draft %s: %s", path, exc)
