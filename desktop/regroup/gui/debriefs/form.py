"""The debrief form's content: filling the sections, reading them back, and live hints.

As the person types, the feedback request, the check-in date and the reframe hint
follow what was written. The form only shows and reads content; the page saves it.
The widgets themselves are laid out in ``sections.DebriefSections``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from regroup.core.debriefs.feedback_request import feedback_request
from regroup.core.debriefs.thinking_traps import all_traps
from regroup.core.debriefs.types import DebriefContent, DebriefRecord, DebriefStatus, NewsVia
from regroup.core.goals.types import LANE_LABELS, GoalRecord
from regroup.gui.debriefs.sections import DebriefSections
from regroup.gui.kit.dates import format_moment


def due_text(due: datetime | None, status: DebriefStatus | None, days: int) -> str:
    """Say when the move-on check-in comes, in the person's local time."""
    if status is None or status is DebriefStatus.DRAFT:
        return (
            f"When you finish this debrief, a check-in is planned {days} "
            f"day{'' if days == 1 else 's'} after the news."
        )
    if due is None:
        return "No check-in is waiting for this debrief."
    return f"Check-in due {format_moment(due)}."


class DebriefForm(DebriefSections):
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
        self._connect_edits()

    def _connect_edits(self) -> None:
        for edit in (self.company_edit, self.role_edit, self.role_kind_edit):
            edit.textChanged.connect(self._changed)
        self.company_edit.textChanged.connect(self._refresh_request)
        self.role_edit.textChanged.connect(self._refresh_request)
        self.news_via_box.currentIndexChanged.connect(self._refresh_request)
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
        self.copy_button.clicked.connect(self.copy_request)
        self.reset_request_button.clicked.connect(self.reset_request)

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
        self.scroll_area.verticalScrollBar().setValue(0)

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
        no_reply = self.news_via_box.value() is NewsVia.NO_REPLY
        request = feedback_request(self.company_edit.text(), self.role_edit.text(), no_reply)
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
