"""One calm card of the Insights page: a title, charts each with its reading, and a table.

"Show as table" swaps the charts for the same numbers as text (for a screen
reader, or anyone who prefers numbers); a chart with nothing to draw is left out
and its reading, kind words from core, stands alone instead of empty axes.
Each chart stands in a slot of its final height, drawn when the page asks
(those in view first): the page never jumps, and no long pause builds them all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.insights.charts import Chart, chart_for, height_of
from regroup.gui.insights.specs import BarSpec, CardSpec, LineSpec, Table

TABLE_LABEL = "Show as table"
CHART_LABEL = "Show as chart"
TABLE_ROWS = 12


def text_label(text: str, style: str, name: str = "") -> QLabel:
    """Return a wrapping label in one of the theme's text styles."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", style)
    label.setMinimumWidth(1)  # wraps to the card's width; never widens the window
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


class TableView(QTableWidget):
    """The card's numbers as rows; Enter or a double-click opens the records of a row."""

    row_opened = Signal(int)

    def __init__(self, table: Table, name: str, parent: QWidget | None = None) -> None:
        super().__init__(len(table.rows), len(table.headers), parent)
        self.setAccessibleName(name)
        self.setHorizontalHeaderLabels(list(table.headers))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, cells in enumerate(table.rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.setItem(row, column, cell)
        height = header.sizeHint().height() + 2 * self.frameWidth()
        shown = min(self.rowCount(), TABLE_ROWS)  # a long table scrolls inside the card
        height += sum(self.rowHeight(row) for row in range(shown))
        self.setFixedHeight(height)
        self.cellDoubleClicked.connect(lambda row, _column: self.row_opened.emit(row))
        self.activated.connect(lambda index: self.row_opened.emit(index.row()))

    def cell_texts(self) -> list[list[str]]:
        """Return every cell's text, row by row."""
        cells = [
            [self.item(r, c) for c in range(self.columnCount())] for r in range(self.rowCount())
        ]
        return [["" if cell is None else cell.text() for cell in row] for row in cells]


class ChartSlot(QWidget):
    """The place of one chart, at the chart's height, until :meth:`fill` draws it.

    The chart is placed by hand over the whole slot rather than through a layout: the
    slot's size never depends on it, and a chart added to a layout made the whole
    column of cards lay itself out again at the next turn, some 4 ms a chart.
    """

    def __init__(self, spec: BarSpec | LineSpec, card: FigureCard) -> None:
        super().__init__()
        self.spec = spec
        self.card = card
        self.chart: Chart | None = None
        self.setFixedHeight(height_of(spec))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def fill(self) -> Chart:
        """Draw the chart now (once)."""
        if self.chart is None:
            self.chart = chart_for(self.spec)
            self.chart.clicked.connect(self.card.records_requested)
            self.chart.setParent(self)
            self.chart.setGeometry(self.rect())
            self.chart.setVisible(self.isVisibleTo(self.card))  # now, not at the next turn
        return self.chart

    def resizeEvent(self, event: QResizeEvent) -> None:  # the chart covers the slot
        if self.chart is not None:
            self.chart.setGeometry(self.rect())
        super().resizeEvent(event)


class FigureCard(QFrame):
    """Shows one figure; ``records_requested`` carries the records behind a click."""

    records_requested = Signal(object)

    def __init__(self, spec: CardSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # the card style draws the frame
        self.setAccessibleName(spec.title)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.slots: list[ChartSlot] = []
        self.readings: list[QLabel] = []
        self.chart_area = QWidget()
        charts = QVBoxLayout(self.chart_area)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.setSpacing(8)
        for chart_spec, reading in spec.charts:
            if not chart_spec.empty:
                slot = ChartSlot(chart_spec, self)
                self.slots.append(slot)
                charts.addWidget(slot)
            if reading:
                label = text_label(reading, "body", f"{spec.title}: reading")
                self.readings.append(label)
                charts.addWidget(label)
        for note in spec.notes:
            charts.addWidget(text_label(note, "caption"))
        self._table: TableView | None = None  # built when first asked for
        self.toggle = QToolButton()
        self.toggle.setText(TABLE_LABEL)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(f"{spec.title}: {TABLE_LABEL.lower()}")
        self.toggle.toggled.connect(self.show_table)
        self.toggle.setVisible(bool(spec.table.rows))
        title = text_label(spec.title, "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.chart_area)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def charts(self) -> list[Chart]:
        """Return the charts drawn so far (every one, once the page has finished)."""
        return [slot.chart for slot in self.slots if slot.chart is not None]

    @property
    def table(self) -> TableView:
        """Return the table, building it the first time (a long one costs a moment)."""
        if self._table is None:
            spec = self.spec
            self._table = TableView(spec.table, f"{spec.title} as a table")
            self._table.row_opened.connect(
                lambda row: self.records_requested.emit(spec.table.refs_of(row))
            )
            self._table.hide()
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.chart_area) + 1, self._table)
        return self._table

    def show_table(self, shown: bool) -> None:
        """Swap the charts for the table (the readings stay in the table's place too)."""
        self.toggle.setChecked(shown)
        self.toggle.setText(CHART_LABEL if shown else TABLE_LABEL)
        for slot in self.slots:
            slot.setVisible(not shown)
            if slot.chart is not None:
                slot.chart.setVisible(not shown)
        self.table.setVisible(shown)
