"""The entry list's view: rows of day, mood and title, then the words found or the start.

Every row has the same height (a kit row view), so the view never has to measure
rows it does not show. A row is painted as runs of plain text, each in its own
weight and colour, and the run that reaches the edge ends in "…": a long title or
snippet never stops at a clipped letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START, EntrySummary
from regroup.gui.diary.list_model import SNIPPET_ROLE, SUMMARY_ROLE, day_text, mood_text
from regroup.gui.kit.row_view import (
    MUTED,
    TAG,
    RowDelegate,
    RowView,
    fit,
    ink,
    inside,
    is_selected,
)

PADDING = 5


class Ink(Enum):
    """How a run of a row is drawn: its weight and which colour of the row it takes."""

    STRONG = "strong"
    PLAIN = "plain"
    DIM = "dim"
    FOUND = "found"
    TAG = "tag"


Run = tuple[str, Ink]
"""A piece of a row's line, drawn in one weight and colour."""


def one_line(text: str) -> str:
    """Return ``text`` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def snippet_runs(snippet: str) -> list[Run]:
    """Return a search snippet on one line: the words found strong, the rest dim."""
    runs: list[Run] = []
    found = False
    for piece in one_line(snippet).replace(HIGHLIGHT_END, HIGHLIGHT_START).split(HIGHLIGHT_START):
        if piece:
            runs.append((piece, Ink.FOUND if found else Ink.DIM))
        found = not found
    return runs


def row_runs(summary: EntrySummary, snippet: str) -> tuple[list[Run], list[Run]]:
    """Return the two lines of a row: day, mood and title; then tags and the words."""
    first: list[Run] = [(day_text(summary.entry_date), Ink.STRONG)]
    if summary.mood is not None:
        first.append((f" · {mood_text(summary.mood)}", Ink.PLAIN))
    if summary.title:
        first.append((f" · {one_line(summary.title)}", Ink.PLAIN))
    second = snippet_runs(snippet) if snippet else [(one_line(summary.preview), Ink.DIM)]
    if not summary.title and not snippet:
        first.append((f" · {one_line(summary.preview) or '(empty entry)'}", Ink.PLAIN))
        second = []
    if summary.tags:
        tags = " ".join(f"#{tag}" for tag in summary.tags)
        second = [(tags + ("  " if second else ""), Ink.TAG), *second]
    return first, [run for run in second if run[0]]


def draw_runs(
    painter: QPainter,
    rect: QRect,
    runs: Sequence[Run],
    fonts: dict[bool, QFont],
    inks: dict[Ink, QColor],
) -> list[str]:
    """Draw runs left to right in ``rect``; the run that reaches the edge ends in "…".

    Returns the pieces drawn, as they were drawn.
    """
    drawn: list[str] = []
    left = rect.left()
    for text, kind in runs:
        width = rect.right() + 1 - left
        if width <= 0:
            break
        painter.setFont(fonts[kind in (Ink.STRONG, Ink.FOUND)])
        metrics = painter.fontMetrics()
        shown = fit(metrics, text, width)
        painter.setPen(inks[kind])
        box = QRect(left, rect.top(), width, rect.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        drawn.append(shown)
        if shown != text:
            break
        left += metrics.horizontalAdvance(text)
    return drawn


class EntryDelegate(RowDelegate):
    """Paints a row from its summary; the style paints only the ground."""

    air = 2 * PADDING

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: the selection background from the style, then the row's two lines."""
        self.paint_ground(painter, option, index)
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            return
        snippet = str(index.data(SNIPPET_ROLE) or "")
        first, second = row_runs(summary, snippet)
        strong = QFont(option.font)
        strong.setBold(True)
        selected = is_selected(option, index)
        text = ink(option, selected=selected)
        dim = ink(option, MUTED, selected)
        inks = {Ink.STRONG: text, Ink.PLAIN: text, Ink.DIM: dim, Ink.FOUND: text}
        inks[Ink.TAG] = ink(option, TAG, selected)
        fonts = {False: option.font, True: strong}
        line = option.fontMetrics.lineSpacing()
        inner = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        with inside(painter, option.rect):
            for number, runs in enumerate((first, second)):
                top = inner.top() + number * line
                draw_runs(painter, QRect(inner.left(), top, inner.width(), line), runs, fonts, inks)


class EntryListView(RowView):
    """The list of entries, newest first, painted by :class:`EntryDelegate`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EntryDelegate(), "Entries", parent)

    def keyboardSearch(self, search: str) -> None:
        """Qt: type-to-find would read every row's text, loading the whole diary; skip it."""
