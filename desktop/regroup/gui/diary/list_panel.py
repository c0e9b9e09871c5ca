"""The Diary page's left column: search and filters, the entry list, the calendar, on this day.

It finds entries and says which one the person picked; opening it (and saving the
one being left) is the page's business.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from regroup.core.diary.types import SearchQuery
from regroup.core.errors import RegroupError
from regroup.gui.diary.calendar import DiaryCalendar
from regroup.gui.diary.list_model import EntryListModel, row_text
from regroup.gui.diary.list_view import EntryListView
from regroup.gui.diary.search_bar import FilterBar

if TYPE_CHECKING:
    from regroup.core.profile import Profile

ON_THIS_DAY_KEY = "diary.on_this_day"
log = logging.getLogger(__name__)
EMPTY_DIARY = "Nothing written yet. Press Ctrl+N or pick a prompt to start."


def no_match_text(query: SearchQuery) -> str:
    """Return what to try when a search finds nothing."""
    if query.text:
        return f"No entries match “{query.text}”. Try fewer words, a prefix, or clear the filters."
    return "No entries match these filters. Try another tag, mood or days, or clear them."


class EntryPanel(QWidget):
    """Finds entries; ``entry_chosen`` and ``day_chosen`` say what the person picked."""

    entry_chosen = Signal(int)
    day_chosen = Signal(object)

    def __init__(self, profile: Profile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = today
        self._current_id: int | None = None
        self._selecting = False
        layout = QVBoxLayout(self)  # the parts are made in place: see page_parts.panes
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter_bar = FilterBar(today, profile.browse.tags, self)
        self.result_label = QLabel(self)
        self.result_label.setAccessibleName("How many entries are listed")
        self.model = EntryListModel(profile.browse, self)
        self.list_stack = QStackedWidget(self)
        self.view = EntryListView(self.list_stack)
        self.view.setModel(self.model)
        self.empty_label = QLabel(self.list_stack)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("Why the list is empty")
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty_label)
        self.calendar = DiaryCalendar(profile.browse.days_with_entries, self)
        self.on_this_day_check = QCheckBox("On this day", self)
        self.on_this_day_check.setAccessibleName("Show entries from this day in earlier years")
        self.on_this_day_check.setToolTip(
            "Show what you wrote on this date in earlier years. Off until you turn it on; "
            "Regroup remembers the choice."
        )
        self.on_this_day_list = QListWidget(self)
        self.on_this_day_list.setAccessibleName("Entries from this day in earlier years")
        self.on_this_day_list.setMaximumHeight(110)
        self.on_this_day_list.hide()
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(self.calendar)
        layout.addWidget(self.on_this_day_check)
        layout.addWidget(self.on_this_day_list)
        self.filter_bar.query_changed.connect(self.run_query)
        self.filter_bar.search_edit.returnPressed.connect(self.filter_bar.run_now)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.calendar.clicked.connect(self._on_day_clicked)
        self.on_this_day_check.setChecked(profile.settings.get(ON_THIS_DAY_KEY) == "on")
        self._toggle_on_this_day(self.on_this_day_check.isChecked(), remember=False)
        self.on_this_day_check.toggled.connect(self._toggle_on_this_day)
        self.on_this_day_list.itemActivated.connect(self._on_this_day_item)
        self.on_this_day_list.itemClicked.connect(self._on_this_day_item)
        self._complete_timer = QTimer(self)
        self._complete_timer.timeout.connect(self._load_more)
        # Queued, so the page reports its first paint before the first page of ids is read.
        self.view.first_painted.connect(
            lambda: QTimer.singleShot(0, self, self._complete_timer.start)
        )
        self.model.show_newest()
        self.calendar.mark_days()
        self._show_counts(None)

    def _load_more(self) -> None:
        """List a page of older entries, between frames, until all are in."""
        if self.model.searching:
            self._complete_timer.stop()
        elif self.model.load_more():
            self._list_completed()

    def complete_list(self) -> None:
        """List every older entry now (normally done a page at a time after the list shows)."""
        if self.model.complete or self.model.searching:
            self._complete_timer.stop()
            return
        self.model.complete_list()
        self._list_completed()

    def _list_completed(self) -> None:
        self._complete_timer.stop()
        self._show_counts(None)
        self.select_entry(self._current_id)

    def run_query(self) -> None:
        """Show the search's hits, or the whole diary when nothing is asked for."""
        query = self.filter_bar.query()
        if query is None:
            self.model.show_all()
        else:
            self.model.show_hits(self._profile.search.search(query))
        self._show_counts(query)
        self.select_entry(self._current_id)

    def _show_counts(self, query: SearchQuery | None) -> None:
        rows = self.model.rowCount()
        if query is None:
            more = "" if self.model.complete else "+"
            self.result_label.setText(f"{rows:,}{more} entr{'y' if rows == 1 else 'ies'}")
            self.empty_label.setText(EMPTY_DIARY)
        else:
            self.empty_label.setText(no_match_text(query))
            if rows >= query.limit:
                total = self._profile.search.count(query)
                order = "best" if query.text else "newest"
                self.result_label.setText(f"Showing the {order} {rows:,} of {total:,} matches")
            else:
                self.result_label.setText(f"{rows:,} match{'' if rows == 1 else 'es'}")
        self.list_stack.setCurrentWidget(self.view if rows else self.empty_label)

    def reload(self) -> None:
        """Entries came, went or moved: list, calendar and on-this-day follow."""
        if self.model.searching:
            self.run_query()
        else:
            self.model.reload()
            self._show_counts(None)
            self.select_entry(self._current_id)
        self.calendar.mark_days()
        self.filter_bar.tag_combo.mark_stale()
        if self.on_this_day_check.isChecked():
            self._fill_on_this_day()

    def refresh_entry(self, entry_id: int) -> None:
        """One entry's words changed in place."""
        self.model.refresh_entry(entry_id)
        self.filter_bar.tag_combo.mark_stale()

    def select_entry(self, entry_id: int | None) -> None:
        """Highlight the open entry (if listed) and its day, without announcing a choice."""
        self._current_id = entry_id
        row = self._row_of(entry_id)
        if row < 0 and entry_id is not None and not self.model.complete:
            self.complete_list()
            return
        self._selecting = True
        try:
            if row >= 0:
                index = self.model.index(row)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            else:
                self.view.selectionModel().clear()
        finally:
            self._selecting = False

    def _row_of(self, entry_id: int | None) -> int:
        """Return the entry's row: the current one when it was picked in the list."""
        if entry_id is None:
            return -1
        current = self.view.currentIndex()
        if current.isValid() and self.model.entry_id(current.row()) == entry_id:
            return current.row()
        return self.model.row_of(entry_id)

    def show_day(self, day: date) -> None:
        """Turn the calendar to the open entry's day."""
        self.calendar.show_day(day)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        entry_id = self.model.entry_id(current.row())
        if entry_id != self._current_id:
            self.entry_chosen.emit(entry_id)

    def _on_day_clicked(self, day: QDate) -> None:
        self.day_chosen.emit(day.toPython())

    def _toggle_on_this_day(self, shown: bool, remember: bool = True) -> None:
        self.on_this_day_list.setVisible(shown)
        if remember:
            try:
                self._profile.settings.set(ON_THIS_DAY_KEY, "on" if shown else "off")
            except RegroupError as exc:  # the choice holds for this session anyway
                log.warning("could not remember the On this day choice: %s", exc)
        if shown:
            self._fill_on_this_day()
        else:
            self.on_this_day_list.clear()

    def _fill_on_this_day(self) -> None:
        self.on_this_day_list.clear()
        for summary in self._profile.browse.on_this_day(self._today):
            item = QListWidgetItem(row_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.on_this_day_list.addItem(item)
        if self.on_this_day_list.count() == 0:
            item = QListWidgetItem("Nothing from this day in earlier years yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.on_this_day_list.addItem(item)

    def _on_this_day_item(self, item: QListWidgetItem) -> None:
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        if entry_id is not None:
            self.entry_chosen.emit(int(entry_id))
