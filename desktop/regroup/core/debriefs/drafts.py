"""How a debrief is written into its recovery draft (``core.storage.drafts`` seals it)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.drafts import DraftKind, day_from_json

DEBRIEF_DRAFT_NAME = "recovery-draft-debrief.bin"


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
        values[name] = day_from_json(values.get(name))
    for name, choice in _DEBRIEF_CHOICES.items():
        value = values.get(name)
        values[name] = None if value is None else choice(value)
    for name in _DEBRIEF_LISTS:
        values[name] = tuple(values.get(name, ()))
    return DebriefContent(**values)


DEBRIEF_DRAFTS: DraftKind[DebriefContent] = DraftKind(
    DEBRIEF_DRAFT_NAME,
    b"regroup/recovery-draft/debrief/v1",
    "debrief_id",
    _debrief_to_json,
    _debrief_from_json,
)
