"""The entry editor: title, day, mood, tags and the Markdown text, with a live preview.

The editor only holds what is being written; saving it is :mod:`entry_saver`'s job.
What depends on the whole text (word count, #tags from the text, the preview) is
recomputed after a short pause, so typing in a 5 MB entry stays smooth.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from regroup.core.diary.types import MOOD_LABELS, EntryContent
from regroup.gui.diary.tag_chips import (
    TAG_RULE,
    TagChips,
    field_tags,
    field_text_for,
    inline_tags,
    merged_tags,
)
from regroup.gui.kit import theme
from regroup.gui.kit.dates import from_qdate, to_qdate

DERIVED_DELAY_MS = 250
FIRST_DAY = QDate(1000, 1, 1)
LAST_DAY = QDate(9999, 12, 31)
OPENABLE_SCHEMES = ("http", "https", "mailto")


class MarkdownPreview(QTextBrowser):
    """Shows the text as Markdown; never loads anything, and opens links only when clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Qt: refuse every image or style sheet a text names, local or remote."""
        return None

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme() in OPENABLE_SCHEMES:
            QDesktopServices.openUrl(url)


class EntryEditor(QWidget):
    """Edits one entry's content; ``edited`` fires on every change the person makes."""

    edited = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional)")
        self.title_edit.setAccessibleName("Title")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDateRange(FIRST_DAY, LAST_DAY)
        self.date_edit.setMinimumWidth(
            self.date_edit.fontMetrics().horizontalAdvance("Wed 30 Sep 2026") + 48
        )
        self.date_edit.setAccessibleName("Day of the entry")
        self.date_edit.setToolTip("The day this entry is about; earlier days are fine.")
        self.mood_combo = QComboBox()
        self.mood_combo.setAccessibleName("Mood")
        self.mood_combo.addItem("No mood", None)
        for mood, label in MOOD_LABELS.items():
            self.mood_combo.addItem(f"{mood} {label}", mood)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("#tags")
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setToolTip(TAG_RULE)
        self.chips = TagChips()
        self.chips.setToolTip(TAG_RULE)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName("Entry text")
        self.body_edit.setPlaceholderText(
            "Write freely. Markdown works: *italic*, **bold**, - lists, # headings, #tags."
        )
        self.preview = MarkdownPreview()
        self.preview.setAccessibleName("Preview of the entry")
        self.preview.hide()
        self.preview_button = QPushButton("Preview")
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName("Show the Markdown preview")
        self.preview_button.setToolTip("Show the text formatted, beside what you type")
        self.word_count_label = QLabel()
        self.word_count_label.setAccessibleName("Word count")
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Save status")
        self.preview_builds = 0
        self._derived_timer = QTimer(self)
        self._derived_timer.setSingleShot(True)
        self._derived_timer.setInterval(DERIVED_DELAY_MS)
        self._derived_timer.timeout.connect(self._update_derived)
        self._lay_out()
        self._connect()
        self.show_content(EntryContent(""), today)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title_edit, 1)
        header.addWidget(self.date_edit)
        header.addWidget(self.mood_combo)
        layout.addLayout(header)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.chips, 2)
        layout.addLayout(tags_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.body_edit)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.preview_button)
        footer.addWidget(self.word_count_label)
        footer.addStretch()
        footer.addWidget(self.status_label)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(self._changed)
        self.tags_edit.textEdited.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        self.mood_combo.currentIndexChanged.connect(self._changed)
        self.body_edit.textChanged.connect(self._changed)
        self.preview_button.toggled.connect(self._toggle_preview)

    def _changed(self) -> None:
        if self._loading:
            return
        self._derived_timer.start()
        self.edited.emit()

    def content(self) -> EntryContent:
        """Return what the editor holds, tags merged from the field and the text."""
        body = self.body_edit.toPlainText()
        return EntryContent(
            body=body,
            title=self.title_edit.text(),
            mood=self.mood_combo.currentData(),
            tags=tuple(merged_tags(self.tags_edit.text(), body)),
            entry_date=from_qdate(self.date_edit.date()),
        )

    def show_content(self, content: EntryContent, default_day: date) -> None:
        """Put ``content`` in the fields without it counting as an edit."""
        self._loading = True
        try:
            self.title_edit.setText(content.title)
            self.date_edit.setDate(to_qdate(content.entry_date or default_day))
            self.mood_combo.setCurrentIndex(max(0, self.mood_combo.findData(content.mood)))
            self.tags_edit.setText(field_text_for(content.tags, content.body))
            self.body_edit.setPlainText(content.body)
        finally:
            self._loading = False
        self._update_derived()

    def _update_derived(self) -> None:
        self._derived_timer.stop()
        body = self.body_edit.toPlainText()
        words = len(body.split())
        self.word_count_label.setText(f"{words:,} word{'' if words == 1 else 's'}")
        self.chips.show_tags(field_tags(self.tags_edit.text()), inline_tags(body))
        if self.preview.isVisibleTo(self):
            self._build_preview(body)

    def _build_preview(self, body: str) -> None:
        self.preview_builds += 1
        self.preview.setMarkdown(body)

    def _toggle_preview(self, shown: bool) -> None:
        self.preview.setVisible(shown)
        self.preview_button.setAccessibleName(
            "Hide the Markdown preview" if shown else "Show the Markdown preview"
        )
        if shown:
            self._build_preview(self.body_edit.toPlainText())
        else:
            self.preview.clear()

    def set_status(self, text: str, error: bool = False) -> None:
        """Show how saving went, quietly unless it failed."""
        self.status_label.setText(text)
        theme.set_style(self.status_label, "textTone", "error" if error else "muted")

    def focus_body(self) -> None:
        """Put the cursor at the end of the text, ready to write."""
        self.body_edit.setFocus()
        self.body_edit.moveCursor(self.body_edit.textCursor().MoveOperation.End)
