"""The Waiting list beside the debrief list: applications that have not answered yet.

It sits in a second tab of the Debriefs page's left side. An application that went
quiet closes with one click into a debrief draft with "no reply" filled in, opened
in the form; "I heard back" does the same and leaves how the news came to the person.
The page opens it with a target from ``core.waiting.types.waiting_target``; a quiet
application's notification leads here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regroup.core.debriefs.types import STAGE_LABELS
from regroup.core.errors import RegroupError
from regroup.core.settings import QUIET_DAYS_RANGE
from regroup.core.waiting.types import WaitingItem, waiting_target_id
from regroup.gui.debriefs.waiting_dialog import WaitingDialog
from regroup.gui.kit.dates import format_day
from regroup.gui.kit.page_parts import button
from regroup.gui.kit.row_view import RowDelegate, RowView
from regroup.gui.kit.text_rows import ROW_ID_ROLE, TextRows
from regroup.gui.kit.toasts import Tone, toasts_for

if TYPE_CHECKING:
    from regroup.core.profile import Profile
    from regroup.gui.debriefs.list_panel import DebriefListPanel
    from regroup.gui.kit.data_events import DataEvents

TOOL_MIN_WIDTH = 40
EMPTY = (
    "Nothing is waiting. Add an application you sent, and if it stays quiet, "
    "Regroup offers to close it for you."
)


def item_text(item: WaitingItem) -> str:
    """Return a row's three lines: who and what, the day applied and stage, then the quiet."""
    c = item.content
    name = " – ".join(part for part in (c.company, c.role) if part.strip())
    days = {0: "Heard today", 1: "1 day without news"}.get(
        item.days_quiet, f"{item.days_quiet} days without news"
    )
    quiet = " · quiet for a while" if item.quiet else ""
    applied = format_day(c.applied_on)  # as the debrief list beside it writes its days
    return f"{name}\nApplied {applied} · {STAGE_LABELS[c.stage]}\n{days}{quiet}"


class WaitingRows(RowDelegate):
    """Three lines a row, so that the quiet days are never cut off by a long name."""

    lines = 3


class WaitingPanel(QWidget):
    """The list with its tools; ``debrief_started`` fires with the debrief a close made."""

    debrief_started = Signal(int)
    changed = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        intro = QLabel("Applications that have not answered yet.")
        intro.setWordWrap(True)
        intro.setProperty("textStyle", "caption")
        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(QUIET_DAYS_RANGE.start, QUIET_DAYS_RANGE.stop - 1)
        self.quiet_days.setSuffix(" days")
        self.quiet_days.setAccessibleName("Days without news before offering to close")
        self.quiet_days.setValue(profile.settings.quiet_days())
        self.quiet_days.valueChanged.connect(self._set_quiet_days)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(QLabel("Quiet after:"))
        quiet_row.addWidget(self.quiet_days)
        quiet_row.addStretch()
        self.model: TextRows[WaitingItem] = TextRows(item_text, lambda item: item.id, self)
        self.view = RowView(WaitingRows(), "Waiting to hear back", scroll_per_pixel=False)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(self.model)
        self.empty_label = QLabel(EMPTY)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("textStyle", "caption")
        self.add_button = button("Add…", "Add an application that has not answered yet", self.add)
        self.edit_button = button("Edit…", "Change this application", self.edit)
        self.remove_button = button("Remove", "Take it off the list, no debrief", self.remove)
        self.quiet_button = button(
            "It went quiet: close it",
            "Start a debrief with “no reply” filled in",
            lambda: self.close_item(no_reply=True),
        )
        self.quiet_button.setProperty("buttonStyle", "primary")
        self.heard_button = button(
            "I heard back", "Start a debrief for the news", lambda: self.close_item(no_reply=False)
        )
        tools = QGridLayout()
        for tool in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.quiet_button,
            self.heard_button,
        ):  # the side may be narrow: the buttons share it and never widen the window
            tool.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            tool.setMinimumWidth(TOOL_MIN_WIDTH)
        tools.addWidget(self.add_button, 0, 0)
        tools.addWidget(self.edit_button, 0, 1)
        tools.addWidget(self.remove_button, 0, 2)
        tools.addWidget(self.quiet_button, 1, 0, 1, 2)
        tools.addWidget(self.heard_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(quiet_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(tools)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.reload()

    def reload(self) -> None:
        """Read the list again, keeping the chosen application chosen."""
        chosen = self.current_id()
        self.model.set_rows(self._profile.waiting.list())
        empty = not self.model.rows
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.select(chosen)

    def current_id(self) -> int | None:
        """Return the chosen application's id."""
        index = self.view.currentIndex()
        return int(index.data(ROW_ID_ROLE)) if index.isValid() else None

    def select(self, item_id: int | None) -> bool:
        """Choose ``item_id``'s row; False when it is not on the list."""
        row = self.model.row_of(item_id)
        if row is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            self.view.setCurrentIndex(self.model.index(row))
            self.view.scrollTo(self.model.index(row))
        self._enable()
        return row is not None

    def _enable(self) -> None:
        chosen = self.current_id() is not None
        for widget in (self.edit_button, self.remove_button, self.quiet_button, self.heard_button):
            widget.setEnabled(chosen)

    def _set_quiet_days(self, days: int) -> None:
        try:
            self._profile.settings.set_quiet_days(days)
        except RegroupError as exc:
            toasts_for(self).show(str(exc), Tone.ERROR, owner=self)
            return
        self.reload()

    def _dialog(self, editing: WaitingItem | None) -> None:
        dialog = WaitingDialog(self._profile.waiting, self._profile.clock.today(), editing, self)
        if dialog.exec() and dialog.item is not None:
            self._changed(dialog.item.id)

    def add(self) -> None:
        """Ask for a new application and put it on the list."""
        self._dialog(None)

    def edit(self) -> None:
        """Change the chosen application."""
        item = self._chosen()
        if item is not None:
            self._dialog(item)

    def _chosen(self) -> WaitingItem | None:
        row = self.model.row_of(self.current_id())
        return None if row is None else self.model.rows[row]

    def _changed(self, chosen: int | None) -> None:
        self.reload()
        self.select(chosen)
        self.changed.emit()

    def remove(self) -> None:
        """Take the chosen application off the list, after asking."""
        item = self._chosen()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove from the list?",
            "Take this application off the waiting list? No debrief is made.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self._profile.waiting.remove(item.id))

    def close_item(self, *, no_reply: bool) -> None:
        """Turn the chosen application into a debrief draft and open it in the form."""
        item = self._chosen()
        if item is not None:
            self._run(lambda: self._profile.waiting.close(item.id, no_reply=no_reply))

    def _run(self, action: Callable[[], int | None]) -> None:
        try:
            debrief_id = action()
        except RegroupError as exc:
            toasts_for(self).show(str(exc), Tone.ERROR, owner=self)
            self.reload()
            return
        self._changed(None)
        if debrief_id is not None:
            self.debrief_started.emit(debrief_id)


class DebriefSides(QTabWidget):
    """The left side of the Debriefs page: the debrief list, and the Waiting list."""

    def __init__(
        self,
        debriefs: DebriefListPanel,
        profile: Profile,
        events: DataEvents,
        open_debrief: Callable[[int], bool],
    ) -> None:
        super().__init__()
        self.debriefs = debriefs
        self.waiting = WaitingPanel(profile)
        self.addTab(debriefs, "Debriefs")
        self.addTab(self.waiting, "Waiting")
        self.setAccessibleName("Debriefs and applications waiting to hear back")
        self.waiting.changed.connect(events.debriefs_changed.emit)
        self.waiting.debrief_started.connect(open_debrief)
        self.waiting.debrief_started.connect(lambda _id: self.setCurrentWidget(debriefs))
        events.debriefs_changed.connect(self.waiting.reload)
        self.waiting.model.modelReset.connect(self._count)
        self._count()

    def _count(self) -> None:
        count = len(self.waiting.model.rows)
        self.setTabText(1, f"Waiting ({count})" if count else "Waiting")

    def open(self, target: object) -> bool | None:
        """Show the Waiting list for a waiting target (None: ``target`` is not one).

        An application closed since its notification came still opens the list.
        """
        names, item_id = waiting_target_id(target)
        if not names:
            return None
        self.waiting.reload()
        self.setCurrentWidget(self.waiting)
        if item_id is not None and not self.waiting.select(item_id):
            toasts_for(self).show("That application is no longer on the list.", owner=self)
        return True
