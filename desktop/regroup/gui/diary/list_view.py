"""The entry list's view: rows of day, mood and title, then the words found or the start.

Every row has the same height (a kit row view), so the view never has to measure
rows it does not show.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START, EntrySummary
from regroup.gui.diary.list_model import SNIPPET_ROLE, SUMMARY_ROLE, day_text, mood_text
from regroup.gui.kit.row_view import MUTED, TAG, RowDelegate, RowView, ink, inside

PADDING = 5
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def escape(text: str) -> str:
    """Return ``text`` safe inside HTML (the ``html`` module costs start-up time)."""
    return text.translate(_ESCAPES)


def highlighted_html(snippet: str) -> str:
    """Return a search snippet as HTML: text escaped, matches in bold, on one line."""
    text = escape(" ".join(snippet.split()))
    return text.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def row_html(summary: EntrySummary, snippet: str, dim: str, tag_colour: str = "") -> str:
    """Return the two lines of a row as HTML."""
    first = [f"<b>{escape(day_text(summary.entry_date))}</b>"]
    if summary.mood is not None:
        first.append(escape(mood_text(summary.mood)))
    if summary.title:
        first.append(escape(summary.title))
    second = highlighted_html(snippet) if snippet else escape(summary.preview)
    if not summary.title and not snippet:
        first.append(escape(summary.preview) or "<i>(empty entry)</i>")
        second = ""
    tags = " ".join(f"#{escape(tag)}" for tag in summary.tags)
    if tags:
        second = f'<span style="color:{tag_colour or dim}">{tags}</span>  {second}'
    return (
        f"<div style='white-space:pre'>{' · '.join(first)}</div>"
        f"<div style='color:{dim}; white-space:pre'>{second}</div>"
    )


class EntryDelegate(RowDelegate):
    """Paints a row from its summary as rich text; the style paints only the ground."""

    air = 2 * PADDING

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: the selection background from the style, then the row's rich text."""
        self.paint_ground(painter, option, index)
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            return
        colour = ink(option).name()
        dim = ink(option, MUTED).name()
        tags = ink(option, TAG).name()
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(f"body {{ color: {colour}; }}")
        snippet = str(index.data(SNIPPET_ROLE) or "")
        document.setHtml(f"<body>{row_html(summary, snippet, dim, tags)}</body>")
        rect = option.rect
        with inside(painter, rect):
            painter.translate(rect.left() + PADDING, rect.top() + PADDING)
            document.drawContents(painter)


class EntryListView(RowView):
    """The list of entries, newest first, painted by :class:`EntryDelegate`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EntryDelegate(), "Entries", parent)

    def keyboardSearch(self, search: str) -> None:
        """Qt: type-to-find would read every row's text, loading the whole diary; skip it."""
