"""How a diary entry is written into its recovery draft (``core.storage.drafts`` seals it)."""

from __future__ import annotations

from typing import Any

from regroup.core.diary.types import EntryContent
from regroup.core.drafts import DraftKind, day_from_json

DRAFT_NAME = "recovery-draft.bin"
"""The diary's draft; the name (and the sealing) are those of every earlier version."""


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
        entry_date=day_from_json(raw.get("entry_date")),
    )


ENTRY_DRAFTS: DraftKind[EntryContent] = DraftKind(
    DRAFT_NAME, b"regroup/recovery-draft/v1", "entry_id", _entry_to_json, _entry_from_json
)
