"""The entry list's view: rows of day, mood and title, then the words found or the start.

Every row has the same height, so the view never has to measure rows it does not show.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START, EntrySummary
from regroup.gui.diary.list_model import SNIPPET_ROLE, SUMMARY_ROLE, day_text, mood_text

PADDING = 5
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
TAG_COLOUR = "#2f7d5b"


def escape(text: str) -> str:
    """Return ``text`` safe inside HTML (the ``html`` module costs start-up time)."""
    return text.translate(_ESCAPES)


def row_height(line_spacing: int) -> int:
    """Return the height of every row: two lines of text and some air."""
    return 2 * line_spacing + 2 * PADDING


def highlighted_html(snippet: str) -> str:
    """Return a search snippet as HTML: text escaped, matches in bold, on one line."""
    text = escape(" ".join(snippet.split()))
    return text.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def row_html(summary: EntrySummary, snippet: str, dim: str, tag_colour: str = TAG_COLOUR) -> str:
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
        second = f'<span style="color:{tag_colour}">{tags}</span>  {second}'
    return (
        f"<div style='white-space:pre'>{' · '.join(first)}</div>"
        f"<div style='color:{dim}; white-space:pre'>{second}</div>"
    )


class EntryDelegate(QStyledItemDelegate):
    """Paints a row from its summary; the view's default text painting is not used."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt: two lines of text, whatever the row holds."""
        return QSize(200, row_height(option.fontMetrics.lineSpacing()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: the selection background from the style, then the row's rich text."""
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        styled.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            return
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            colour = dim = tags = palette.color(QPalette.ColorRole.HighlightedText).name()
        else:
            colour = palette.color(QPalette.ColorRole.Text).name()
            dim = palette.color(QPalette.ColorRole.PlaceholderText).name()
            tags = TAG_COLOUR
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(f"body {{ color: {colour}; }}")
        snippet = str(index.data(SNIPPET_ROLE) or "")
        document.setHtml(f"<body>{row_html(summary, snippet, dim, tags)}</body>")
        rect = option.rect
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        document.drawContents(painter)
        painter.restore()


class EntryListView(QTableView):
    """A one-column list of equal rows painted by :class:`EntryDelegate`.

    A table rather than a QListView: even with uniform item sizes, QListView lays
    out every row through the model (two Python calls per row: 150 ms for a
    10-year diary, 1.4 s for a 100-year one, at each reload). A table's fixed row
    height needs no call per row, so showing and reloading cost the same at any size.
    """

    first_painted = Signal()
    """The list reached the screen once: a good moment for work that can wait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setItemDelegate(EntryDelegate(self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(self.fontMetrics().lineSpacing()))
        self.setAccessibleName("Entries")

    def visible_rows(self) -> range:
        """Return the rows on screen (for tests and benchmarks)."""
        first = self.rowAt(0)
        if first < 0:
            return range(0)
        last = self.rowAt(self.viewport().height() - 1)
        return range(first, (last if last >= 0 else self.model().rowCount() - 1) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: paint, and say so the first time."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def keyboardSearch(self, search: str) -> None:
        """Qt: type-to-find would read every row's text, loading the whole diary; skip it."""
