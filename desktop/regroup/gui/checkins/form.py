"""The form of one check-in: how it feels now, what helped, the next step, and the answer.

It holds no data of its own: the Check-ins page fills it from a ``CheckinItem`` and
acts on its signals (closing, putting off, making a goal); the page's autosaver
follows what is shown and edited here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.checkins.types import (
    FEELING_RANGE,
    SNOOZE_DAYS,
    CheckinAnswers,
    CheckinItem,
)
from regroup.gui.kit.date_field import LATEST, DateField
from regroup.gui.kit.dates import format_day, format_moment, format_short_day

FEELING_HINT = "1 is very low, 5 is good"
YES = "Yes, I'm ready to move on"
NOT_YET = "Not yet…"
NOTHING_OPEN = "Nothing is waiting for an answer"
NOTHING_OPEN_HINT = (
    "When a check-in comes due, it opens here, ready to answer. You can also open "
    "one from the list, or start one for a debrief."
)


local_text = format_moment
"""An instant as the person's local day and time (kept by name: the check-in list uses it)."""


def short_day(moment: datetime) -> str:
    """Return an instant's local day, short, e.g. "1 Dec" (beside an answer given)."""
    day = moment.astimezone().date()
    return format_short_day(day, day)  # the answer sits beside its check-in: no year needed


def answer_text(item: CheckinItem) -> str:
    """Return the answer given to "Ready to move on?", or "" while there is none."""
    checkin = item.checkin
    if checkin.done_at is not None:
        return f"Yes, ready to move on ({short_day(checkin.done_at)})"
    return ""


def context_text(item: CheckinItem) -> str:
    """Say what the data holds about how it felt then, and say where it comes from."""
    parts = []
    if item.news_on is not None:
        parts.append(f"The news came on {format_day(item.news_on)}.")
    if item.wanted is not None:
        parts.append(f"In the debrief you rated how much you wanted this job {item.wanted} of 5.")
    if item.linked_mood is not None:
        mood = f"{item.linked_mood:g}"
        parts.append(f"The diary entries linked to it have a mood of {mood} of 5 on average.")
    if item.wanted is None and item.linked_mood is None:
        parts.append("The debrief holds no rating of how it felt then.")
    return " ".join(parts)


def status_text(item: CheckinItem, now: datetime) -> str:
    """Return one line on where the check-in stands."""
    checkin = item.checkin
    if checkin.done_at is not None:
        return f"Closed on {local_text(checkin.done_at)}. You can still change your answers."
    if checkin.next_due_at > now:
        verb = "Put off until" if checkin.snoozed_until else "Due on"
        return f"{verb} {local_text(checkin.next_due_at)}. You can answer now if you like."
    if checkin.missed_at is not None:
        return f"It came due on {local_text(checkin.next_due_at)}, while Regroup was closed."
    return f"Due since {local_text(checkin.next_due_at)}."


class CheckinForm(QWidget):
    """Shows one check-in and says, through signals, what the person did with it."""

    answers_edited = Signal()
    """The person changed an answer."""
    answers_shown = Signal(object, object)
    """A check-in's id (None: nothing chosen) and its stored answers, now on show."""
    yes_clicked = Signal()
    snooze_days_chosen = Signal(int)
    snooze_date_chosen = Signal(object)
    goal_requested = Signal(str)
    goal_opened = Signal(int)
    """The person asked to see the goal the next step became (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkin_id: int | None = None
        self._filling = False
        self.title_label = self._wrapped("Check-in about")
        self.title_label.setProperty("textStyle", "title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = self._wrapped("Where this check-in stands")
        self.context_label = self._wrapped("How it felt at the debrief")
        self.feeling_group = QButtonGroup(self)
        feeling_row = QHBoxLayout()
        for value in FEELING_RANGE:
            button = QRadioButton(str(value))
            button.setAccessibleName(f"I feel {value} of 5")
            self.feeling_group.addButton(button, value)
            feeling_row.addWidget(button)
        hint = QLabel(FEELING_HINT)
        hint.setProperty("textStyle", "caption")
        feeling_row.addWidget(hint)
        feeling_row.addStretch()
        self.feeling_group.idClicked.connect(lambda _value: self._edited())
        self.helped_edit = QPlainTextEdit()
        self.helped_edit.setAccessibleName("What helped")
        self.helped_edit.setPlaceholderText("A walk, a friend, a day off, writing it down…")
        self.helped_edit.setTabChangesFocus(True)
        self.helped_edit.textChanged.connect(self._edited)
        self.next_edit = QLineEdit()
        self.next_edit.setAccessibleName("Next step")
        self.next_edit.setPlaceholderText("One small thing to do next")
        self.next_edit.textChanged.connect(self._edited)
        self.goal_button = QPushButton("Make it a goal")
        self.goal_button.setAccessibleName("Make the next step a goal")
        self.goal_button.setToolTip("Add the next step to the goals board, linked to the debrief")
        self.goal_button.clicked.connect(
            lambda: self.goal_requested.emit(" ".join(self.next_edit.text().split()))
        )
        self.next_edit.textChanged.connect(self._update_goal_button)
        self.goal_id: int | None = None
        self.goal_label = QLabel()
        self.goal_label.setAccessibleName("Goal made from the next step")
        self.goal_label.setWordWrap(True)
        self.goal_label.setTextFormat(Qt.TextFormat.RichText)
        self.goal_label.linkActivated.connect(self._open_goal)
        self.goal_label.hide()
        self.answer_label = self._wrapped("Your answer")
        self.answer_label.hide()
        self.body = QWidget()
        self.yes_button = QPushButton(YES)
        self.yes_button.setAccessibleName(YES)
        self.yes_button.clicked.connect(self.yes_clicked.emit)
        self.not_yet_button = QPushButton(NOT_YET)
        self.not_yet_button.setAccessibleName("Not yet")
        self.not_yet_button.clicked.connect(self.show_snooze_choices)
        self.snooze_row = QWidget()
        self.snooze_buttons: dict[int, QPushButton] = {}
        self._today = date.today()
        self.snooze_date = DateField("Ask again on", optional=False, today=lambda: self._today)
        self.snooze_date_button = QPushButton("On this day")
        self.snooze_date_button.setAccessibleName("Ask again on the chosen day")
        self.snooze_date_button.clicked.connect(self._snooze_on_chosen_day)
        self._lay_out(feeling_row)

    def _wrapped(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        return label

    def _lay_out(self, feeling_row: QHBoxLayout) -> None:
        # Narrow on purpose: rows wrap and stack rather than ask the window to widen.
        snooze = QVBoxLayout(self.snooze_row)
        snooze.setContentsMargins(0, 0, 0, 0)
        snooze.addWidget(QLabel("Ask me again:"))
        quick = QHBoxLayout()
        for days in SNOOZE_DAYS:
            title = "tomorrow" if days == 1 else f"in {days} days"
            button = QPushButton(title.capitalize())
            button.setAccessibleName(f"Ask again {title}")
            button.clicked.connect(lambda _checked=False, d=days: self.snooze_days_chosen.emit(d))
            self.snooze_buttons[days] = button
            quick.addWidget(button)
        quick.addStretch()
        snooze.addLayout(quick)
        on_day = QHBoxLayout()
        on_day.addWidget(QLabel("or on"))
        on_day.addWidget(self.snooze_date)
        on_day.addWidget(self.snooze_date_button)
        on_day.addStretch()
        snooze.addLayout(on_day)
        self.snooze_row.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("How do you feel about it now?", feeling_row)
        form.addRow("What helped?", self.helped_edit)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_edit, 1)
        next_row.addWidget(self.goal_button)
        next_column = QVBoxLayout()
        next_column.addLayout(next_row)
        next_column.addWidget(self.goal_label)
        form.addRow("Next step:", next_column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.not_yet_button)
        buttons.addStretch()
        answer = QVBoxLayout()
        answer.addWidget(self.answer_label)
        answer.addLayout(buttons)
        form.addRow("Ready to move on?", answer)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.context_label)
        body.addLayout(form)
        body.addWidget(self.snooze_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.body)
        layout.addStretch()

    def _snooze_on_chosen_day(self) -> None:
        self.snooze_date.commit_text()
        day = self.snooze_date.value()
        if self.snooze_date.is_valid() and day is not None:
            self.snooze_date_chosen.emit(day)
        else:
            self.snooze_date.setFocus()

    def show_item(self, item: CheckinItem | None, now: datetime, today: date) -> None:
        """Fill the form from ``item`` (None: nothing chosen) without counting it as an edit."""
        self._filling = True
        try:
            self.snooze_row.hide()
            self.checkin_id = None if item is None else item.checkin.id
            self.body.setVisible(item is not None)
            self.show_goal(None)
            if item is None:
                self.title_label.setText(NOTHING_OPEN)
                self.status_label.setText(NOTHING_OPEN_HINT)
                self.context_label.clear()
                self._set_answers(CheckinAnswers())
                return
            checkin = item.checkin
            self.title_label.setText(item.title)
            self.status_label.setText(status_text(item, now))
            self.context_label.setText(context_text(item))
            self._set_answers(
                CheckinAnswers(checkin.feeling, checkin.what_helped, checkin.next_step)
            )
            open_ = checkin.done_at is None
            self.yes_button.setVisible(open_)
            self.not_yet_button.setVisible(open_)
            self.answer_label.setText(answer_text(item))
            self.answer_label.setVisible(not open_)
            self._today = today
            tomorrow = today + timedelta(days=1)
            self.snooze_date.set_range(tomorrow, LATEST)
            self.snooze_date.set_value(tomorrow + timedelta(days=6))
        finally:
            self._filling = False
        self.answers_shown.emit(self.checkin_id, self.answers())

    def _set_answers(self, answers: CheckinAnswers) -> None:
        self.feeling_group.setExclusive(False)
        for button in self.feeling_group.buttons():
            button.setChecked(self.feeling_group.id(button) == answers.feeling)
        self.feeling_group.setExclusive(True)
        self.helped_edit.setPlainText(answers.what_helped)
        self.next_edit.setText(answers.next_step)
        self._update_goal_button()

    def answers(self) -> CheckinAnswers:
        """Return what the form holds now."""
        feeling = self.feeling_group.checkedId()
        return CheckinAnswers(
            feeling=feeling if feeling in FEELING_RANGE else None,
            what_helped=self.helped_edit.toPlainText(),
            next_step=self.next_edit.text(),
        )

    def show_snooze_choices(self) -> None:
        """Show the ways to put the check-in off."""
        self.snooze_row.show()
        self.snooze_buttons[SNOOZE_DAYS[0]].setFocus()

    def _edited(self) -> None:
        if not self._filling and self.checkin_id is not None:
            self.answers_edited.emit()

    def show_goal(self, goal_id: int | None, title: str = "") -> None:
        """Show the goal the next step became (a link to it), or offer to make one."""
        self.goal_id = goal_id
        self.goal_label.setVisible(goal_id is not None)
        if goal_id is not None:
            self.goal_label.setText(f'Goal made: <a href="goal">{escape(title)}</a>')
            self.goal_label.setToolTip("Open this goal on the Goals page")
        self._update_goal_button()

    def _open_goal(self, _link: str) -> None:
        if self.goal_id is not None:
            self.goal_opened.emit(self.goal_id)

    def _update_goal_button(self) -> None:
        """A check-in makes one goal: once made, the button rests and the link shows it."""
        self.goal_button.setEnabled(self.goal_id is None and bool(self.next_edit.text().strip()))
