"""The Diary page: find entries on the left, write on the right; everything saves itself.

The page decides what is open in the editor. Leaving an entry (another entry, a
new one, a day on the calendar, closing) saves it first; when that save fails the
page stays where it is, so the words remain on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QSplitter, QWidget

from regroup.core.diary.types import EntryContent, EntryNotFoundError, EntryRecord
from regroup.core.errors import RegroupError
from regroup.gui.diary.editor import EntryEditor, ask_writing_ahead
from regroup.gui.diary.list_panel import EntryPanel
from regroup.gui.diary.prompt_bar import PromptBar
from regroup.gui.diary.saver import EntrySaver
from regroup.gui.kit.page import NEW, PageContext, Target
from regroup.gui.kit.page_parts import (
    add_shortcuts,
    button,
    panes,
    share_panes,
    stack,
    tool_row,
)
from regroup.gui.kit.recovery import DraftOffer
from regroup.gui.kit.saving_page import SavingPage
from regroup.gui.kit.toasts import Tone, toasts_for

# The history and trash dialogs are imported when first opened: the first paint
# does not need them.

SAVE_PROBLEM = "diary-save"
"""The key of the toast that stays while saving fails, until a save works again."""


class DiaryPage(SavingPage):
    """Free writing with a list, a calendar, search, prompts, history and a trash."""

    saver: EntrySaver

    close_text = (
        "Your last changes could not be saved: {error}\n\nNo recovery copy could be "
        "written either. Close anyway and lose them?"
    )
    kept_title = "Your last changes are not in the diary"

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        profile, events = context.profile, context.events
        today = profile.clock.today()
        splitter = panes(self)  # the parts are built in place: see panes()
        self.panel = EntryPanel(profile, today, splitter)
        work = QWidget(splitter)
        self.prompt_bar = PromptBar(today, work)
        self.editor = EntryEditor(today, work, today_source=self.today)
        self.saver = EntrySaver(profile, self.editor.content, self)
        self._save_error_shown = False
        self.new_button = button(
            "New entry", "Start a new entry (Ctrl+N)", lambda: self.new_entry()
        )
        self.delete_button = button("Delete", "Move this entry to the trash", self.delete)
        self.history_button = button("History", "Earlier versions of this entry", self.open_history)
        self.trash_button = button("Trash", "Deleted entries", self.open_trash)
        self._lay_out(splitter, work)
        add_shortcuts(
            self,
            (
                ("New entry", "Ctrl+N", self.new_entry),
                ("Find", "Ctrl+F", self.focus_search),
                ("Save now", "Ctrl+S", self.save_now),
            ),
        )
        self.editor.edited.connect(self.saver.note_edit)
        self.saver.status_changed.connect(self.editor.set_status)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.panel.entry_chosen.connect(self.open_entry)
        self.panel.day_chosen.connect(self.open_day)
        self.prompt_bar.use_prompt.connect(self.use_prompt)
        events.entries_changed.connect(self.panel.reload)
        events.entry_edited.connect(self.panel.refresh_entry)
        self._open_start_entry()
        self.draft_offer = DraftOffer(
            self.saver,
            self,
            kind=("a new entry", "an entry"),
            start_of=lambda content: content.title or " ".join(content.body.split()),
            show_base=self._show_draft_base,
            show_content=lambda content: self.editor.show_content(content, self.today()),
        )

    def today(self) -> date:
        """Return today's date; asked each time, as the app may stay open past midnight."""
        return self.profile.clock.today()

    def _lay_out(self, splitter: QSplitter, work: QWidget) -> None:
        tools = tool_row(
            [self.new_button, self.delete_button, self.history_button], [self.trash_button]
        )
        stack(work, [self.prompt_bar, tools, self.editor])
        share_panes(splitter, (330, 600))

    # Opening entries

    def _open_start_entry(self) -> None:
        """Continue today's newest entry if there is one, else start today's first."""
        if self.panel.model.rowCount():
            newest = self.profile.diary.get(self.panel.model.entry_id(0))
            if newest.entry_date == self.today():
                self._show_record(newest.id, newest.content())
                return
        self._start_new(EntryContent("", entry_date=self.today()))

    def _show_record(self, entry_id: int | None, content: EntryContent) -> None:
        self.editor.show_content(content, self.today())
        self.saver.begin(entry_id, content)
        self.panel.select_entry(entry_id)
        self.panel.show_day(content.entry_date or self.today())
        self._enable_buttons()

    def _start_new(self, content: EntryContent) -> None:
        self._show_record(None, content)

    def _enable_buttons(self) -> None:
        saved = self.saver.entry_id is not None
        self.delete_button.setEnabled(saved)
        self.history_button.setEnabled(saved)

    def open(self, target: Target) -> bool:
        """Show entry ``target``, or start a new entry for :data:`NEW`."""
        if target == NEW:
            return self.new_entry()
        return self.open_entry(target) if isinstance(target, int) else target is None

    def open_entry(self, entry_id: int) -> bool:
        """Show an entry in the editor, after saving the one being left."""
        if entry_id == self.saver.entry_id:
            self.panel.select_entry(entry_id)
            return True
        if not self.leave_current():
            self.panel.select_entry(self.saver.entry_id)
            return False
        try:
            record = self.profile.diary.get(entry_id)
        except EntryNotFoundError:
            self._notify("That entry no longer exists.", Tone.ERROR)
            self.panel.reload()
            return False
        self._show_record(record.id, record.content())
        return True

    def new_entry(self, day: date | None = None, title: str = "") -> bool:
        """Start a new entry (for ``day``, today by default), after saving the open one."""
        if not self.leave_current():
            return False
        self._start_new(EntryContent("", title=title, entry_date=day or self.today()))
        self.editor.focus_body()
        return True

    def open_day(self, day: date) -> None:
        """Open the day's newest entry, or start one dated that day (asked, if after today)."""
        entries = self.profile.browse.on_day(day)
        if entries:
            self.open_entry(entries[0].id)
        elif day <= self.today() or ask_writing_ahead(self, day, new_entry=True):
            self.new_entry(day)

    def use_prompt(self, prompt: str) -> None:
        """Write the prompt into the body as a heading and put the cursor under it.

        An empty body starts with it; otherwise it opens a new paragraph at the
        cursor. Ctrl+Z takes it out again. A new entry holding nothing but the
        prompt is not kept: it is saved once something is written under it.
        """
        untouched = self.saver.entry_id is None and not self.saver.is_dirty()
        self.editor.start_with_heading(prompt)
        if untouched:
            self.saver.begin(None, self.editor.content())

    def focus_search(self) -> None:
        """Ctrl+F: go to the search field."""
        self.panel.filter_bar.search_edit.setFocus()
        self.panel.filter_bar.search_edit.selectAll()

    # Saving

    def _notify(self, text: str, tone: Tone = Tone.INFO) -> None:
        toasts_for(self, self.events).show(text, tone, owner=self)

    def _is_back(self, entry_id: int) -> bool:
        """True once a trashed entry is out of the trash (or gone for good)."""
        try:
            return self.profile.diary.get(entry_id).deleted_at is None
        except EntryNotFoundError:
            return True

    def _on_saved(self, record: EntryRecord, moved: bool) -> None:
        if self._save_error_shown:
            toasts_for(self, self.events).dismiss(SAVE_PROBLEM)
            self._save_error_shown = False
        self._enable_buttons()
        if moved:
            self.events.entries_changed.emit()
            self.panel.show_day(record.entry_date)
        else:
            self.events.entry_edited.emit(record.id)
        self.panel.select_entry(record.id)

    def _on_failed(self, message: str) -> None:
        toasts_for(self, self.events).show(
            message, Tone.ERROR, key=SAVE_PROBLEM, sticky=True, owner=self
        )
        self._save_error_shown = True

    # Trash and history

    def delete(self) -> None:
        """Move the open entry to the trash, with an Undo."""
        if not self.leave_current() or self.saver.entry_id is None:
            return
        entry_id = self.saver.entry_id
        try:
            self.profile.diary.trash(entry_id)
        except RegroupError as exc:
            self._notify(f"Not deleted: {exc}", Tone.ERROR)
            return
        self._start_new(EntryContent("", entry_date=self.today()))
        self.events.entries_changed.emit()
        toasts_for(self, self.events).offer_undo(
            "The entry is in the trash.",
            lambda: self.undo_delete(entry_id),
            back=lambda: self._is_back(entry_id),
            owner=self,
        )

    def undo_delete(self, entry_id: int) -> None:
        """Bring a just-deleted entry back and open it."""
        try:
            self.profile.diary.restore(entry_id)
        except RegroupError as exc:
            self._notify(f"Not restored: {exc}", Tone.ERROR)
            return
        self.events.entries_changed.emit()
        self.open_entry(entry_id)

    def open_history(self) -> None:
        """Show the open entry's earlier versions; one can be brought back."""
        if not self.leave_current() or self.saver.entry_id is None:
            return
        from regroup.gui.diary.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.profile.diary, self.saver.entry_id, self)
        dialog.exec()
        if dialog.restored is not None:
            self._show_record(dialog.restored.id, dialog.restored.content())
            self.events.entries_changed.emit()
            self._notify("The earlier version is back. The text it replaced is kept in History.")

    def open_trash(self) -> None:
        """Show the trash, where entries can be restored or deleted for good."""
        if not self.leave_current():
            return
        from regroup.gui.diary.trash_dialog import TrashDialog

        TrashDialog(self.profile.diary, self.events, self).exec()

    # Recovery drafts

    def _show_draft_base(self, entry_id: int | None) -> None:
        """Open the entry a draft was written for, or a new one when it is gone."""
        if entry_id is not None:
            try:
                record = self.profile.diary.get(entry_id)
            except EntryNotFoundError:
                record = None
            if record is not None and record.deleted_at is None:
                self._show_record(record.id, record.content())
                return
        self._start_new(EntryContent("", entry_date=self.today()))
