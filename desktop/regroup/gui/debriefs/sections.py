"""The debrief form's widgets: five short sections on one scrolling page, and the step bar.

The step bar shows where the person is and jumps to a section; nothing is hidden
behind "Next" buttons, so a half-finished debrief can be saved (and found again)
at any point. What the fields hold, and what changes when they change, is
``form.DebriefForm``'s business.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
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

from regroup.core.debriefs.thinking_traps import all_traps
from regroup.core.debriefs.types import NEWS_VIA_LABELS, STAGE_LABELS, KeepLooking
from regroup.gui.debriefs.lines_editor import LinesEditor
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.form_fields import (
    ChoiceBox,
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


class DebriefSections(QWidget):
    """Every question of the debrief, laid out in its section, with the step bar on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[QWidget] = []
        self.help_labels: list[QLabel] = []
        """Every help text, kept for the test that none of them is cut off."""
        self.step_buttons: list[QPushButton] = []
        self._build_fields()
        self._lay_out()

    def _build_fields(self) -> None:
        self.company_edit = self._line("Company", "Who was it with?")
        self.role_edit = self._line("Role", "The job title")
        self.role_kind_edit = self._line("Kind of role", "e.g. Data, Design, Care")
        self._kinds = QStringListModel(self)
        completer = QCompleter(self._kinds, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role_kind_edit.setCompleter(completer)
        self.applied_edit = DateField("Date applied")
        self.stage_box = ChoiceBox("Stage reached", list(STAGE_LABELS.items()))
        self.rounds_spin = OptionalSpinBox("Interview rounds", 0, 99)
        self.news_edit = DateField("Date the news came")
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
        self.reset_request_button = QPushButton("Start over")
        self.reset_request_button.setAccessibleName("Write the feedback request again")
        self.reset_request_button.setToolTip("Replace your edits with a fresh request")
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
        self.due_label = self._help_label("")
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

    def _help_label(self, text: str) -> QLabel:
        """A caption that wraps: a help line cut off mid-sentence helps nobody."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("textStyle", "caption")
        self.help_labels.append(label)
        return label

    def _section(self, title: str, intro: str) -> tuple[QWidget, QFormLayout]:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 12, 0, 4)
        header = QLabel(f"<h3>{title}</h3>")
        header.setAccessibleName(title)
        column.addWidget(header)
        column.addWidget(self._help_label(intro))
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
            explanation = self._help_label(trap.explanation)
            explanation.setIndent(24)
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
        form.addRow(self.due_label)  # the full width of the section, not the field column
        form.addRow("Goals from this debrief:", self.goals_label)
        for section in self.sections:
            column.addWidget(section)
        column.addStretch()
        self._page_column = column
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName("Debrief form")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._follow_scroll)
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
        layout.addWidget(self.scroll_area, 1)
        self.step_buttons[0].setChecked(True)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` at the end of the scrolling page, under the last section."""
        self._page_column.insertWidget(self._page_column.count() - 1, widget)

    # Steps

    def go_to_step(self, number: int) -> None:
        """Scroll to section ``number`` (0-based) and put the cursor in its first field."""
        section = self.sections[number]
        self.scroll_area.verticalScrollBar().setValue(section.y())
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
