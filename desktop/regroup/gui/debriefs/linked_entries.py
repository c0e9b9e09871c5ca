"""Diary entries around a debrief: the linked ones, and those written near the news date.

Linking lets the person read back how they felt when the news came. Opening a
linked entry hands its id to the window, which shows it on the Diary page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from regroup.core.diary.types import EntrySummary
from regroup.core.errors import RegroupError
from regroup.gui.diary.list_model import row_text

if TYPE_CHECKING:
    from regroup.core.debriefs.service import DebriefService

ENTRY_ID = Qt.ItemDataRole.UserRole


def _fill(view: QListWidget, summaries: list[EntrySummary]) -> None:
    view.clear()
    for summary in summaries:
        item = QListWidgetItem(row_text(summary))
        item.setData(ENTRY_ID, summary.id)
        view.addItem(item)


def _chosen(view: QListWidget) -> list[int]:
    return [int(item.data(ENTRY_ID)) for item in view.selectedItems()]


class DebriefEntries(QGroupBox):
    """Linked entries (open, unlink) and suggestions (link) for the open debrief."""

    def __init__(
        self,
        debriefs: DebriefService,
        open_entry: Callable[[int], object],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Diary entries from around then", parent)
        self._debriefs = debriefs
        self._open_entry = open_entry
        self._report = report
        self.debrief_id: int | None = None
        self.linked_list = QListWidget()
        self.linked_list.setAccessibleName("Linked diary entries")
        self.linked_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.linked_list.setMaximumHeight(120)
        self.suggested_list = QListWidget()
        self.suggested_list.setAccessibleName("Entries written near the news date")
        self.suggested_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.suggested_list.setMaximumHeight(120)
        self.open_button = self._button("Open in the diary", self.open_selected)
        self.unlink_button = self._button("Unlink", self.unlink_selected)
        self.link_button = self._button("Link", self.link_selected)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        linked_buttons = QHBoxLayout()
        linked_buttons.addWidget(self.open_button)
        linked_buttons.addWidget(self.unlink_button)
        linked_buttons.addStretch()
        suggested_buttons = QHBoxLayout()
        suggested_buttons.addWidget(self.link_button)
        suggested_buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(QLabel("Linked:"))
        layout.addWidget(self.linked_list)
        layout.addLayout(linked_buttons)
        layout.addWidget(QLabel("Written within three days of the news:"))
        layout.addWidget(self.suggested_list)
        layout.addLayout(suggested_buttons)
        self.linked_list.itemActivated.connect(lambda item: self._open(int(item.data(ENTRY_ID))))
        self.linked_list.itemDoubleClicked.connect(
            lambda item: self._open(int(item.data(ENTRY_ID)))
        )
        self.linked_list.itemSelectionChanged.connect(self._enable)
        self.suggested_list.itemSelectionChanged.connect(self._enable)
        self.suggested_list.itemActivated.connect(lambda _item: self.link_selected())
        self.show_debrief(None)

    def _button(self, title: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(title)
        button.setAccessibleName(f"{title} (diary entries)")
        button.clicked.connect(lambda: slot())
        return button

    def show_debrief(self, debrief_id: int | None) -> None:
        """Show the entries of ``debrief_id`` (None: a debrief not saved yet)."""
        self.debrief_id = debrief_id
        self.refresh()

    def refresh(self) -> None:
        """Read the linked and suggested entries again."""
        if self.debrief_id is None:
            _fill(self.linked_list, [])
            _fill(self.suggested_list, [])
            self.hint.setText("Entries can be linked once the debrief has been saved.")
        else:
            try:
                _fill(self.linked_list, self._debriefs.linked_entries(self.debrief_id))
                _fill(self.suggested_list, self._debriefs.suggest_entries(self.debrief_id))
            except RegroupError as exc:
                self._report(f"The diary entries could not be read: {exc}")
            self.hint.setText("Double-click a linked entry to read it on the Diary page.")
        self._enable()

    def _enable(self) -> None:
        saved = self.debrief_id is not None
        self.open_button.setEnabled(saved and len(self.linked_list.selectedItems()) == 1)
        self.unlink_button.setEnabled(saved and bool(self.linked_list.selectedItems()))
        self.link_button.setEnabled(saved and bool(self.suggested_list.selectedItems()))

    def _open(self, entry_id: int) -> None:
        self._open_entry(entry_id)

    def open_selected(self) -> None:
        """Show the chosen linked entry on the Diary page."""
        chosen = _chosen(self.linked_list)
        if chosen:
            self._open(chosen[0])

    def link_selected(self) -> None:
        """Link the chosen suggestions to the debrief."""
        self._change(self._debriefs.link_entries, _chosen(self.suggested_list))

    def unlink_selected(self) -> None:
        """Unlink the chosen entries (they stay in the diary)."""
        self._change(self._debriefs.unlink_entries, _chosen(self.linked_list))

    def _change(self, action: Callable[[int, list[int]], None], ids: list[int]) -> None:
        if self.debrief_id is None or not ids:
            return
        try:
            action(self.debrief_id, ids)
        except RegroupError as exc:
            self._report(f"The link was not changed: {exc}")
        self._refresh_in_place(ids)

    def _refresh_in_place(self, moved: list[int]) -> None:
        """Refresh without moving the form or the cursor, and select the moved entries.

        Refreshing empties the selection, which disables the button just pressed; Qt
        then passes focus on as Tab would, and the form scrolled to the next field and
        selected its text, so the next keystroke replaced it. Focus goes to a list here
        first, and the scroll position is put back.
        """
        scroll = self._scroll_bar()
        where = scroll.value() if scroll is not None else 0
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        if had_focus:
            self.suggested_list.setFocus(Qt.FocusReason.OtherFocusReason)  # stays enabled
        self.refresh()
        for view in (self.linked_list, self.suggested_list):
            for row in range(view.count()):
                item = view.item(row)
                item.setSelected(int(item.data(ENTRY_ID)) in moved)
        if had_focus:
            target = next(
                (view for view in (self.linked_list, self.suggested_list) if view.selectedItems()),
                self.suggested_list if self.suggested_list.count() else self.linked_list,
            )
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        if scroll is not None:
            scroll.setValue(where)

    def _scroll_bar(self) -> QScrollBar | None:
        """Return the bar of the scroll area this box sits in, if any."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent.verticalScrollBar() if parent is not None else None
