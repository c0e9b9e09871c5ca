"""Recovery drafts as the rest of Regroup sees them: what a failed save left behind.

The encrypted files are ``core.storage.drafts``' business; this module holds only
the plain types, so the window can name a draft and the place that keeps one
without reaching into storage.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Generic, Protocol, TypeVar

from regroup.core.record import record

C = TypeVar("C")


@record
class Draft(Generic[C]):
    """Unsaved content of an entry or a debrief: for a new one when ``record_id`` is None."""

    record_id: int | None
    content: C
    saved_at: datetime


class DraftKeeper(Protocol[C]):
    """Where the one recovery draft of a kind of record (diary entry, debrief) is kept."""

    def save(self, draft: Draft[C]) -> object:
        """Keep ``draft`` in place of the last one; raise when nowhere would take it."""
        ...

    def load(self) -> Draft[C] | None:
        """Return the draft kept last, or None."""
        ...

    def discard(self) -> None:
        """Forget the draft (it was saved, or the person let it go)."""
        ...


@record
class DraftKind(Generic[C]):
    """How one kind of content is named, sealed and written as JSON in its draft file."""

    file_name: str
    aad: bytes
    id_key: str
    to_json: Callable[[C], dict[str, Any]]
    from_json: Callable[[dict[str, Any]], C]


def day_from_json(text: str | None) -> date | None:
    """Read a day a draft wrote as ISO text (or None)."""
    return date.fromisoformat(text) if text else None
