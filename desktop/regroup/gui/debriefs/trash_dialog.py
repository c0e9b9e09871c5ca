"""Deleting a debrief (asking what happens to its goals) and its trash.

Goals are the part of a debrief that lives on, so the person always chooses:
keep them on the board, or let them go with the debrief (and come back with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QWidget,
)

from regroup.core.debriefs.types import GoalsOnDelete
from regroup.gui.debriefs.list_panel import summary_text
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.trash_bin import TrashBin, TrashWords

if TYPE_CHECKING:
    from regroup.core.debriefs.service import DebriefService


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


WORDS = TrashWords(
    title="Debriefs in the trash",
    intro="Deleted debriefs wait here. Restoring one brings back its goals.",
    list_name="Debriefs in the trash",
    restore_name="Restore the chosen debriefs",
    empty_name="Empty the debrief trash",
)


class DebriefTrashDialog(TrashBin):
    """Restores debriefs (with the goals that went with them) or empties the trash."""

    def __init__(
        self, debriefs: DebriefService, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(WORDS, parent)
        self._debriefs = debriefs
        self._events = events
        self.debrief_list = self.item_list
        self.resize(520, 380)
        self.reload()

    def rows(self) -> list[tuple[int, str]]:
        """The debriefs in the trash, one line each."""
        return [
            (summary.id, summary_text(summary).replace("\n", " · "))
            for summary in self._debriefs.trashed()
        ]

    def restore_item(self, item_id: int) -> None:
        """Bring a debrief back, with the goals that went with it."""
        self._debriefs.restore(item_id)

    def empty_items(self) -> None:
        """Delete the debriefs in the trash (and the goals that went with them) for good."""
        self._debriefs.empty_trash()

    def empty_question(self, count: int) -> str:
        """Ask, saying which goals go too."""
        return (
            f"Delete the {count:,} debrief{'' if count == 1 else 's'} in the trash for good? "
            "Goals that went with them go too; goals you kept stay on the board. "
            "This cannot be undone."
        )

    def changed(self, restored: bool) -> None:
        """Restored debriefs bring back goals; emptying unlinks or removes goals."""
        if restored:
            self._events.debriefs_changed.emit()
        self._events.goals_changed.emit()
