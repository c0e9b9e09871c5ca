"""The entry list: a lazy model over every entry of the diary, or over a search's hits.

A 100-year diary holds ~365,000 entries. The model keeps only their ids (one
8-byte integer each) and asks the browse service for summaries when the view
paints a row, a block at a time, keeping a few blocks in a small LRU cache.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from regroup.core.diary.types import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MOOD_LABELS,
    EntrySummary,
    ListPlace,
    SearchHit,
)
from regroup.gui.kit.dates import format_day

if TYPE_CHECKING:
    from regroup.core.diary.listing import DiaryBrowser

NEWEST_ROWS = 100
"""Rows listed with their summaries before the window shows: more than any screen holds."""
BLOCK_SIZE = 25
"""Summaries read together when the view paints a row not cached yet. Small, since an
entry switch or a jump of the scroll bar reads one or two blocks: 25 summaries take
~0.4 ms at 36,500 entries, 100 took ~2.3 ms (entry_switch_ms)."""
ID_PAGE = 10_000
"""Ids read per step while the list completes: ~15 ms here, so the window stays live."""
log = logging.getLogger(__name__)
CACHED_BLOCKS = 64
"""About 1,600 rows' summaries kept: scrolling back over them reads nothing."""
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex


def day_text(day: date) -> str:
    """Return a day as lists show it: the window's one format, kept per day (a hot path)."""
    return format_day(day)


def mood_text(mood: int | None) -> str:
    """Return a mood as "4 Good", or "" when none was chosen."""
    return f"{mood} {MOOD_LABELS[mood]}" if mood in MOOD_LABELS else ""


def plain_snippet(snippet: str) -> str:
    """Return a search snippet without its highlight markers."""
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def row_text(summary: EntrySummary) -> str:
    """Return the one-line text of a row: "date · mood · title or preview  #tags"."""
    parts = [day_text(summary.entry_date)]
    if summary.mood in MOOD_LABELS:
        parts.append(mood_text(summary.mood))
    parts.append(summary.title or summary.preview or "(empty entry)")
    text = " · ".join(parts)
    if summary.tags:
        text += "  " + " ".join(f"#{tag}" for tag in summary.tags)
    return text


class EntryListModel(QAbstractListModel):
    """Rows are entries, newest first; in search mode, hits in order of relevance.

    ``rows_built`` counts the summaries fetched from the service, ``fetches`` the
    calls that fetched them and ``data_calls`` the calls to :meth:`data`, so a test
    or a benchmark can prove that scrolling builds only what is shown (plus at most
    the rest of a block).
    """

    def __init__(self, browse: DiaryBrowser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._browse = browse
        self._ids: array[int] = array("q")
        self._hits: list[SearchHit] | None = None
        self._blocks: OrderedDict[int, dict[int, EntrySummary]] = OrderedDict()
        self._complete = True
        self._next_place: ListPlace | None = None
        self.rows_built = 0
        self.fetches = 0
        self.data_calls = 0

    @property
    def searching(self) -> bool:
        """True while the rows are search hits rather than the whole diary."""
        return self._hits is not None

    @property
    def complete(self) -> bool:
        """False while only the newest entries are listed (see :meth:`show_newest`)."""
        return self._complete

    def show_newest(self) -> None:
        """List the newest block of entries only: the window can show without the rest.

        Reading every id takes ~20 ms for a 10-year diary and ~0.5 s for a 100-year
        one; :meth:`load_more` adds them a page at a time once the window is on screen.
        """
        newest = self._browse.latest(NEWEST_ROWS)
        self.beginResetModel()
        self._hits = None
        self._ids = array("q", (summary.id for summary in newest))
        self._blocks.clear()
        for start in range(0, len(newest), BLOCK_SIZE):
            block = newest[start : start + BLOCK_SIZE]
            self._blocks[start // BLOCK_SIZE] = {summary.id: summary for summary in block}
        self.rows_built += len(newest)
        self._complete = len(newest) < NEWEST_ROWS
        last = newest[-1] if newest else None
        self._next_place = (
            None if self._complete or last is None else ListPlace(last.entry_date, last.id)
        )
        self.endResetModel()

    def load_more(self, limit: int = ID_PAGE) -> bool:
        """Add up to ``limit`` older entries after :meth:`show_newest`; True once all are in.

        Rows are appended, so selection and scroll stay where they are.
        """
        if self._hits is not None:
            return True
        place = self._next_place
        if place is None:
            self._complete = True
        if self._complete or place is None:
            return True
        ids, self._next_place = self._browse.ids_after(place, limit)
        if ids:
            shown = len(self._ids)
            self.beginInsertRows(QModelIndex(), shown, shown + len(ids) - 1)
            self._blocks.pop(shown // BLOCK_SIZE, None)  # a partial block grows
            self._ids.extend(ids)
            self.endInsertRows()
        self._complete = self._next_place is None
        return self._complete

    def complete_list(self) -> None:
        """Add every older entry at once (when one of them must be shown now)."""
        while not self.load_more():
            pass

    def show_all(self) -> None:
        """Show every entry (loads ids only)."""
        self._hits = None
        self._complete = True
        self._reset_to(self._browse.ordered_ids())

    def _reset_to(self, ids: array[int]) -> None:
        self._next_place = None
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def show_hits(self, hits: list[SearchHit]) -> None:
        """Show search hits, best first."""
        self.beginResetModel()
        self._hits = list(hits)
        self._ids = array("q", (hit.summary.id for hit in hits))
        self._blocks.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Follow a change in the diary; keeps scroll and selection when the order held."""
        if self._hits is not None:
            return
        ids = self._browse.ordered_ids()
        self._complete = True
        if ids == self._ids:
            self._blocks.clear()
            if ids:
                self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))
            return
        self._reset_to(ids)

    def refresh_entry(self, entry_id: int) -> None:
        """Show the new title, mood, tags or words of one entry."""
        row = self.row_of(entry_id)
        if row < 0:
            return
        if self._hits is not None:
            fresh = self._browse.summaries([entry_id]).get(entry_id)
            if fresh is not None:
                old = self._hits[row]
                self._hits[row] = SearchHit(fresh, old.snippet, old.score)
        else:
            self._blocks.pop(row // BLOCK_SIZE, None)
        self.dataChanged.emit(self.index(row), self.index(row))

    def entry_id(self, row: int) -> int:
        """Return the id of the entry on ``row``."""
        return self._ids[row]

    def row_of(self, entry_id: int) -> int:
        """Return the row of an entry, or -1 when it is not listed."""
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: one row per listed entry."""
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: build only the row asked for, fetching its block when needed."""
        self.data_calls += 1
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._ids):
            return None
        if role == ENTRY_ID_ROLE:
            return self._ids[row]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            SUMMARY_ROLE,
            SNIPPET_ROLE,
        ):
            return None
        snippet = self._hits[row].snippet if self._hits is not None else ""
        if role == SNIPPET_ROLE:
            return snippet
        summary = self._summary(row)
        if role == SUMMARY_ROLE:
            return summary
        if summary is None:
            return "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(snippet) or summary.preview or None
        return row_text(summary)

    def _summary(self, row: int) -> EntrySummary | None:
        if self._hits is not None:
            return self._hits[row].summary
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            ids = self._ids[number * BLOCK_SIZE : (number + 1) * BLOCK_SIZE]
            try:
                block = self._browse.summaries(ids)
            except Exception as exc:  # a vanished disk must not turn each repaint into a crash
                log.warning("could not read entries for the list: %s", exc)
                return None
            self.fetches += 1
            self.rows_built += len(block)
            self._blocks[number] = block
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block.get(self._ids[row])
