"""The "what I would do differently" list: one line per change, each a goal in waiting.

Each line has a "Make it a goal" button; once a goal exists for the line, the row
says which column of the board it is in instead. Blank lines are not stored, so
the index a goal is made from counts only the lines with words in them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.goals.types import LANE_LABELS, GoalRecord


class LineRow(QWidget):
    """One line: the words, its goal button or goal state, and a remove button."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText("e.g. Practise answering salary questions out loud")
        self.goal_button = QPushButton("Make it a goal")
        self.goal_state = QLabel()
        self.goal_state.hide()
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setToolTip("Remove this line")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.goal_button)
        layout.addWidget(self.goal_state)
        layout.addWidget(self.remove_button)
        self.renumber(number)

    def renumber(self, number: int) -> None:
        """Give the row's controls names that say which line they belong to."""
        self.edit.setAccessibleName(f"Change {number}")
        self.goal_button.setAccessibleName(f"Make change {number} a goal")
        self.remove_button.setAccessibleName(f"Remove change {number}")
        self.goal_state.setAccessibleName(f"Goal from change {number}")

    def show_goal(self, goal: GoalRecord | None) -> None:
        """Show the goal made from this line, or offer to make one."""
        self.goal_button.setVisible(goal is None)
        self.goal_state.setVisible(goal is not None)
        self.goal_button.setEnabled(bool(self.edit.text().strip()))
        if goal is not None:
            self.goal_state.setText(f"Goal: {LANE_LABELS[goal.lane]}")
            self.goal_state.setToolTip(goal.title)


class LinesEditor(QWidget):
    """Edits a list of lines; tells when they change and when one should become a goal."""

    edited = Signal()
    make_goal = Signal(int)
    """The index, among the lines with words, of the line to turn into a goal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineRow] = []
        self._goals: Sequence[GoalRecord] = ()
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add a line")
        self.add_button.setAccessibleName("Add a change")
        self.add_button.clicked.connect(self._add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        layout.addLayout(buttons)

    def lines(self) -> tuple[str, ...]:
        """Return the lines that have words in them, as typed."""
        return tuple(row.edit.text() for row in self.rows if row.edit.text().strip())

    def set_lines(self, lines: Sequence[str]) -> None:
        """Show ``lines``, and one empty line to type into when there are none."""
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for line in lines or [""]:
            self._add_row(line)
        self._refresh_goals()

    def show_goals(self, goals: Sequence[GoalRecord]) -> None:
        """Show which lines already became goals (matched by their words)."""
        self._goals = goals
        self._refresh_goals()

    def _refresh_goals(self) -> None:
        for row in self.rows:
            text = row.edit.text()
            goal = next((g for g in self._goals if text.strip() and g.source_line == text), None)
            row.show_goal(goal)

    def add_line(self, text: str = "") -> LineRow:
        """Add a line at the end and put the cursor in it."""
        row = self._add_row(text)
        self._refresh_goals()
        row.edit.setFocus()
        return row

    def _add_clicked(self) -> None:
        self.add_line()
        self.edited.emit()

    def _add_row(self, text: str) -> LineRow:
        row = LineRow(len(self.rows) + 1, text)
        row.edit.textEdited.connect(lambda _text: self._on_text_edited())
        row.edit.returnPressed.connect(lambda: self._on_return(row))
        row.goal_button.clicked.connect(lambda: self._on_goal(row))
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._column.addWidget(row)
        return row

    def _on_text_edited(self) -> None:
        self._refresh_goals()
        self.edited.emit()

    def _on_return(self, row: LineRow) -> None:
        if row is self.rows[-1] and row.edit.text().strip():
            self.add_line()

    def _on_goal(self, row: LineRow) -> None:
        filled = [r for r in self.rows if r.edit.text().strip()]
        if row in filled:
            self.make_goal.emit(filled.index(row))

    def remove_row(self, row: LineRow) -> None:
        """Remove a line (its goal, if any, stays on the board)."""
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        if not self.rows:
            self._add_row("")
        for number, each in enumerate(self.rows, start=1):
            each.renumber(number)
        self._refresh_goals()
        self.edited.emit()
