"""The Check-ins page: what is due, missed, coming and done, and answering one.

Notifications stay generic; inside the window the page may name the company and
role. Answers save themselves a moment after typing stops, before another check-in
is opened, and on quit. The page loads when shown (never at start-up) and reloads
when reminders change something, so it never needs to know who else changed a
check-in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regroup.core.checkins.types import CheckinItem, CheckinOverview
from regroup.core.debriefs.types import DebriefQuery
from regroup.core.errors import RegroupError
from regroup.core.goals.types import GoalContent
from regroup.gui.checkins.form import CheckinForm, local_text
from regroup.gui.checkins.saver import CheckinSaver
from regroup.gui.kit.banner import Banner, Tone
from regroup.gui.kit.page import Page, PageContext, Target
from regroup.gui.kit.page_parts import heading

ID_ROLE = Qt.ItemDataRole.UserRole
SECTIONS = (
    ("due", "Due now"),
    ("missed", "Missed"),
    ("upcoming", "Coming up"),
    ("done", "Done"),
)
EMPTY_HINT = (
    "No check-ins yet. Saving a debrief plans one after its days to mourn; "
    "you can also start one now."
)


def _row_text(item: CheckinItem, section: str) -> str:
    checkin = item.checkin
    if section == "done" and checkin.done_at is not None:
        when = f"closed {local_text(checkin.done_at)}"
    elif section == "upcoming":
        when = local_text(checkin.next_due_at)
    else:
        when = f"since {local_text(checkin.next_due_at)}"
    return f"{item.title} · {when}"


class DebriefCombo(QComboBox):
    """The debriefs to start a check-in for, read only when the person reaches for it.

    Reading every debrief's name costs about 0.1 s with thousands of them: the page
    should not pay that each time it is shown.
    """

    def __init__(self, load: Callable[[], list[tuple[str, int]]]) -> None:
        super().__init__()
        self._load = load
        self.loaded = False

    def ensure_loaded(self) -> None:
        """Fill the list if it is not filled yet, keeping the chosen debrief."""
        if self.loaded:
            return
        self.loaded = True
        chosen = self.currentData()
        self.clear()
        for text, debrief_id in self._load():
            self.addItem(text, debrief_id)
        self.setCurrentIndex(max(0, self.findData(chosen)))

    def mark_stale(self) -> None:
        """Debriefs may have changed: read them again when next needed."""
        self.loaded = False

    def showPopup(self) -> None:
        """Qt: fill the list before it opens."""
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt: fill the list before the keyboard moves through it."""
        self.ensure_loaded()
        super().focusInEvent(event)


class CheckinsPage(Page):
    """Lists check-ins by state and answers the one chosen; ``changed`` after each answer."""

    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        profile = context.profile
        self.overview = CheckinOverview()
        self.banner = Banner("Check-ins notice")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Check-ins")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._on_current)
        self.empty_label = QLabel(EMPTY_HINT)
        self.empty_label.setWordWrap(True)
        self.form = CheckinForm()
        self.saver = CheckinSaver(profile, self.form.answers, self)
        self.debrief_combo = DebriefCombo(self._debrief_names)
        self.debrief_combo.setAccessibleName("Debrief to check in on")
        self.debrief_combo.setMinimumContentsLength(24)
        self.start_button = QPushButton("Start a check-in now")
        self.start_button.setAccessibleName("Start a check-in now")
        self.start_button.setToolTip("Check in on the chosen debrief now, whenever it is due")
        self.start_button.clicked.connect(self._start_chosen)
        self._lay_out()
        self.form.answers_shown.connect(self.saver.begin)
        self.form.answers_edited.connect(self.saver.note_edit)
        self.saver.failed.connect(lambda text: self.banner.show_message(text, Tone.ERROR))
        self.form.yes_clicked.connect(self.answer_yes)
        self.form.snooze_days_chosen.connect(self.snooze_days)
        self.form.snooze_date_chosen.connect(self.snooze_until)
        self.form.goal_requested.connect(self.make_goal)
        context.events.checkins_changed.connect(self._on_checkins_changed)
        self.form.show_item(None, profile.clock.now(), self.today())

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.empty_label)
        start = QHBoxLayout()
        start.addWidget(self.debrief_combo, 1)
        start.addWidget(self.start_button)
        column.addLayout(start)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Check-ins", "title"))
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt: debriefs may have planned or moved check-ins meanwhile; reload."""
        super().showEvent(event)
        self.refresh()

    def _on_checkins_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    # Reading

    def today(self) -> date:
        """Return the person's calendar day now."""
        return self.profile.checkins.local_day(self.profile.clock.now())

    def refresh(self) -> None:
        """Reload the lists and the debriefs to start from, keeping the chosen check-in."""
        self._save_pending()
        chosen = self.form.checkin_id
        self.overview = self.profile.checkin_list.overview()
        self.tree.blockSignals(True)
        self.tree.clear()
        for key, title in SECTIONS:
            items: tuple[CheckinItem, ...] = getattr(self.overview, key)
            section = QTreeWidgetItem([f"{title} ({len(items)})"])
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            rows = []
            for item in items:
                row = QTreeWidgetItem([_row_text(item, key)])
                row.setData(0, ID_ROLE, item.checkin.id)
                rows.append(row)
            section.addChildren(rows)
            section.setExpanded(True)
        self.tree.blockSignals(False)
        total = sum(len(getattr(self.overview, key)) for key, _title in SECTIONS)
        self.empty_label.setVisible(total == 0)
        self.debrief_combo.mark_stale()
        self.start_button.setEnabled(self.profile.debriefs.count() > 0)
        if chosen is not None and self.overview.find(chosen) is not None:
            self.open_checkin(chosen)
        else:
            self.form.show_item(None, self.profile.clock.now(), self.today())

    def _debrief_names(self) -> list[tuple[str, int]]:
        names = []
        for summary in self.profile.debrief_list.find(DebriefQuery()):
            name = " — ".join(t for t in (summary.company.strip(), summary.role.strip()) if t)
            day = f" ({summary.day.isoformat()})" if summary.day else ""
            names.append((f"{name or 'A debrief without a name'}{day}", summary.id))
        return names

    def row_of(self, checkin_id: int) -> QTreeWidgetItem | None:
        """Return the list row of one check-in."""
        for top in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(top)
            rows = [] if section is None else map(section.child, range(section.childCount()))
            for row in rows:
                if row is not None and row.data(0, ID_ROLE) == checkin_id:
                    return row
        return None

    def open(self, target: Target) -> bool:
        """Show check-in ``target``; when it is gone (or None), the one waiting longest."""
        if not isinstance(target, int) or not self.open_checkin(target):
            self.open_first_waiting()
        return True

    def open_checkin(self, checkin_id: int) -> bool:
        """Show one check-in (from a notice, a click or a start); False when it is gone."""
        if self.overview.find(checkin_id) is None:
            self.overview = self.profile.checkin_list.overview()
            if self.overview.find(checkin_id) is None:
                self.refresh()
                return False
            self.refresh()
        row = self.row_of(checkin_id)
        if row is not None and self.tree.currentItem() is not row:
            self.tree.setCurrentItem(row)  # opens it through _on_current
        else:
            self._show(checkin_id)
        return True

    def open_first_waiting(self) -> None:
        """Open the check-in that has waited longest, if one waits (from the tray)."""
        self.refresh()
        waiting = self.overview.due or self.overview.missed
        if waiting:
            self.open_checkin(waiting[0].checkin.id)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        checkin_id = None if current is None else current.data(0, ID_ROLE)
        if isinstance(checkin_id, int):
            self._show(checkin_id)

    def _show(self, checkin_id: int) -> None:
        self._save_pending()  # also when the same check-in is opened again (a reminder's click)
        item = self.profile.checkin_list.item(checkin_id)
        self.form.show_item(item, self.profile.clock.now(), self.today())

    # Writing

    def _act(self, action: Callable[[], object], done: str = "") -> bool:
        try:
            action()
        except RegroupError as exc:
            self.banner.show_message(str(exc), Tone.ERROR)
            return False
        if done:
            self.banner.show_message(done)
        return True

    def _save_pending(self) -> None:
        """Store what changed in the form; the check-in stays as open or closed as it was."""
        self.saver.save_now()

    def save_before_leaving(self) -> None:
        """Leaving the page (for another page, or the tray) saves what waits."""
        if self.saver.pending:
            self._save_pending()

    def save_before_quit(self) -> None:
        """The app is quitting: keep what was typed."""
        try:
            self._save_pending()
        except Exception:  # the profile may already be closed; nothing left to save into
            return

    def answer_yes(self) -> None:
        """Close the open check-in with its answers."""
        checkin_id = self.form.checkin_id
        if checkin_id is None:
            return
        answers = self.saver.hand_over()
        if self._act(
            lambda: self.profile.checkins.close(checkin_id, answers),
            "Well done. This check-in is closed; the next step is yours to take.",
        ):
            self._changed(checkin_id)

    def snooze_days(self, days: int) -> None:
        """Put the open check-in off by ``days`` days, keeping its answers."""
        checkin_id = self.form.checkin_id
        if checkin_id is None:
            return
        answers = self.saver.hand_over()
        when = "tomorrow" if days == 1 else f"in {days} days"
        if self._act(
            lambda: self.profile.checkins.snooze_days(checkin_id, days, answers),
            f"That's fine. Regroup will ask again {when}.",
        ):
            self._changed(checkin_id)

    def snooze_until(self, day: date) -> None:
        """Put the open check-in off until ``day``, keeping its answers."""
        checkin_id = self.form.checkin_id
        if checkin_id is None:
            return
        answers = self.saver.hand_over()
        if self._act(
            lambda: self.profile.checkins.snooze_until(checkin_id, day, answers),
            f"That's fine. Regroup will ask again on {day.strftime('%a %d %b %Y')}.",
        ):
            self._changed(checkin_id)

    def make_goal(self, title: str) -> None:
        """Put the next step on the goals board, linked to the check-in's debrief."""
        checkin_id = self.form.checkin_id
        if checkin_id is None or not title:
            return
        self._save_pending()
        item = self.overview.find(checkin_id)
        debrief_id = item.checkin.debrief_id if item is not None else None
        self._act(
            lambda: self.profile.goals.create(GoalContent(title), source_debrief_id=debrief_id),
            f"“{title}” is on the goals board, under Next.",
        )

    def start_for(self, debrief_id: int) -> None:
        """Start the check-in of one debrief now and open it."""
        started: list[int] = []
        if self._act(lambda: started.append(self.profile.checkins.start_by_hand(debrief_id).id)):
            self.banner.dismiss()
            self._changed(started[0])

    def _start_chosen(self) -> None:
        self.debrief_combo.ensure_loaded()
        debrief_id = self.debrief_combo.currentData()
        if isinstance(debrief_id, int):
            self.start_for(debrief_id)

    def _changed(self, checkin_id: int) -> None:
        self.overview = self.profile.checkin_list.overview()
        self.refresh()
        self.open_checkin(checkin_id)
        self.changed.emit()
