"""The trash: deleted entries wait here until they are restored or the trash is emptied."""

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

from regroup.core.errors import RegroupError
from regroup.gui.data_events import DataEvents
from regroup.gui.entry_list_model import row_text

if TYPE_CHECKING:
    from regroup.core.diary import DiaryService


class TrashDialog(QDialog):
    """Restores entries from the trash, or deletes them for good after asking."""

    def __init__(
        self, diary: DiaryService, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._diary = diary
        self._events = events
        self.restored_ids: list[int] = []
        self.setWindowTitle("Trash")
        self.resize(560, 420)
        self.entry_list = QListWidget()
        self.entry_list.setAccessibleName("Entries in the trash")
        self.entry_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel("The trash is empty.")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setAccessibleName("Restore the chosen entries")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton("Empty trash…")
        self.empty_button.setAccessibleName("Empty the trash")
        self.empty_button.clicked.connect(self.empty_trash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Deleted entries stay here until you empty the trash. Newest first.")
        )
        layout.addWidget(self.entry_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.entry_list.itemSelectionChanged.connect(self._enable_buttons)
        self.reload()

    def reload(self) -> None:
        """List what is in the trash now."""
        self.entry_list.clear()
        for summary in self._diary.trashed():
            item = QListWidgetItem(row_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.entry_list.addItem(item)
        self.empty_label.setVisible(self.entry_list.count() == 0)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.entry_list.selectedItems()))
        self.empty_button.setEnabled(self.entry_list.count() > 0)

    def restore_selected(self) -> None:
        """Take the chosen entries out of the trash."""
        ids = [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.entry_list.selectedItems()]
        try:
            for entry_id in ids:
                self._diary.restore(entry_id)
                self.restored_ids.append(entry_id)
        except RegroupError as exc:
            QMessageBox.warning(self, "Not restored", str(exc))
        self._events.entries_changed.emit()
        self.reload()

    def empty_trash(self) -> None:
        """Delete every entry in the trash for good, once the person confirms."""
        count = self.entry_list.count()
        answer = QMessageBox.question(
            self,
            "Empty the trash?",
            f"Delete the {count:,} entr{'y' if count == 1 else 'ies'} in the trash for good, "
            "with their earlier versions? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._diary.empty_trash()
        except RegroupError as exc:
            QMessageBox.warning(self, "The trash was not emptied", str(exc))
        self.reload()
