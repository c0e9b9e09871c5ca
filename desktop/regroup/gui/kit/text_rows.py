"""A list model of records shown as lines of text, each row knowing its record's id.

The debrief list and the Waiting list (and any list painted by a ``RowDelegate``)
hold plain records read from a service; this turns them into rows without a
model class of their own each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

R = TypeVar("R")
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The role under which a row gives its record's id."""


class TextRows(QAbstractListModel, Generic[R]):
    """Rows of ``text(record)`` (line breaks between lines); reset whole on each reload."""

    def __init__(
        self, text: Callable[[R], str], ident: Callable[[R], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._ident = ident
        self.rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many rows."""
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Qt: a row's text (for a screen reader, on one line), and its record's id."""
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(record).replace("\n", ", ")
        if role == ROW_ID_ROLE:
            return self._ident(record)
        return None

    def row_of(self, record_id: int | None) -> int | None:
        """Return the row showing the record ``record_id``, if it is listed."""
        return next((n for n, row in enumerate(self.rows) if self._ident(row) == record_id), None)
