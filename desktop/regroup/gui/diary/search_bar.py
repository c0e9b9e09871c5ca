"""The search field and the filters above the entry list; together they make a SearchQuery.

With nothing typed and no filter set there is no query, and the list shows the
whole diary. The query is announced after a short pause, so that typing a word
runs one search, not one per letter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.diary.types import MOOD_LABELS, SearchQuery
from regroup.gui.diary.editor import FIRST_DAY, LAST_DAY
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.dates import from_qdate
from regroup.gui.kit.mood_picker import MoodPicker

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 200


class SearchField(QLineEdit):
    """Esc clears what was typed; a second Esc (on an empty field) clears the filters too."""

    escape_pressed = Signal(bool)
    """Esc was pressed; True when it cleared some text."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt: handle Esc here rather than letting it close or reach the window."""
        if event.key() == Qt.Key.Key_Escape:
            had_text = bool(self.text())
            self.clear()
            self.escape_pressed.emit(had_text)
            event.accept()
            return
        super().keyPressEvent(event)


class TagCombo(QComboBox):
    """Lists the diary's tags, counted only when the list is opened or focused.

    Counting tags reads every entry's tags (tens of milliseconds in a big diary), too
    much to repeat at start or after each autosave.
    """

    def __init__(self, load_tags: Callable[[], list[tuple[str, int]]]) -> None:
        super().__init__()
        self._load_tags = load_tags
        self._stale = True
        self.addItem("Any tag", None)
        self.setAccessibleName("Filter by tag")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def mark_stale(self) -> None:
        """Tags may have changed; count them again next time the list is needed."""
        self._stale = True

    def refresh(self) -> None:
        """Reload the tags now, keeping the chosen one."""
        chosen = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem("Any tag", None)
            for name, count in self._load_tags():
                self.addItem(f"#{name} ({count:,})", name)
            if chosen is not None and self.findData(chosen) < 0:
                self.addItem(f"#{chosen} (0)", chosen)
            self.setCurrentIndex(max(0, self.findData(chosen)))
        finally:
            self.blockSignals(False)
        self._stale = False

    def showPopup(self) -> None:
        """Qt: count the tags before the list opens."""
        if self._stale:
            self.refresh()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt: keyboard users change the tag without opening the list."""
        if self._stale:
            self.refresh()
        super().focusInEvent(event)


class FilterBar(QWidget):
    """Search field, tag, mood and an optional range of days."""

    query_changed = Signal()

    def __init__(
        self,
        today: date,
        load_tags: Callable[[], list[tuple[str, int]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search_edit = SearchField()
        self.search_edit.setPlaceholderText('Search: words, "a phrase", #tag')
        self.search_edit.setAccessibleName("Search the diary")
        self.search_edit.setToolTip(
            "Words match their beginnings (interv finds interview). Ctrl+F comes here; "
            "Esc clears the search, a second Esc clears the filters."
        )
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo = TagCombo(load_tags)
        self.mood_picker = MoodPicker("Filter by mood", MOOD_LABELS, blank="Any mood")
        self.from_date = self._date_field("First day to show", today)
        self.to_date = self._date_field("Last day to show", today)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAccessibleName("Clear the search and filters")
        self.clear_button.clicked.connect(self.clear_all)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.query_changed)
        self._lay_out()
        self.search_edit.textChanged.connect(self._changed)
        self.search_edit.escape_pressed.connect(self._escape)
        self.tag_combo.currentIndexChanged.connect(self._changed)
        self.mood_picker.value_changed.connect(self._changed)
        for field in (self.from_date, self.to_date):
            field.changed.connect(self._changed)
        self._show_clear_button()

    @staticmethod
    def _date_field(name: str, today: date) -> DateField:
        field = DateField(name, placeholder="Any day", today=lambda: today)
        field.set_range(from_qdate(FIRST_DAY), from_qdate(LAST_DAY))
        return field

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.tag_combo, 0, 0, 1, 4)
        grid.addWidget(self.mood_picker, 1, 0, 1, 4)
        grid.addWidget(QLabel("From"), 2, 0)
        grid.addWidget(self.from_date, 2, 1)
        grid.addWidget(QLabel("To"), 2, 2)
        grid.addWidget(self.to_date, 2, 3)
        grid.addWidget(self.clear_button, 3, 0, 1, 4)
        layout.addLayout(grid)

    def _escape(self, had_text: bool) -> None:
        if not had_text:
            self.clear_filters()
        self.run_now()

    def _changed(self) -> None:
        self._show_clear_button()
        self._timer.start()

    def _show_clear_button(self) -> None:
        self.clear_button.setVisible(self.query() is not None)

    @property
    def pending(self) -> bool:
        """True while a search waits for typing to pause."""
        return self._timer.isActive()

    def run_now(self) -> None:
        """Announce the query without waiting (e.g. Enter pressed)."""
        self._timer.stop()
        self.query_changed.emit()

    def query(self) -> SearchQuery | None:
        """Return what to look for, or None to show the whole diary."""
        text = self.search_edit.text().strip()
        tag = self.tag_combo.currentData()
        mood = self.mood_picker.value()
        date_from = self.from_date.value()
        date_to = self.to_date.value()
        if not text and tag is None and mood is None and date_from is None and date_to is None:
            return None
        return SearchQuery(text, tag, mood, date_from, date_to, limit=RESULT_LIMIT)

    def has_filters(self) -> bool:
        """Tell whether a tag, mood or day filter is set."""
        query = self.query()
        return query is not None and (query.tag, query.mood, query.date_from, query.date_to) != (
            None,
            None,
            None,
            None,
        )

    def clear_filters(self) -> None:
        """Unset tag, mood and days, keeping what was typed."""
        self.tag_combo.setCurrentIndex(0)
        self.mood_picker.set_value(None)
        self.from_date.set_value(None)
        self.to_date.set_value(None)

    def clear_all(self) -> None:
        """Back to the whole diary."""
        self.search_edit.clear()
        self.clear_filters()
        self.run_now()
