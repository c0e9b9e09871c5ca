"""Recovery drafts: what was in the editor or the form when a save failed, kept encrypted.

A draft is sealed with the profile's data key (AES-GCM), so diary and debrief text
never sits on disk in the clear. It goes into the profile folder, or into the user's
cache folder when the profile folder cannot be written (a full disk or a read-only
folder is usually why the save failed in the first place). The diary and the
debriefs each keep one draft, in files of their own, so a failure in one never
overwrites the other's words.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.drafts import Draft
from regroup.core.errors import StorageWriteError
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.files import atomic_write_bytes, make_private_dir

DRAFT_NAME = "recovery-draft.bin"
"""The diary's draft; the name (and the sealing below) are those of every earlier version."""
DEBRIEF_DRAFT_NAME = "recovery-draft-debrief.bin"
C = TypeVar("C")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Kind(Generic[C]):
    """How one kind of content is named, sealed and written as JSON in its draft file."""

    file_name: str
    aad: bytes
    id_key: str
    to_json: Callable[[C], dict[str, Any]]
    from_json: Callable[[dict[str, Any]], C]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _entry_to_json(content: EntryContent) -> dict[str, Any]:
    return {
        "title": content.title,
        "body": content.body,
        "mood": content.mood,
        "tags": list(content.tags),
        "entry_date": content.entry_date.isoformat() if content.entry_date else None,
    }


def _entry_from_json(raw: dict[str, Any]) -> EntryContent:
    return EntryContent(
        body=raw["body"],
        title=raw["title"],
        mood=raw["mood"],
        tags=tuple(raw["tags"]),
        entry_date=_day(raw.get("entry_date")),
    )


_DEBRIEF_DAYS = ("applied_on", "news_on")
_DEBRIEF_CHOICES: dict[str, type[Stage | NewsVia | KeepLooking]] = {
    "stage": Stage,
    "news_via": NewsVia,
    "keep_looking": KeepLooking,
}
_DEBRIEF_LISTS = ("do_differently", "traps")


def _debrief_to_json(content: DebriefContent) -> dict[str, Any]:
    raw: dict[str, Any] = {field.name: getattr(content, field.name) for field in fields(content)}
    for name in _DEBRIEF_DAYS:
        raw[name] = raw[name].isoformat() if raw[name] else None
    for name in _DEBRIEF_LISTS:
        raw[name] = list(raw[name])
    return raw


def _debrief_from_json(raw: dict[str, Any]) -> DebriefContent:
    """Read the fields the draft holds; one it lacks (written by an older Regroup) stays empty."""
    values = {field.name: raw[field.name] for field in fields(DebriefContent) if field.name in raw}
    for name in _DEBRIEF_DAYS:
        values[name] = _day(values.get(name))
    for name, choice in _DEBRIEF_CHOICES.items():
        value = values.get(name)
        values[name] = None if value is None else choice(value)
    for name in _DEBRIEF_LISTS:
        values[name] = tuple(values.get(name, ()))
    return DebriefContent(**values)


ENTRIES: _Kind[EntryContent] = _Kind(
    DRAFT_NAME, b"regroup/recovery-draft/v1", "entry_id", _entry_to_json, _entry_from_json
)
DEBRIEFS: _Kind[DebriefContent] = _Kind(
    DEBRIEF_DRAFT_NAME,
    b"regroup/recovery-draft/debrief/v1",
    "debrief_id",
    _debrief_to_json,
    _debrief_from_json,
)


class DraftSlot(Generic[C]):
    """Saves, finds and discards the one recovery draft of one kind of content."""

    def __init__(self, key: bytes, folders: list[Path], kind: _Kind[C]) -> None:
        self._key = key
        self._kind = kind
        self._paths = [folder / kind.file_name for folder in folders]

    def _encode(self, draft: Draft[C]) -> bytes:
        raw = {
            self._kind.id_key: draft.record_id,
            "saved_at": to_db_time(draft.saved_at),
            **self._kind.to_json(draft.content),
        }
        return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")

    def _decode(self, data: bytes) -> Draft[C]:
        raw = json.loads(data.decode("utf-8", "surrogatepass"))
        content = self._kind.from_json(raw)
        return Draft(raw[self._kind.id_key], content, from_db_time(raw["saved_at"]))

    def save(self, draft: Draft[C]) -> Path:
        """Write the draft to the first folder that accepts it and return where it went."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = nonce + AESGCM(self._key).encrypt(nonce, self._encode(draft), self._kind.aad)
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

    def load(self) -> Draft[C] | None:
        """Return the newest readable draft, or None."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        found: list[Draft[C]] = []
        for path in self._paths:
            try:
                data = path.read_bytes()
                opened = AESGCM(self._key).decrypt(data[:12], data[12:], self._kind.aad)
                found.append(self._decode(opened))
            except FileNotFoundError:
                continue
            except (OSError, InvalidTag, ValueError, KeyError, TypeError) as exc:
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


class DraftStore:
    """The profile's recovery drafts: one for the diary, one for the debriefs."""

    def __init__(self, key: bytes, folders: list[Path]) -> None:
        self.entries = DraftSlot(key, folders, ENTRIES)
        self.debriefs = DraftSlot(key, folders, DEBRIEFS)
