"""Deleting a debrief (asking what happens to its goals) and its trash.

Goals are the part of a debrief that lives on, so the person always chooses:
keep them on the board, or let them go with the debrief (and come back with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.debrief_types import GoalsOnDelete
from regroup.core.errors import RegroupError
from regroup.gui.data_events import DataEvents
from regroup.gui.debrief_list_panel import summary_text

if TYPE_CHECKING:
    from regroup.core.debriefs import DebriefService


class DeleteDebriefBox(QMessageBox):
    """Asks whether a debrief's goals stay on the board or go to the trash with it."""

    def __init__(self, goal_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete this debrief?")
        self.setIcon(QMessageBox.Icon.Question)
        goals = f"{goal_count} goal{'' if goal_count == 1 else 's'}"
        self.setText(
            f"The debrief goes to the trash, where you can restore it. It produced {goals}: "
            "keep them on the board, or let them go with it?"
            if goal_count
            else "The debrief goes to the trash, where you can restore it."
        )
        self.keep_button = self.addButton(
            "Delete, keep the goals" if goal_count else "Delete",
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.keep_button.setAccessibleName(self.keep_button.text())
        self.with_goals_button: QPushButton | None = None
        if goal_count:
            self.with_goals_button = self.addButton(
                "Delete with its goals", QMessageBox.ButtonRole.DestructiveRole
            )
            self.with_goals_button.setAccessibleName("Delete with its goals")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.setDefaultButton(cancel)

    def choice(self) -> GoalsOnDelete | None:
        """Ask; return what to do with the goals, or None when cancelled."""
        self.exec()
        clicked = self.clickedButton()
        if clicked is self.keep_button:
            return GoalsOnDelete.KEEP
        if clicked is not None and clicked is self.with_goals_button:
            return GoalsOnDelete.DELETE
        return None


class DebriefTrashDialog(QDialog):
    """Restores debriefs (with the goals that went with them) or empties the trash."""

    def __init__(
        self, debriefs: DebriefService, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._debriefs = debriefs
        self._events = events
        self.restored_ids: list[int] = []
        self.setWindowTitle("Debriefs in the trash")
        self.resize(520, 380)
        self.debrief_list = QListWidget()
        self.debrief_list.setAccessibleName("Debriefs in the trash")
        self.debrief_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel("The trash is empty.")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setAccessibleName("Restore the chosen debriefs")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton("Empty trash…")
        self.empty_button.setAccessibleName("Empty the debrief trash")
        self.empty_button.clicked.connect(self.empty_trash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Deleted debriefs wait here. Restoring one brings back its goals."))
        layout.addWidget(self.debrief_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.debrief_list.itemSelectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        """List what is in the trash now."""
        self.debrief_list.clear()
        for summary in self._debriefs.trashed():
            item = QListWidgetItem(summary_text(summary).replace("\n", " · "))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.debrief_list.addItem(item)
        self.empty_label.setVisible(self.debrief_list.count() == 0)
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(bool(self.debrief_list.selectedItems()))
        self.empty_button.setEnabled(self.debrief_list.count() > 0)

    def restore_selected(self) -> None:
        """Take the chosen debriefs out of the trash."""
        ids = [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.debrief_list.selectedItems()]
        try:
            for debrief_id in ids:
                self._debriefs.restore(debrief_id)
                self.restored_ids.append(debrief_id)
        except RegroupError as exc:
            QMessageBox.warning(self, "Not restored", str(exc))
        self._events.debriefs_changed.emit()
        self._events.goals_changed.emit()
        self.reload()

    def empty_trash(self) -> None:
        """Delete every debrief in the trash for good, once the person confirms."""
        count = self.debrief_list.count()
        answer = QMessageBox.question(
            self,
            "Empty the trash?",
            f"Delete the {count:,} debrief{'' if count == 1 else 's'} in the trash for good? "
            "Goals that went with them go too; goals you kept stay on the board. "
            "This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._debriefs.empty_trash()
        except RegroupError as exc:
            QMessageBox.warning(self, "The trash was not emptied", str(exc))
        self._events.goals_changed.emit()
        self.reload()
