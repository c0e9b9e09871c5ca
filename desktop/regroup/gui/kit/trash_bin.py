"""What every trash dialog shares: a list, Restore, and Empty trash… after asking."""

from __future__ import annotations

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
from regroup.core.record import record


@record
class TrashWords:
    """The words of one kind of trash."""

    title: str
    intro: str
    list_name: str
    restore_name: str
    empty_name: str


class TrashBin(QDialog):
    """Restores the chosen items, or empties the trash once the person confirms.

    Subclasses say what is in the trash (:meth:`rows`), how one item comes back
    (:meth:`restore_item`), how the trash is emptied (:meth:`empty_items`), what to
    ask first (:meth:`empty_question`) and whom to tell (:meth:`changed`).
    """

    def __init__(self, words: TrashWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.restored_ids: list[int] = []
        self.setWindowTitle(words.title)
        self.resize(560, 420)
        self.item_list = QListWidget()
        self.item_list.setAccessibleName(words.list_name)
        self.item_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel("The trash is empty.")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setAccessibleName(words.restore_name)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton("Empty trash…")
        self.empty_button.setAccessibleName(words.empty_name)
        self.empty_button.clicked.connect(self.empty_trash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(words.intro))
        layout.addWidget(self.item_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.item_list.itemSelectionChanged.connect(self._enable_buttons)

    def rows(self) -> list[tuple[int, str]]:
        """Return the id and the one-line text of everything in the trash."""
        raise NotImplementedError

    def restore_item(self, item_id: int) -> None:
        """Take one item out of the trash."""
        raise NotImplementedError

    def empty_items(self) -> None:
        """Delete everything in the trash for good."""
        raise NotImplementedError

    def empty_question(self, count: int) -> str:
        """Return what to ask before ``count`` items go for good."""
        raise NotImplementedError

    def changed(self, restored: bool) -> None:
        """Tell the pages that items came back (``restored``) or went for good."""

    def reload(self) -> None:
        """List what is in the trash now."""
        self.item_list.clear()
        for item_id, text in self.rows():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.item_list.addItem(item)
        self.empty_label.setVisible(self.item_list.count() == 0)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.item_list.selectedItems()))
        self.empty_button.setEnabled(self.item_list.count() > 0)

    def restore_selected(self) -> None:
        """Take the chosen items out of the trash."""
        ids = [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.item_list.selectedItems()]
        try:
            for item_id in ids:
                self.restore_item(item_id)
                self.restored_ids.append(item_id)
        except RegroupError as exc:
            QMessageBox.warning(self, "Not restored", str(exc))
        self.changed(restored=True)
        self.reload()

    def empty_trash(self) -> None:
        """Delete everything in the trash for good, once the person confirms."""
        answer = QMessageBox.question(
            self,
            "Empty the trash?",
            self.empty_question(self.item_list.count()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.empty_items()
        except RegroupError as exc:
            QMessageBox.warning(self, "The trash was not emptied", str(exc))
        self.changed(restored=False)
        self.reload()
