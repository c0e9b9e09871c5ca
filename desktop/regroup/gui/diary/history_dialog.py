"""Earlier versions of an entry: read one, and bring it back if an autosave went wrong."""

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
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from regroup.core.diary.service import preview_text
from regroup.core.diary.types import EntryRecord, Revision
from regroup.core.errors import RegroupError
from regroup.gui.diary.list_model import day_text, mood_text
from regroup.gui.kit.dates import format_moment

if TYPE_CHECKING:
    from regroup.core.diary.service import DiaryService


def revision_label(revision: Revision) -> str:
    """Return a list line: when it was replaced, and how it began."""
    start = revision.title or preview_text(revision.body, 60) or "(empty)"
    return f"{format_moment(revision.saved_at)} · {start}"


def revision_text(revision: Revision) -> str:
    """Return the whole of a version, as it would read in the editor."""
    facts = [day_text(revision.entry_date)]
    if revision.mood is not None:
        facts.append(f"mood {mood_text(revision.mood)}")
    facts.extend(f"#{tag}" for tag in revision.tags)
    heading = f"{revision.title}\n" if revision.title else ""
    return f"{heading}{' · '.join(facts)}\n\n{revision.body}"


class HistoryDialog(QDialog):
    """Lists the kept versions of one entry, newest first.

    A version is kept when a save replaces text more than a few minutes old, and
    restoring keeps the replaced text too, so nothing here can lose words.
    """

    def __init__(self, diary: DiaryService, entry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.restored: EntryRecord | None = None
        self.setWindowTitle("Earlier versions")
        self.resize(760, 480)
        self.revisions = diary.revisions(entry_id)
        self.version_list = QListWidget()
        self.version_list.setAccessibleName("Earlier versions")
        for revision in self.revisions:
            item = QListWidgetItem(revision_label(revision))
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.version_list.addItem(item)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName("Text of the chosen version")
        self.restore_button = QPushButton("Restore this version")
        self.restore_button.setAccessibleName("Restore this version")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter()
        splitter.addWidget(self.version_list)
        splitter.addWidget(self.text_view)
        splitter.setSizes([260, 500])
        layout = QVBoxLayout(self)
        explanation = QLabel(
            "Regroup keeps the earlier text when you change an entry (at most one version "
            "every ten minutes while you keep typing)."
            if self.revisions
            else "No earlier versions yet: they appear once you change this entry later on."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.version_list.currentRowChanged.connect(self._show_version)
        if self.revisions:
            self.version_list.setCurrentRow(0)

    def _show_version(self, row: int) -> None:
        valid = 0 <= row < len(self.revisions)
        self.text_view.setPlainText(revision_text(self.revisions[row]) if valid else "")
        self.restore_button.setEnabled(valid)

    def restore_selected(self) -> None:
        """Make the chosen version the entry's text again, then close."""
        row = self.version_list.currentRow()
        if not 0 <= row < len(self.revisions):
            return
        try:
            self.restored = self._diary.restore_revision(self.revisions[row].id)
        except RegroupError as exc:
            QMessageBox.warning(self, "The version was not restored", str(exc))
            return
        self.accept()
