"""Creating and editing a goal, with gentle SMART hints: a verb, a number, a date.

The hints update as the person types and never block saving; only a goal without
a title is refused, and the dialog stays open with the words as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.goals.types import CATEGORY_LABELS, GoalContent, GoalRecord, smart_hints
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.form_fields import ChoiceBox

if TYPE_CHECKING:
    from regroup.core.goals.service import GoalService


class GoalDialog(QDialog):
    """Edits one goal (or a new one); ``record`` holds what was saved once accepted."""

    def __init__(
        self,
        goals: GoalService,
        record: GoalRecord | None = None,
        source: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._goals = goals
        self._editing = record
        self.record: GoalRecord | None = None
        self.setWindowTitle("Edit goal" if record else "New goal")
        self.resize(480, 320)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Goal title")
        self.title_edit.setPlaceholderText("e.g. Practise three interview answers out loud")
        self.category_box = ChoiceBox("Goal category", list(CATEGORY_LABELS.items()), "None")
        self.due_edit = DateField("Due date", placeholder="No due date")
        self.outcome_edit = QLineEdit()
        self.outcome_edit.setAccessibleName("Measurable outcome")
        self.outcome_edit.setPlaceholderText("How will you know it is done? e.g. 3 mock interviews")
        self.hints_label = QLabel()
        self.hints_label.setWordWrap(True)
        self.hints_label.setAccessibleName("Suggestions for this goal")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow("Goal:", self.title_edit)
        form.addRow("Category:", self.category_box)
        form.addRow("Due date:", self.due_edit)
        form.addRow("Measurable outcome:", self.outcome_edit)
        if source:
            form.addRow("From the debrief:", QLabel(source))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hints_label)
        layout.addWidget(self.error_label)
        layout.addStretch()
        layout.addWidget(buttons)
        if record is not None:
            self.title_edit.setText(record.title)
            self.category_box.set_value(record.category)
            self.due_edit.set_value(record.due_on)
            self.outcome_edit.setText(record.outcome)
        self.title_edit.textChanged.connect(self._refresh_hints)
        self.outcome_edit.textChanged.connect(self._refresh_hints)
        self.due_edit.changed.connect(self._refresh_hints)
        self._refresh_hints()

    def content(self) -> GoalContent:
        """Return what the dialog holds."""
        return GoalContent(
            title=self.title_edit.text().strip(),
            category=self.category_box.value(),
            due_on=self.due_edit.value(),
            outcome=self.outcome_edit.text(),
        )

    def _refresh_hints(self) -> None:
        hints = smart_hints(self.content())
        self.hints_label.setText(
            "\n".join(f"• {hint}" for hint in hints) if hints else "Clear and checkable. Good."
        )

    def save(self) -> None:
        """Save the goal and close; on a refusal, say why and keep the dialog open."""
        self.due_edit.commit_text()
        if not self.due_edit.is_valid():
            self.due_edit.setFocus()
            return
        try:
            if self._editing is None:
                self.record = self._goals.create(self.content())
            else:
                self.record = self._goals.update(self._editing.id, self.content())
        except RegroupError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.accept()
