"""Lists of equal rows: a one-column table of fixed-height rows and the painter of its rows.

The diary's entries, the goals board's lanes and the debrief list each show
thousands of two-line rows (the diary up to hundreds of thousands). A QListView
lays out every row through the model (Python calls per row) at each reset, insert
or scroll-to, even with uniform item sizes: 150 ms for a 10-year diary, 1.4 s for
a 100-year one, tens of milliseconds for a Done lane of 5,000 cards. A table whose
rows share one fixed height needs no call per row, so showing, filtering and
reloading cost the same at any size, and the model is asked only about the rows
that are painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from regroup.gui.kit import theme
from regroup.gui.kit.viewports import viewport_of

Ink = QColor | QPalette.ColorRole | str
"""A colour, a palette role, or the name of a theme colour ("text_muted", "overdue"...)."""
MUTED = "text_muted"
"""The second line of a row (dates, snippets): quieter than the text, still readable."""
TAG = "accent"
"""Tags in a row."""


def is_selected(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
    """Tell whether the row being painted is selected (what the style's state would say).

    Asked of the view's selection rather than ``option.state``: reading the state
    builds QStyle's Python type and enums, about 15 ms that the Diary's first
    paint would otherwise pay.
    """
    view = option.widget
    selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
    return selection is not None and selection.isSelected(index)


def ink(
    option: QStyleOptionViewItem, colour: Ink = QPalette.ColorRole.Text, selected: bool = False
) -> QColor:
    """Return the colour for a row's text: ``colour``, or the selection's text colour.

    On a selected row (``selected``, from :func:`is_selected`) every line takes the
    selection's text colour, whatever its own (dim, a warning red), so it stays
    readable on the highlight.
    """
    palette = option.palette
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    if isinstance(colour, str):
        return theme.colour(colour)
    return colour if isinstance(colour, QColor) else palette.color(colour)


def fit(metrics: QFontMetrics, text: str, width: int) -> str:
    """Return ``text`` cut to ``width`` pixels with "…" at the end when it is longer.

    Rows never wrap (their height is fixed), so a long line is elided, not hidden.
    """
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def draw_line(painter: QPainter, rect: QRect, text: str) -> None:
    """Draw one line of a row in the painter's font and pen, elided to ``rect``."""
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        fit(painter.fontMetrics(), text, rect.width()),
    )


@contextmanager
def inside(painter: QPainter, rect: QRect) -> Iterator[QPainter]:
    """Paint within ``rect`` only, and leave the painter as it was afterwards.

    A row's drawing must not spill on its neighbours, which the view does not repaint.
    """
    painter.save()
    painter.setClipRect(rect)
    try:
        yield painter
    finally:
        painter.restore()


class RowDelegate(QStyledItemDelegate):
    """Paints rows of ``lines`` lines of text and ``air`` pixels of margin, all one height.

    On its own it paints a row as the style does: the selection, hover, focus and
    alternate colours, then the display text, one line per line break, each elided.
    A row that shows more (rich text, a card) overrides ``paint``, starting with
    ``paint_ground`` or a ground of its own, and draws its lines with the helpers
    of this module. The size is worked out from the font alone: Qt may ask it
    for every row, and asking the model then would read every row.
    """

    lines = 2
    air = 10
    _ground_only = False
    width_hint = 200
    """The width a row asks for; the list's one column stretches to the view anyway."""

    def row_height(self, metrics: QFontMetrics) -> int:
        """Return the height of every row for a font."""
        return self.lines * metrics.lineSpacing() + self.air

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt: the same size for every row, whatever it holds."""
        return QSize(self.width_hint, self.row_height(option.fontMetrics))

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt: what the style paints for a row; only its ground while ``paint_ground`` runs."""
        super().initStyleOption(option, index)
        if self._ground_only:
            option.text = ""

    def paint_ground(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint the row as the style does (selection, hover, focus) but without its text.

        Qt's own painting does it, so Python never needs the style object (see
        :func:`is_selected`).
        """
        self._ground_only = True
        try:
            super().paint(painter, option, index)
        finally:
            self._ground_only = False


class RowView(QTableView):
    """A one-column list of equal rows painted by a :class:`RowDelegate`.

    A table rather than a QListView (see the module's docstring). It behaves as a
    list: one row is chosen at a time, Tab leaves it, and it never scrolls sideways.
    ``scroll_per_pixel`` scrolls smoothly rather than a whole row at a time.
    """

    first_painted = Signal()
    """The list reached the screen once: a good moment for work that can wait."""

    def __init__(
        self,
        delegate: RowDelegate,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        scroll_per_pixel: bool = True,
    ) -> None:
        super().__init__(parent)
        self._painted = False
        if delegate.parent() is None:
            delegate.setParent(self)  # setItemDelegate does not keep it alive
        self.setItemDelegate(delegate)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if scroll_per_pixel:
            self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.fontMetrics()))
        self.setAccessibleName(accessible_name)

    def visible_rows(self) -> range:
        """Return the rows on screen (for tests and benchmarks)."""
        first = self.rowAt(0)
        if first < 0:
            return range(0)
        last = self.rowAt(viewport_of(self).height() - 1)
        return range(first, (last if last >= 0 else self.model().rowCount() - 1) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: paint, and say so the first time."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
