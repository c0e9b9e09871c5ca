"""Archived and dropped goals: out of the board's way, never lost.

A goal can go back to Next from here, or be deleted for good after asking.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.goals.types import LANE_LABELS, Lane
from regroup.gui.goals.lane import LaneModel, LaneView

if TYPE_CHECKING:
    from regroup.core.goals.service import GoalService

SHELF_LANES = (Lane.ARCHIVED, Lane.DROPPED)


class GoalShelfDialog(QDialog):
    """Tabs of archived and dropped goals, with "Back to Next" and "Delete…"."""

    def __init__(
        self,
        goals: GoalService,
        today: Callable[[], date],
        source_name: Callable[[int], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._goals = goals
        self.changed = False
        self.setWindowTitle("Archived and dropped goals")
        self.resize(520, 460)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Archived and dropped goals")
        self.views: dict[Lane, LaneView] = {}
        for lane in SHELF_LANES:
            model = LaneModel(lane, today, source_name, self._refuse_drop, self)
            view = LaneView(model, draggable=False)
            self.views[lane] = view
            self.tabs.addTab(view, LANE_LABELS[lane])
            view.selectionModel().selectionChanged.connect(lambda _new, _old: self._enable())
        self.tabs.currentChanged.connect(lambda _index: self._enable())
        self.back_button = QPushButton("Back to Next")
        self.back_button.setAccessibleName("Put the chosen goal back in Next")
        self.back_button.clicked.connect(self.back_to_next)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete the chosen goal for good")
        self.delete_button.clicked.connect(self.delete_chosen)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Goals you set aside, the most recent at the top."))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reload()

    @staticmethod
    def _refuse_drop(_goal: int, _from: Lane, _to: Lane, _index: int) -> bool:
        return False

    def reload(self) -> None:
        """Read both lanes again."""
        board = self._goals.board(SHELF_LANES)
        for lane, view in self.views.items():
            view.lane_model().set_cards(board.lane(lane))
            count = view.lane_model().rowCount()
            self.tabs.setTabText(SHELF_LANES.index(lane), f"{LANE_LABELS[lane]} ({count:,})")
        self._enable()

    def _enable(self) -> None:
        """The buttons act on the chosen goal: without one they are off, so none misleads."""
        chosen = self.chosen() is not None
        self.back_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def chosen(self) -> int | None:
        """Return the id of the chosen goal in the tab on show."""
        view = self.tabs.currentWidget()
        return view.current_goal() if isinstance(view, LaneView) else None

    def back_to_next(self) -> None:
        """Put the chosen goal at the end of Next."""
        goal_id = self.chosen()
        if goal_id is None:
            return
        self._do(lambda: self._goals.move(goal_id, Lane.NEXT, 1 << 30))

    def delete_chosen(self) -> None:
        """Delete the chosen goal for good, once the person confirms."""
        goal_id = self.chosen()
        if goal_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this goal?",
            "The goal is deleted for good. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._do(lambda: self._goals.delete(goal_id))

    def _do(self, action: Callable[[], object]) -> None:
        try:
            action()
        except RegroupError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.changed = True
        self.reload()
