"""The entry editor: title, day, mood, tags and the Markdown text, with a live preview.

The editor only holds what is being written; saving it is :mod:`entry_saver`'s job.
What depends on the whole text (word count, #tags from the text, the preview) is
recomputed after a short pause, so typing in a 5 MB entry stays smooth.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
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
from regroup.gui.diary.writing_surface import WritingSurface
from regroup.gui.kit import theme
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.dates import format_day, from_qdate
from regroup.gui.kit.mood_picker import MoodPicker

if TYPE_CHECKING:
    from regroup.gui.diary.preview import MarkdownPreview

DERIVED_DELAY_MS = 250
FIRST_DAY = QDate(1000, 1, 1)
LAST_DAY = QDate(9999, 12, 31)


class EntryEditor(QWidget):
    """Edits one entry's content; ``edited`` fires on every change the person makes."""

    edited = Signal()

    def __init__(
        self,
        today: date,
        parent: QWidget | None = None,
        today_source: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self._today = today_source or (lambda: today)
        self.title_edit = QLineEdit(self)  # parts are made in place: see page_parts.panes
        self.title_edit.setPlaceholderText("Title (optional)")
        self.title_edit.setAccessibleName("Title")
        self.day_field = DateField(
            "Day of the entry", optional=False, today=self._today, parent=self
        )
        self.day_field.set_range(from_qdate(FIRST_DAY), from_qdate(LAST_DAY))
        self.day_field.check = self._confirm_day
        self.mood_picker = MoodPicker("Mood", MOOD_LABELS, parent=self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("#tags")
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setToolTip(TAG_RULE)
        self.chips = TagChips(self)
        self.chips.setToolTip(TAG_RULE)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.body_edit = WritingSurface(self.splitter)
        self.body_edit.setAccessibleName("Entry text")
        self.body_edit.setPlaceholderText(
            "Write freely. Markdown works: *italic*, **bold**, - lists, # headings, #tags."
        )
        self._preview: MarkdownPreview | None = None
        self.preview_button = QPushButton("Preview", self)
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName("Show the Markdown preview")
        self.preview_button.setToolTip("Show the text formatted, beside what you type")
        self.word_count_label = QLabel(self)
        self.word_count_label.setAccessibleName("Word count")
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName("Save status")
        # Its usual tone from the start: restyling it once shown costs the Diary's first paint.
        self.status_label.setProperty("textTone", "muted")
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
        header.addWidget(self.title_edit, 1, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.day_field, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        mood_row = QHBoxLayout()
        mood_row.addWidget(self.mood_picker)
        mood_row.addStretch()
        layout.addLayout(mood_row)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.chips, 2)
        layout.addLayout(tags_row)
        self.splitter.addWidget(self.body_edit)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.preview_button)
        footer.addWidget(self.word_count_label)
        footer.addStretch()
        footer.addWidget(self.status_label)
        layout.addLayout(footer)

    @property
    def preview(self) -> MarkdownPreview:
        """The Markdown preview beside the body, built when first needed (hidden until shown)."""
        if self._preview is None:
            from regroup.gui.diary.preview import MarkdownPreview

            self._preview = MarkdownPreview()
            self._preview.setAccessibleName("Preview of the entry")
            self._preview.hide()
            self.splitter.addWidget(self._preview)
        return self._preview

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(self._changed)
        self.tags_edit.textEdited.connect(self._changed)
        self.day_field.changed.connect(self._changed)
        self.mood_picker.value_changed.connect(self._changed)
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
            mood=self.mood_picker.value(),
            tags=tuple(merged_tags(self.tags_edit.text(), body)),
            entry_date=self.day_field.value(),
        )

    def show_content(self, content: EntryContent, default_day: date) -> None:
        """Put ``content`` in the fields without it counting as an edit."""
        self._loading = True
        try:
            self.title_edit.setText(content.title)
            self.day_field.set_value(content.entry_date or default_day)
            self.mood_picker.set_value(content.mood)
            self.tags_edit.setText(field_text_for(content.tags, content.body))
            self.body_edit.setPlainText(content.body)
        finally:
            self._loading = False
        self._update_derived()

    def _confirm_day(self, day: date) -> bool:
        """Ask before dating the entry after today (an arrow key or a slip does it easily)."""
        return day <= self._today() or ask_writing_ahead(self, day, new_entry=False)

    def _update_derived(self) -> None:
        self._derived_timer.stop()
        body = self.body_edit.toPlainText()
        words = len(body.split())
        self.word_count_label.setText(f"{words:,} word{'' if words == 1 else 's'}")
        self.chips.show_tags(field_tags(self.tags_edit.text()), inline_tags(body))
        if self._preview is not None and self._preview.isVisibleTo(self):
            self._build_preview(body)

    def _build_preview(self, body: str) -> None:
        self.preview_builds += 1
        self.preview.show_markdown(body)

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

    def start_with_heading(self, text: str) -> None:
        """Put ``text`` in the body as a Markdown heading, the cursor under it, ready to write."""
        self.body_edit.insert_heading(text)

    def focus_body(self) -> None:
        """Put the cursor at the end of the text, ready to write."""
        self.body_edit.setFocus()
        self.body_edit.moveCursor(self.body_edit.textCursor().MoveOperation.End)


def ask_writing_ahead(parent: QWidget, day: date, new_entry: bool) -> bool:
    """Ask whether an entry should carry ``day``, which is after today.

    Writing ahead is fine, but an arrow key, a slip of the calendar or a typo does it
    just as easily, so the safe answer (keep the day, or start nothing) is the default.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    question = "Start an entry in the future?" if new_entry else "Date this entry in the future?"
    box.setWindowTitle(question)
    box.setText(question)
    if new_entry:
        box.setInformativeText(
            f"{format_day(day)} is after today. That is fine if you are writing ahead."
        )
        later = box.addButton(
            f"Yes, start one for {format_day(day)}", QMessageBox.ButtonRole.YesRole
        )
        keep = box.addButton("No, not now", QMessageBox.ButtonRole.NoRole)
    else:
        box.setInformativeText(
            f"{format_day(day)} is after today. That is fine if you are writing ahead; "
            "otherwise the entry keeps its day."
        )
        later = box.addButton(f"Yes, date it {format_day(day)}", QMessageBox.ButtonRole.YesRole)
        keep = box.addButton("No, keep its day", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is later
