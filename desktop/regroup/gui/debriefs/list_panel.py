"""The debrief list: words to look for, filters by company, stage and dates, and the rows.

Every change of a filter asks the list service again at once (a few milliseconds
for thousands of debriefs), so what is typed narrows the list as it is typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from regroup.core.debriefs.listing import DebriefBrowser
from regroup.core.debriefs.types import STAGE_LABELS, DebriefQuery, DebriefStatus, DebriefSummary
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.dates import format_day
from regroup.gui.kit.form_fields import ChoiceBox
from regroup.gui.kit.row_view import RowDelegate, RowView

DEBRIEF_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_COMPANIES = "All companies"


def summary_text(summary: DebriefSummary) -> str:
    """Return a row's two lines: who and what, then stage, day and status."""
    name = " – ".join(part for part in (summary.company, summary.role) if part.strip())
    details = [STAGE_LABELS[summary.stage]] if summary.stage else []
    if summary.day:
        details.append(format_day(summary.day))
    if summary.status is DebriefStatus.DRAFT:
        details.append("Draft")
    return f"{name or 'Untitled debrief'}\n{' · '.join(details) or 'No details yet'}"


class DebriefListModel(QAbstractListModel):
    """The rows of the list; the summaries are read once per filter change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DebriefSummary] = []

    def set_rows(self, rows: list[DebriefSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many rows."""
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Qt: a row's text, and its debrief id."""
        if not index.isValid():
            return None
        summary = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_text(summary)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return summary_text(summary).replace("\n", ", ")
        if role == DEBRIEF_ID_ROLE:
            return summary.id
        return None

    def row_of(self, debrief_id: int | None) -> int | None:
        """Return the row showing ``debrief_id``, if it is listed."""
        return next((n for n, row in enumerate(self.rows) if row.id == debrief_id), None)


def list_view(model: DebriefListModel) -> RowView:
    """Return the list's view: two lines a row, painted by the style on alternate colours.

    A kit row view: its fixed row height needs no Python call per row when the list
    is reset, which keeps a filter change on 2,000 debriefs fast.
    """
    view = RowView(RowDelegate(), "Debriefs", scroll_per_pixel=False)
    view.setAlternatingRowColors(True)
    view.setModel(model)
    return view


class DebriefListPanel(QWidget):
    """Search, filters and the list; ``debrief_chosen`` fires when a row is picked."""

    debrief_chosen = Signal(int)

    def __init__(self, browser: DebriefBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browser = browser
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search debriefs…")
        self.search_edit.setAccessibleName("Search debriefs")
        self.search_edit.setClearButtonEnabled(True)
        self.company_box = QComboBox()
        self.company_box.setAccessibleName("Company filter")
        # A long company name would otherwise widen the list, and with it the window.
        self.company_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.company_box.setMinimumContentsLength(12)
        self.stage_box = ChoiceBox("Stage filter", list(STAGE_LABELS.items()), "Any stage")
        self.from_edit = DateField("Earliest date", placeholder="Any day")
        self.to_edit = DateField("Latest date", placeholder="Any day")
        self.model = DebriefListModel(self)
        self.view = list_view(self.model)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("How many debriefs are listed")
        filters = QFormLayout()
        filters.addRow("Company:", self.company_box)
        filters.addRow("Stage:", self.stage_box)
        filters.addRow("From:", self.from_edit)
        filters.addRow("To:", self.to_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.search_edit.textChanged.connect(self.apply_filters)
        self.company_box.currentIndexChanged.connect(self.apply_filters)
        self.stage_box.currentIndexChanged.connect(self.apply_filters)
        self.from_edit.changed.connect(self.apply_filters)
        self.to_edit.changed.connect(self.apply_filters)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self._selected: int | None = None
        self.reload()

    def query(self) -> DebriefQuery:
        """Return what the filters ask for now."""
        company = self.company_box.currentText() if self.company_box.currentIndex() > 0 else None
        day_from: date | None = self.from_edit.value()
        return DebriefQuery(
            text=self.search_edit.text(),
            company=company,
            stage=self.stage_box.value(),
            date_from=day_from,
            date_to=self.to_edit.value(),
        )

    def reload(self) -> None:
        """Read the companies again, then the rows (after saves, trash and restore)."""
        chosen = self.company_box.currentText() if self.company_box.currentIndex() > 0 else None
        self.company_box.blockSignals(True)
        self.company_box.clear()
        self.company_box.addItem(ALL_COMPANIES)
        self.company_box.addItems(self._browser.companies())
        if chosen is not None:
            found = self.company_box.findText(chosen)
            self.company_box.setCurrentIndex(max(found, 0))
        self.company_box.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        """List the debriefs that match the search and filters."""
        self.model.set_rows(self._browser.find(self.query()))
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} debrief{'' if count == 1 else 's'}")
        self.select_debrief(self._selected)

    def select_debrief(self, debrief_id: int | None) -> None:
        """Highlight the row of the open debrief (if it is listed)."""
        self._selected = debrief_id
        row = self.model.row_of(debrief_id)
        if row is None:
            self.view.clearSelection()
        else:
            self.view.setCurrentIndex(self.model.index(row))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.debrief_chosen.emit(int(index.data(DEBRIEF_ID_ROLE)))
