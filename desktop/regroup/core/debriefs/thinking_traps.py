"""Thinking traps a debrief can name, loaded from ``resources/thinking_traps.json``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import regroup.resources
from regroup.core.record import record


@record
class ThinkingTrap:
    """A habit of thought that makes a rejection hurt more than it has to."""

    id: str
    name: str
    explanation: str
    reframe_hint: str


@cache
def all_traps() -> tuple[ThinkingTrap, ...]:
    """Return every trap, in the order of the file."""
    path = Path(regroup.resources.__file__).parent / "thinking_traps.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        ThinkingTrap(str(t["id"]), str(t["name"]), str(t["explanation"]), str(t["reframe_hint"]))
        for t in data["traps"]
    )


def trap_ids() -> frozenset[str]:
    """Return the ids a debrief may store."""
    return frozenset(trap.id for trap in all_traps())


def trap_by_id(trap_id: str) -> ThinkingTrap | None:
    """Return the trap with this id, or None for an id this version does not know."""
    return next((trap for trap in all_traps() if trap.id == trap_id), None)
