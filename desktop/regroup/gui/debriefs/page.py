"""The Debriefs page: the list with its filters on the left, the guided form on the right.

Like the diary, the form saves itself after a pause and whenever the person moves
away; a new debrief starts as a draft and becomes final with "Finish debrief".
Warnings from a save (dates in an odd order, no company yet) appear in a toast
over the form and never change what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from regroup.core.checkins.schedule import waits_now
from regroup.core.debriefs.types import DebriefNotFoundError, DebriefSaveResult, DebriefStatus
from regroup.core.errors import RegroupError
from regroup.gui.debriefs.form import DebriefForm
from regroup.gui.debriefs.linked_entries import DebriefEntries
from regroup.gui.debriefs.list_panel import DebriefListPanel
from regroup.gui.debriefs.saver import DebriefSaver, draft_start
from regroup.gui.debriefs.trash_dialog import DebriefTrashDialog, DeleteDebriefBox
from regroup.gui.kit.page import NEW, PageContext, Target
from regroup.gui.kit.page_parts import add_shortcuts, button, column, tool_row, two_panes
from regroup.gui.kit.recovery import DraftOffer
from regroup.gui.kit.saving_page import SavingPage
from regroup.gui.kit.toasts import ToastHost, Tone, toasts_for

SAVE_PROBLEM = "debrief-save"
"""The key of the toast that stays while saving fails, until a save works again."""
WARNINGS = "debrief-warnings"

DUE_NOW_OPEN = "Open the check-in"
DUE_NOW = "due check-in"
"""The key of the toast saying a just-finished debrief's check-in is already due."""


class DebriefPage(SavingPage):
    """Write, find, finish and delete debriefs; turn their lessons into goals."""

    saver: DebriefSaver

    close_title = "Close without saving the debrief?"
    close_text = (
        "Your last changes to the debrief could not be saved: {error}"
        "\n\nNo recovery copy could be written either. Close anyway and lose them?"
    )
    kept_title = "Your last changes are not in the debrief"
    kept_text = (
        "They could not be saved: {error}\n\nAn encrypted recovery copy was kept; Regroup "
        "offers it the next time you open Debriefs."
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        profile, events = context.profile, context.events
        self.panel = DebriefListPanel(profile.debrief_list)
        self._warned = ""
        self.form = DebriefForm(lambda typed: profile.debrief_list.role_kinds(typed))
        self.entries = DebriefEntries(
            profile.debriefs, lambda entry_id: context.open("diary", entry_id), self._report_error
        )
        self.form.add_below(self.entries)
        self.saver = DebriefSaver(profile, self.form.content, self)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Save status")
        self.new_button = button("New debrief", "Start a new debrief", self.new_debrief)
        self.finish_button = button(
            "Finish debrief", "Save as final and plan the check-in", self.finish
        )
        self.delete_button = button("Delete…", "Move this debrief to the trash", self.delete)
        self.trash_button = button("Trash", "Deleted debriefs", self.open_trash)
        self._lay_out()
        add_shortcuts(  # as on the Diary page, active while this page shows
            self,
            (
                ("New debrief", "Ctrl+N", self.new_debrief),
                ("Save now", "Ctrl+S", self.save_now),
                ("Find debriefs", "Ctrl+F", self.focus_search),
            ),
        )
        self.form.edited.connect(self.saver.note_edit)
        self.form.make_goal.connect(self.make_goal)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.status_changed.connect(self._show_status)
        self.panel.debrief_chosen.connect(self.open_debrief)
        events.debriefs_changed.connect(self.panel.reload)
        events.goals_changed.connect(self.refresh_goals)
        events.entries_changed.connect(self.entries.refresh)
        self._show_new()
        self.draft_offer = DraftOffer(
            self.saver,
            self,
            kind=("a new debrief", "a debrief"),
            start_of=draft_start,
            show_base=self._show_draft_base,
            show_content=lambda content: self.form.show_content(
                content, profile.settings.default_mourning_days()
            ),
        )

    def _lay_out(self) -> None:
        tools = tool_row(
            [self.new_button, self.finish_button, self.delete_button],
            [self.status_label, self.trash_button],
        )
        right = column([tools, self.form])
        two_panes(self, self.panel, right, (280, 650))

    def focus_search(self) -> None:
        """Ctrl+F: go to the search field."""
        self.panel.search_edit.setFocus()
        self.panel.search_edit.selectAll()

    # Opening

    def _show_new(self) -> None:
        content = self.profile.debriefs.new_content()
        self.form.show_content(content, self.profile.settings.default_mourning_days())
        self.form.show_record(None)
        self.saver.begin(None, content)
        self.entries.show_debrief(None)
        self.panel.select_debrief(None)
        self.show_warnings([])
        self._enable_buttons(None)

    def _show(self, debrief_id: int) -> bool:
        try:
            record = self.profile.debriefs.get(debrief_id)
        except DebriefNotFoundError:
            self._notify("That debrief no longer exists.", Tone.ERROR)
            self.panel.reload()
            return False
        default = self.profile.settings.default_mourning_days()
        self.form.show_content(record.content, default)
        self.form.show_record(record)
        self.saver.begin(record.id, record.content)
        if self.form.content() != record.content:
            self.saver.note_edit()
        self.entries.show_debrief(record.id)
        self.panel.select_debrief(record.id)
        self.show_warnings([])
        self._enable_buttons(record.status)
        return True

    def _show_draft_base(self, debrief_id: int | None) -> None:
        """Open the debrief a draft was written for, or a new one when it is gone."""
        if debrief_id is not None:
            try:
                record = self.profile.debriefs.get(debrief_id)
            except DebriefNotFoundError:
                record = None
            if record is not None and record.deleted_at is None and self._show(record.id):
                return
        self._show_new()

    def _enable_buttons(self, status: DebriefStatus | None) -> None:
        self.delete_button.setEnabled(status is not None)
        self.finish_button.setText(
            "Finish debrief" if status in (None, DebriefStatus.DRAFT) else "Save now"
        )

    def open(self, target: Target) -> bool:
        """Show debrief ``target``, or start a new debrief for :data:`NEW`."""
        if target == NEW:
            return self.new_debrief()
        return self.open_debrief(target) if isinstance(target, int) else target is None

    def open_debrief(self, debrief_id: int) -> bool:
        """Show a debrief in the form, after saving the one being left."""
        if debrief_id == self.saver.debrief_id:
            return True
        if not self.leave_current():
            self.panel.select_debrief(self.saver.debrief_id)
            return False
        return self._show(debrief_id)

    def new_debrief(self) -> bool:
        """Start a new debrief, after saving the open one."""
        if not self.leave_current():
            return False
        self._show_new()
        self.form.company_edit.setFocus()
        return True

    # Saving

    def finish(self) -> bool:
        """Save as final (a check-in is planned); kept as a draft while it has no name."""
        if not self.saver.save_now(finish=True):
            return False
        self._offer_due_checkin()
        return True

    def _offer_due_checkin(self) -> None:
        """The news is older than its days to mourn: the check-in is due now, so say so."""
        if self.saver.debrief_id is None:
            return
        try:
            checkin = self.profile.debriefs.get(self.saver.debrief_id).checkin
        except DebriefNotFoundError:
            return
        if checkin is None or not waits_now(checkin, self.profile.clock.now()):
            return
        checkin_id = checkin.id
        self.toasts().show(
            "This debrief's check-in is due now: its days to mourn have passed. "
            "You can answer it whenever you like.",
            actions=[(DUE_NOW_OPEN, lambda: self._open_checkin(checkin_id))],
            key=DUE_NOW,
            owner=self,
        )

    def _open_checkin(self, checkin_id: int) -> None:
        self.context.open("checkins", checkin_id)

    def _on_saved(self, result: DebriefSaveResult, _created: bool) -> None:
        record = result.record
        self.form.show_record(record)
        self.entries.show_debrief(record.id)
        self._enable_buttons(record.status)
        self.toasts().dismiss(SAVE_PROBLEM)
        self.show_warnings([warning.message for warning in result.warnings])
        self.events.debriefs_changed.emit()
        self.panel.select_debrief(record.id)

    def show_warnings(self, messages: Sequence[str]) -> None:
        """Show what deserves a second look; take it back when nothing does.

        Autosave runs at every pause in typing: the same warnings are shown once, not
        after each pause, until they change.
        """
        text = "\n".join(messages)
        if text == self._warned:
            return
        self._warned = text
        if text:
            self.toasts().show(f"Worth a second look: {text}", key=WARNINGS, owner=self)
        else:
            self.toasts().dismiss(WARNINGS)

    def _on_failed(self, message: str) -> None:
        self.toasts().show(message, Tone.ERROR, key=SAVE_PROBLEM, sticky=True, owner=self)

    def _show_status(self, text: str, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b3261e;" if error else "")

    def toasts(self) -> ToastHost:
        """The window's notices, which float over the page and move nothing."""
        return toasts_for(self, self.events)

    def _notify(self, text: str, tone: Tone = Tone.INFO) -> None:
        self.toasts().show(text, tone, owner=self)

    def _is_back(self, debrief_id: int) -> bool:
        """True once a trashed debrief is out of the trash (or gone for good)."""
        try:
            return self.profile.debriefs.get(debrief_id).deleted_at is None
        except DebriefNotFoundError:
            return True

    def _report_error(self, text: str) -> None:
        self._notify(text, Tone.ERROR)

    def save_before_leaving(self) -> None:
        """Leaving the page (for another page, or the tray) saves what waits."""
        if self.saver.pending:
            self.saver.save_now()

    # Goals

    def make_goal(self, line_index: int) -> None:
        """Turn a "would do differently" line into a goal on the board (saving first)."""
        if not self.leave_current() or self.saver.debrief_id is None:
            return
        try:
            goal = self.profile.goals.create_from_debrief(self.saver.debrief_id, line_index)
        except RegroupError as exc:
            self._notify(f"No goal was made: {exc}", Tone.ERROR)
            return
        self.events.goals_changed.emit()
        self._notify(f"“{goal.title}” is on the Goals board, in Next.")

    def refresh_goals(self) -> None:
        """Show the current state of the open debrief's goals."""
        if self.saver.debrief_id is None:
            return
        try:
            record = self.profile.debriefs.get(self.saver.debrief_id)
        except DebriefNotFoundError:
            return
        self.form.lines_editor.show_goals(record.goals)
        self.form.show_goals(record.goals)

    # Trash

    def delete(self) -> None:
        """Move the open debrief to the trash, asking what happens to its goals."""
        if not self.leave_current() or self.saver.debrief_id is None:
            return
        debrief_id = self.saver.debrief_id
        record = self.profile.debriefs.get(debrief_id)
        choice = DeleteDebriefBox(len(record.goals), self).choice()
        if choice is None:
            return
        try:
            self.profile.debriefs.trash(debrief_id, goals=choice)
        except RegroupError as exc:
            self._notify(f"Not deleted: {exc}", Tone.ERROR)
            return
        self._show_new()
        self.events.debriefs_changed.emit()
        self.events.goals_changed.emit()
        self.toasts().offer_undo(
            "The debrief is in the trash.",
            lambda: self.undo_delete(debrief_id),
            back=lambda: self._is_back(debrief_id),
            owner=self,
        )

    def undo_delete(self, debrief_id: int) -> None:
        """Bring a just-deleted debrief back (with the goals that went with it) and open it."""
        try:
            self.profile.debriefs.restore(debrief_id)
        except RegroupError as exc:
            self._notify(f"Not restored: {exc}", Tone.ERROR)
            return
        self.events.debriefs_changed.emit()
        self.events.goals_changed.emit()
        self.open_debrief(debrief_id)

    def open_trash(self) -> None:
        """Show the trash, where debriefs can be restored or deleted for good."""
        if not self.leave_current():
            return
        dialog = DebriefTrashDialog(self.profile.debriefs, self.events, self)
        dialog.exec()
        if dialog.restored_ids:
            self.open_debrief(dialog.restored_ids[-1])
