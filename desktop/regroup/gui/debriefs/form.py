"""The debrief form: one scrolling page in five short sections, with a step bar on top.

The step bar shows where the person is and jumps to a section; nothing is hidden
behind "Next" buttons, so a half-finished debrief can be saved (and found again)
at any point. The form only shows and reads content; the page saves it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.debriefs.feedback_request import feedback_request
from regroup.core.debriefs.thinking_traps import all_traps
from regroup.core.debriefs.types import (
    NEWS_VIA_LABELS,
    STAGE_LABELS,
    DebriefContent,
    DebriefRecord,
    DebriefStatus,
    KeepLooking,
)
from regroup.core.goals.types import LANE_LABELS, GoalRecord
from regroup.gui.debriefs.lines_editor import LinesEditor
from regroup.gui.kit.form_fields import (
    ChoiceBox,
    OptionalDateEdit,
    OptionalSpinBox,
    scale_choices,
    text_box,
)

SECTIONS = ("The application", "The news", "Looking back", "Looking ahead", "Moving on")
KEEP_LOOKING_LABELS = {
    KeepLooking.YES: "Yes",
    KeepLooking.NOT_SURE: "Not sure",
    KeepLooking.NO: "No",
}


def due_text(due: datetime | None, status: DebriefStatus | None, days: int) -> str:
    """Say when the move-on check-in comes, in the person's local time."""
    if status is None or status is DebriefStatus.DRAFT:
        return (
            f"When you finish this debrief, a check-in is planned {days} "
            f"day{'' if days == 1 else 's'} after the news."
        )
    if due is None:
        return "No check-in is waiting for this debrief."
    local = due.astimezone()
    return f"Check-in due {local:%a %d %b %Y, %H:%M}."


class DebriefForm(QWidget):
    """Every question of the debrief; ``edited`` fires on any change the person makes."""

    edited = Signal()
    make_goal = Signal(int)

    def __init__(
        self, role_kinds: Callable[[str], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._role_kinds = role_kinds
        self._loading = False
        self._request_touched = False
        self._status: DebriefStatus | None = None
        self._due: datetime | None = None
        self.sections: list[QWidget] = []
        self.step_buttons: list[QPushButton] = []
        self._build_fields()
        self._lay_out()
        self._connect_edits()

    # Building

    def _build_fields(self) -> None:
        self.company_edit = self._line("Company", "Who was it with?")
        self.role_edit = self._line("Role", "The job title")
        self.role_kind_edit = self._line("Kind of role", "e.g. Data, Design, Care")
        self._kinds = QStringListModel(self)
        completer = QCompleter(self._kinds, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role_kind_edit.setCompleter(completer)
        self.applied_edit = OptionalDateEdit("Date applied")
        self.stage_box = ChoiceBox("Stage reached", list(STAGE_LABELS.items()))
        self.rounds_spin = OptionalSpinBox("Interview rounds", 0, 99)
        self.news_edit = OptionalDateEdit("Date the news came")
        self.news_via_box = ChoiceBox("How the news came", list(NEWS_VIA_LABELS.items()))
        self.feedback_asked_box = ChoiceBox(
            "Feedback asked for", [(True, "Yes, I asked"), (False, "Not (yet)")]
        )
        self.feedback_edit = text_box(
            "Feedback that came back", "Their words, or “nothing yet”. A vague answer is normal."
        )
        self.request_edit = QPlainTextEdit()
        self.request_edit.setAccessibleName("Feedback request to copy")
        self.request_edit.setTabChangesFocus(True)
        self.request_edit.setMinimumHeight(150)
        self.copy_button = QPushButton("Copy to clipboard")
        self.copy_button.setAccessibleName("Copy the feedback request")
        self.copy_button.clicked.connect(self.copy_request)
        self.reset_request_button = QPushButton("Start over")
        self.reset_request_button.setAccessibleName("Write the feedback request again")
        self.reset_request_button.setToolTip("Replace your edits with a fresh request")
        self.reset_request_button.clicked.connect(self.reset_request)
        self.prepared_box = ChoiceBox("How prepared", scale_choices("not at all", "fully"))
        self.went_well_edit = text_box("What went well", "Answers you liked, people you met…")
        self.lines_editor = LinesEditor()
        self.resume_box = ChoiceBox(
            "Resume targeted", [(True, "Yes, for this job"), (False, "No, a general one")]
        )
        self.strengths_edit = text_box(
            "Strengths to lead with", "What you will put first next time"
        )
        self.wanted_box = ChoiceBox("How much you wanted it", scale_choices("barely", "badly"))
        self.keep_looking_box = ChoiceBox(
            "Keep looking for this kind of job", list(KEEP_LOOKING_LABELS.items())
        )
        self.trap_boxes: dict[str, QCheckBox] = {}
        self.reframe_edit = text_box("Kinder reframe", "What would you tell a friend?")
        self.lessons_edit = text_box("Lessons", "What you take with you")
        self.notes_edit = text_box("Anything else", "", lines=2)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 365)
        self.days_spin.setSuffix(" days")
        self.days_spin.setAccessibleName("Days before the move-on check-in")
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setAccessibleName("When the check-in is due")
        self.goals_label = QLabel()
        self.goals_label.setWordWrap(True)
        self.goals_label.setAccessibleName("Goals from this debrief")

    @staticmethod
    def _line(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _section(self, title: str, intro: str) -> tuple[QWidget, QFormLayout]:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 12, 0, 4)
        header = QLabel(f"<h3>{title}</h3>")
        header.setAccessibleName(title)
        column.addWidget(header)
        hint = QLabel(intro)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        column.addWidget(hint)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(form)
        self.sections.append(box)
        return box, form

    def _traps_widget(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for trap in all_traps():
            check = QCheckBox(trap.name)
            check.setAccessibleName(f"Thinking trap: {trap.name}")
            check.setAccessibleDescription(trap.explanation)
            check.setToolTip(trap.reframe_hint)
            explanation = QLabel(trap.explanation)
            explanation.setWordWrap(True)
            explanation.setIndent(24)
            explanation.setStyleSheet("color: palette(mid);")
            column.addWidget(check)
            column.addWidget(explanation)
            self.trap_boxes[trap.id] = check
        return box

    def _lay_out(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        _box, form = self._section(
            SECTIONS[0], "The facts first. Only the company or the role is needed to finish."
        )
        form.addRow("Company:", self.company_edit)
        form.addRow("Role:", self.role_edit)
        form.addRow("Kind of role:", self.role_kind_edit)
        form.addRow("Date applied:", self.applied_edit)
        form.addRow("Stage reached:", self.stage_box)
        form.addRow("Interview rounds:", self.rounds_spin)
        _box, form = self._section(
            SECTIONS[1],
            "How it ended. Companies rarely say why; asking politely costs little.",
        )
        form.addRow("The news came on:", self.news_edit)
        form.addRow("It came as:", self.news_via_box)
        form.addRow("Feedback asked for:", self.feedback_asked_box)
        form.addRow("What came back:", self.feedback_edit)
        request_buttons = QHBoxLayout()
        request_buttons.addWidget(self.copy_button)
        request_buttons.addWidget(self.reset_request_button)
        request_buttons.addStretch()
        request = QVBoxLayout()
        request.addWidget(self.request_edit)
        request.addLayout(request_buttons)
        form.addRow("A request you can send:", request)
        _box, form = self._section(
            SECTIONS[2], "An honest look at each step: what to keep, what to change."
        )
        form.addRow("How prepared were you:", self.prepared_box)
        form.addRow("What went well:", self.went_well_edit)
        form.addRow("What I would do differently:", self.lines_editor)
        form.addRow("Resume targeted:", self.resume_box)
        form.addRow("Strengths to lead with:", self.strengths_edit)
        _box, form = self._section(
            SECTIONS[3], "One company said no; that is not a verdict on you. Is this still the aim?"
        )
        form.addRow("How much you wanted it:", self.wanted_box)
        form.addRow("Keep looking for this kind of job:", self.keep_looking_box)
        form.addRow("Thinking traps:", self._traps_widget())
        form.addRow("A kinder reframe:", self.reframe_edit)
        form.addRow("Lessons:", self.lessons_edit)
        form.addRow("Anything else:", self.notes_edit)
        _box, form = self._section(
            SECTIONS[4], "Give it a few days, then Regroup asks how you feel about moving on."
        )
        form.addRow("Days before the check-in:", self.days_spin)
        form.addRow("", self.due_label)
        form.addRow("Goals from this debrief:", self.goals_label)
        for section in self.sections:
            column.addWidget(section)
        column.addStretch()
        self._page_column = column
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName("Debrief form")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)
        self.scroll.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        steps = QHBoxLayout()
        for number, title in enumerate(SECTIONS, start=1):
            button = QPushButton(f"{number}. {title}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setAccessibleName(f"Go to step {number}: {title}")
            button.clicked.connect(lambda _c=False, n=number - 1: self.go_to_step(n))
            steps.addWidget(button)
            self.step_buttons.append(button)
        steps.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(steps)
        layout.addWidget(self.scroll, 1)
        self.step_buttons[0].setChecked(True)

    def _connect_edits(self) -> None:
        for edit in (self.company_edit, self.role_edit, self.role_kind_edit):
            edit.textChanged.connect(self._changed)
        self.company_edit.textChanged.connect(self._refresh_request)
        self.role_edit.textChanged.connect(self._refresh_request)
        self.role_kind_edit.textEdited.connect(self._complete_kinds)
        for dates in (self.applied_edit, self.news_edit):
            dates.changed.connect(self._changed)
        for box in (
            self.stage_box,
            self.news_via_box,
            self.feedback_asked_box,
            self.prepared_box,
            self.resume_box,
            self.wanted_box,
            self.keep_looking_box,
        ):
            box.currentIndexChanged.connect(self._changed)
        for spin in (self.rounds_spin, self.days_spin):
            spin.valueChanged.connect(self._changed)
        self.days_spin.valueChanged.connect(self._refresh_due)
        for text in (
            self.feedback_edit,
            self.went_well_edit,
            self.strengths_edit,
            self.reframe_edit,
            self.lessons_edit,
            self.notes_edit,
        ):
            text.textChanged.connect(self._changed)
        for check in self.trap_boxes.values():
            check.toggled.connect(self._changed)
            check.toggled.connect(self._refresh_reframe_hint)
        self.lines_editor.edited.connect(self._changed)
        self.lines_editor.make_goal.connect(self.make_goal)
        self.request_edit.textChanged.connect(self._request_changed)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` at the end of the scrolling page, under the last section."""
        self._page_column.insertWidget(self._page_column.count() - 1, widget)

    # Content

    def content(self) -> DebriefContent:
        """Return what the form holds now."""
        return DebriefContent(
            company=self.company_edit.text(),
            role=self.role_edit.text(),
            role_kind=self.role_kind_edit.text(),
            applied_on=self.applied_edit.value(),
            stage=self.stage_box.value(),
            interview_rounds=self.rounds_spin.value_or_none(),
            news_on=self.news_edit.value(),
            news_via=self.news_via_box.value(),
            feedback_asked=self.feedback_asked_box.value(),
            feedback_received=self.feedback_edit.toPlainText(),
            preparedness=self.prepared_box.value(),
            went_well=self.went_well_edit.toPlainText(),
            do_differently=self.lines_editor.lines(),
            resume_targeted=self.resume_box.value(),
            strengths=self.strengths_edit.toPlainText(),
            wanted=self.wanted_box.value(),
            keep_looking=self.keep_looking_box.value(),
            traps=tuple(tid for tid, check in self.trap_boxes.items() if check.isChecked()),
            reframe=self.reframe_edit.toPlainText(),
            lessons=self.lessons_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
            mourning_days=self.days_spin.value(),
        )

    def show_content(self, content: DebriefContent, default_days: int) -> None:
        """Fill the form with ``content`` without counting it as an edit."""
        self._loading = True
        try:
            c = content
            self.company_edit.setText(c.company)
            self.role_edit.setText(c.role)
            self.role_kind_edit.setText(c.role_kind)
            self.applied_edit.set_value(c.applied_on)
            self.stage_box.set_value(c.stage)
            self.rounds_spin.set_value_or_none(c.interview_rounds)
            self.news_edit.set_value(c.news_on)
            self.news_via_box.set_value(c.news_via)
            self.feedback_asked_box.set_value(c.feedback_asked)
            self.feedback_edit.setPlainText(c.feedback_received)
            self.prepared_box.set_value(c.preparedness)
            self.went_well_edit.setPlainText(c.went_well)
            self.lines_editor.set_lines(c.do_differently)
            self.resume_box.set_value(c.resume_targeted)
            self.strengths_edit.setPlainText(c.strengths)
            self.wanted_box.set_value(c.wanted)
            self.keep_looking_box.set_value(c.keep_looking)
            for trap_id, check in self.trap_boxes.items():
                check.setChecked(trap_id in c.traps)
            self.reframe_edit.setPlainText(c.reframe)
            self.lessons_edit.setPlainText(c.lessons)
            self.notes_edit.setPlainText(c.notes)
            self.days_spin.setValue(default_days if c.mourning_days is None else c.mourning_days)
            self._request_touched = False
            self._refresh_request()
            self._refresh_reframe_hint()
        finally:
            self._loading = False
        self.scroll.verticalScrollBar().setValue(0)

    def show_record(self, record: DebriefRecord | None) -> None:
        """Show the saved state: status, check-in and the goals the debrief produced."""
        self._status = record.status if record else None
        self._due = record.checkin_due_at if record else None
        goals = record.goals if record else ()
        self.lines_editor.show_goals(goals)
        self.show_goals(goals)
        self._refresh_due()

    def show_goals(self, goals: Sequence[GoalRecord]) -> None:
        """List the goals this debrief produced, with the column each is in."""
        if not goals:
            self.goals_label.setText("None yet: use “Make it a goal” beside a change above.")
            return
        self.goals_label.setText(
            "\n".join(f"• {goal.title} ({LANE_LABELS[goal.lane]})" for goal in goals)
        )

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _refresh_due(self) -> None:
        self.due_label.setText(due_text(self._due, self._status, self.days_spin.value()))

    def _complete_kinds(self, typed: str) -> None:
        self._kinds.setStringList(self._role_kinds(typed))

    def _refresh_reframe_hint(self) -> None:
        hints = [trap.reframe_hint for trap in all_traps() if self.trap_boxes[trap.id].isChecked()]
        self.reframe_edit.setPlaceholderText(
            " ".join(hints) if hints else "What would you tell a friend in your place?"
        )

    # The feedback request

    def _request_changed(self) -> None:
        self.copy_button.setText("Copy to clipboard")
        if not self._loading:
            self._request_touched = True

    def _refresh_request(self) -> None:
        if self._request_touched:
            return
        request = feedback_request(self.company_edit.text(), self.role_edit.text())
        was_loading, self._loading = self._loading, True
        self.request_edit.setPlainText(request.as_text())
        self._loading = was_loading

    def reset_request(self) -> None:
        """Write the request again from the company and role, dropping edits to it."""
        self._request_touched = False
        self._refresh_request()

    def copy_request(self) -> None:
        """Put the request, with any edits, on the clipboard."""
        QGuiApplication.clipboard().setText(self.request_edit.toPlainText())
        self.copy_button.setText("Copied")

    # Steps

    def go_to_step(self, number: int) -> None:
        """Scroll to section ``number`` (0-based) and put the cursor in its first field."""
        section = self.sections[number]
        self.scroll.verticalScrollBar().setValue(section.y())
        self._mark_step(number)
        first = next(
            (
                w
                for w in section.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
            ),
            None,
        )
        if first is not None:
            first.setFocus()

    def _follow_scroll(self, value: int) -> None:
        current = 0
        for number, section in enumerate(self.sections):
            if section.y() <= value + 10:
                current = number
        self._mark_step(current)

    def _mark_step(self, number: int) -> None:
        for index, button in enumerate(self.step_buttons):
            button.setChecked(index == number)
