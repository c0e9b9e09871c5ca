"""Adding or editing an application on the waiting list: who, what, when, how far.

Only what cannot be stored is refused (no company nor role, a day after today);
the dialog then says why and stays open with every word as it was.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regroup.core.debriefs.types import STAGE_LABELS, Stage
from regroup.core.errors import RegroupError
from regroup.core.waiting.types import WaitingContent, WaitingItem
from regroup.gui.kit.date_field import DateField

if TYPE_CHECKING:
    from regroup.core.waiting.service import WaitingService


class WaitingDialog(QDialog):
    """Edits one application (or a new one); ``item`` holds what was saved once accepted."""

    def __init__(
        self,
        waiting: WaitingService,
        today: date,
        editing: WaitingItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._waiting = waiting
        self._editing = editing
        self.item: WaitingItem | None = None
        self.setWindowTitle("Edit application" if editing else "Waiting to hear back")
        self.setMinimumWidth(420)
        self.company_edit = QLineEdit()
        self.company_edit.setAccessibleName("Company")
        self.company_edit.setPlaceholderText("e.g. Acme")
        self.role_edit = QLineEdit()
        self.role_edit.setAccessibleName("Role")
        self.role_edit.setPlaceholderText("e.g. Data analyst")
        self.applied_edit = DateField("Day applied", optional=False, today=lambda: today)
        self.applied_edit.set_value(today)
        self.stage_box = QComboBox()
        self.stage_box.setAccessibleName("Stage reached so far")
        for stage, label in STAGE_LABELS.items():
            self.stage_box.addItem(label, stage.value)
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Optional: who you spoke to, what comes next")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("textStyle", "caption")
        self.error_label.setAccessibleName("Why it is not saved yet")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Company:", self.company_edit)
        form.addRow("Role:", self.role_edit)
        form.addRow("Applied on:", self.applied_edit)
        form.addRow("Stage so far:", self.stage_box)
        form.addRow("Note:", self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch()
        layout.addWidget(buttons)
        if editing is not None:
            self.show_content(editing.content)

    def show_content(self, content: WaitingContent) -> None:
        """Fill the fields with ``content``."""
        self.company_edit.setText(content.company)
        self.role_edit.setText(content.role)
        self.applied_edit.set_value(content.applied_on)
        self.stage_box.setCurrentIndex(self.stage_box.findData(content.stage.value))
        self.note_edit.setText(content.note)

    def content(self) -> WaitingContent:
        """Return what the dialog holds (the day applied is never empty: it is not optional)."""
        applied = self.applied_edit.value()
        assert applied is not None
        return WaitingContent(
            company=self.company_edit.text(),
            role=self.role_edit.text(),
            applied_on=applied,
            stage=Stage(self.stage_box.currentData()),
            note=self.note_edit.text(),
        )

    def save(self) -> None:
        """Save and close; on a refusal, say why and keep the dialog open."""
        self.applied_edit.commit_text()
        if not self.applied_edit.is_valid():
            self.applied_edit.setFocus()
            return
        try:
            if self._editing is None:
                self.item = self._waiting.add(self.content())
            else:
                self.item = self._waiting.update(self._editing.id, self.content())
        except RegroupError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.accept()
