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
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regroup.core.checkins.types import CheckinItem, CheckinOverview
from regroup.core.debriefs.types import DebriefQuery
from regroup.core.errors import RegroupError
from regroup.core.insights.types import ThenAndNow
from regroup.gui.checkins.form import CheckinForm
from regroup.gui.checkins.rows import ID_ROLE, SECTIONS, CheckinRowDelegate, checkin_row, group_row
from regroup.gui.checkins.saver import CheckinSaver
from regroup.gui.checkins.starter import DebriefCombo
from regroup.gui.insights.background import LatestRead
from regroup.gui.insights.then_and_now import ThenAndNowCard
from regroup.gui.kit.dates import format_day
from regroup.gui.kit.page import Page, PageContext, Target
from regroup.gui.kit.toasts import Tone, toasts_for

NOTICE = "checkins"
"""The key of this page's toast: a newer answer's notice replaces the last one."""
EMPTY_HINT = (
    "No check-ins yet. Saving a debrief plans one after its days to mourn; "
    "you can also start one now."
)


class CheckinsPage(Page):
    """Lists check-ins by state and answers the one chosen; ``changed`` after each answer."""

    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        profile = context.profile
        self.overview = CheckinOverview()
        self.look_back: ThenAndNowCard | None = None  # made after the first "Yes" that has one
        self.look_back_read = LatestRead("regroup-look-back", self)  # it takes a moment
        self.look_back_read.arrived.connect(self._look_back)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Check-ins")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(CheckinRowDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setIndentation(0)
        self.tree.setMinimumWidth(160)
        self.tree.currentItemChanged.connect(self._on_current)
        self.empty_label = QLabel(EMPTY_HINT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.form = CheckinForm()
        self.saver = CheckinSaver(profile, self.form.answers, self)
        self.debrief_combo = DebriefCombo(self._debrief_names)
        self.debrief_combo.setAccessibleName("Debrief to check in on")
        self.start_button = QPushButton("Start a check-in now")
        self.start_button.setAccessibleName("Start a check-in now")
        self.start_button.setToolTip("Check in on the chosen debrief now, whenever it is due")
        self.start_button.clicked.connect(self._start_chosen)
        self._lay_out()
        self.form.answers_shown.connect(self.saver.begin)
        self.form.answers_edited.connect(self.saver.note_edit)
        self.saver.failed.connect(lambda text: self._notify(text, Tone.ERROR))
        self.form.yes_clicked.connect(self.answer_yes)
        self.form.snooze_days_chosen.connect(self.snooze_days)
        self.form.snooze_date_chosen.connect(self.snooze_until)
        self.form.goal_requested.connect(self.make_goal)
        self.form.goal_opened.connect(lambda goal_id: context.open("goals", goal_id))
        context.events.checkins_changed.connect(self._on_checkins_changed)
        context.events.goals_changed.connect(self._on_goals_changed)
        self.form.show_item(None, profile.clock.now(), self.today())

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.empty_label, 1)  # in the list's place, read from the top
        column.addWidget(self.debrief_combo)
        column.addWidget(self.start_button)
        form = QScrollArea()  # a short window scrolls the form; it never widens the window
        form.setWidget(self.form)
        form.setWidgetResizable(True)
        form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(form)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 600])
        heading = QLabel("Check-ins")
        heading.setProperty("textStyle", "title")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
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
        for key, title, chip in SECTIONS:
            items: tuple[CheckinItem, ...] = getattr(self.overview, key)
            if not items:
                continue  # an empty group is left out, not shown as "0"
            section = group_row(title, chip, len(items))
            self.tree.addTopLevelItem(section)
            section.addChildren([checkin_row(item, key) for item in items])
            section.setExpanded(True)
        self.tree.blockSignals(False)
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self.empty_label.setVisible(self.tree.isHidden())
        self.debrief_combo.show_first()
        self.start_button.setEnabled(self.debrief_combo.count() > 0)
        if chosen is not None and self.overview.find(chosen) is not None:
            self.open_checkin(chosen)
        elif waiting := self.overview.due or self.overview.missed:
            self.open_checkin(waiting[0].checkin.id)  # the form is ready to answer at once
        else:
            self.form.show_item(None, self.profile.clock.now(), self.today())

    def _debrief_names(self, limit: int | None) -> list[tuple[str, int]]:
        names = []
        for summary in self.profile.debrief_list.find(DebriefQuery(limit=limit)):
            name = " — ".join(t for t in (summary.company.strip(), summary.role.strip()) if t)
            day = f" ({format_day(summary.day)})" if summary.day else ""
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
        if item is not None:
            self._show_goal(checkin_id)

    def _on_goals_changed(self) -> None:
        """A goal was renamed or deleted on the board: the link follows it."""
        if self.form.checkin_id is not None:
            self._show_goal(self.form.checkin_id)

    def _show_goal(self, checkin_id: int) -> None:
        goal_id = self.profile.checkins.goal_made(checkin_id)
        title = "" if goal_id is None else self.profile.goals.get(goal_id).title
        self.form.show_goal(goal_id, title)

    # Writing

    def _act(self, action: Callable[[], object], done: str = "") -> bool:
        try:
            action()
        except RegroupError as exc:
            self._notify(str(exc), Tone.ERROR)
            return False
        if done:
            self._notify(done)
        return True

    def _notify(self, text: str, tone: Tone = Tone.INFO) -> None:
        """Say what happened in a toast over the page; a newer one replaces it."""
        toasts_for(self, self.events).show(text, tone, key=NOTICE, owner=self)

    def _save_pending(self) -> None:
        """Store what changed in the form; the check-in stays as open or closed as it was."""
        self.saver.save_now()

    def save_before_leaving(self) -> None:
        """Leaving the page (for another page, or the tray) saves what waits."""
        if self.saver.pending:
            self._save_pending()

    def save_before_quit(self) -> None:
        """The app is quitting: keep what was typed (and let a look back finish reading)."""
        self.look_back_read.wait()
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
            if self.profile.settings.show_then_and_now():  # Settings can turn it off
                self.look_back_read.start(self.profile.insights.then_and_now)

    def _look_back(self, found: object) -> None:
        """A gentle look at a debrief of months ago and what came after, under the heading.

        It is read off the window's thread: the page answers at once, the card follows.
        A look back that cannot be read is simply not shown (it is only an extra).
        """
        if not isinstance(found, ThenAndNow):
            found = None  # none old enough yet
        if self.look_back is None and found is not None:
            self.look_back = ThenAndNowCard()
            self.look_back.open_debrief.connect(lambda i: self.context.open("debriefs", i))
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.look_back)
        if self.look_back is not None:
            self.look_back.show_look_back(found)

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
            f"That's fine. Regroup will ask again on {format_day(day)}.",
        ):
            self._changed(checkin_id)

    def make_goal(self, title: str) -> None:
        """Put the next step on the goals board, linked to the check-in's debrief."""
        checkin_id = self.form.checkin_id
        if checkin_id is None or not title:
            return
        self._save_pending()
        profile = self.profile
        if self._act(
            lambda: profile.checkins.make_goal(checkin_id, title, profile.goals),
            f"“{title}” is on the goals board, under Next.",
        ):
            self._show_goal(checkin_id)
            self.events.goals_changed.emit()

    def start_for(self, debrief_id: int) -> None:
        """Start the check-in of one debrief now and open it."""
        started: list[int] = []
        if self._act(lambda: started.append(self.profile.checkins.start_by_hand(debrief_id).id)):
            toasts_for(self, self.events).dismiss(NOTICE)
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
