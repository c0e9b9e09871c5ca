"""Autosave: when the editor's content reaches the diary, and what happens when it cannot.

Saving waits for a pause in typing, and also happens whenever the person moves
away (another entry, closing, quitting). A failed save never touches the editor:
the text stays where it is, and an encrypted recovery draft is written so that it
survives even if Regroup is closed before the problem is fixed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from regroup.core.diary.types import EntryContent, EntryRecord
from regroup.core.errors import RegroupError
from regroup.core.storage.drafts import Draft

if TYPE_CHECKING:
    from regroup.core.profile import Profile

AUTOSAVE_DELAY_MS = 1000
log = logging.getLogger(__name__)


def same_content(first: EntryContent, second: EntryContent) -> bool:
    """Tell whether two contents would be stored the same (tag order and case aside)."""
    return (
        first.body == second.body
        and first.title == second.title
        and first.mood == second.mood
        and first.entry_date == second.entry_date
        and {tag.casefold() for tag in first.tags} == {tag.casefold() for tag in second.tags}
    )


def is_blank(content: EntryContent) -> bool:
    """Tell whether a new entry holds nothing worth creating it for."""
    return not (content.title.strip() or content.body.strip() or content.tags) and (
        content.mood is None
    )


class EntrySaver(QObject):
    """Saves the open entry: new ones with ``add`` on first save, then with ``update``."""

    saved = Signal(object, bool)
    """The saved :class:`EntryRecord`, and whether entries were added or moved to another day."""

    failed = Signal(str)
    """What went wrong and what became of the text, in words for the person."""

    status_changed = Signal(str, bool)
    """A short status ("Saved 14:03", "Not saved") and whether it is an error."""

    def __init__(
        self,
        profile: Profile,
        read_content: Callable[[], EntryContent],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._read = read_content
        self.entry_id: int | None = None
        self._baseline = EntryContent("")
        self.protect_draft = False
        """While True, a successful save keeps the recovery draft (it is still on offer)."""
        self.last_error: str | None = None
        """Why the last save failed (None once a save succeeds)."""
        self.draft_kept = False
        """Whether the last failed save's text reached a recovery draft."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def pending(self) -> bool:
        """True while an autosave is waiting for the pause in typing to end."""
        return self._timer.isActive()

    def begin(self, entry_id: int | None, baseline: EntryContent) -> None:
        """Start following an entry whose stored (or untouched new) state is ``baseline``."""
        self._timer.stop()
        self.entry_id = entry_id
        self._baseline = baseline
        self.last_error = None
        self.status_changed.emit("Saved" if entry_id is not None else "New entry", False)

    def note_edit(self) -> None:
        """The person changed something: save after the next pause."""
        if not self._needs_save(self._read()):
            self._timer.stop()
            if self.last_error is not None:
                self.last_error = None
                self.status_changed.emit("Saved" if self.entry_id else "New entry", False)
            return
        self._timer.start()
        if self.last_error is None:
            self.status_changed.emit("Editing…", False)

    def is_dirty(self) -> bool:
        """Tell whether the editor holds something not yet in the diary."""
        return self._needs_save(self._read())

    def _needs_save(self, content: EntryContent) -> bool:
        if same_content(content, self._baseline):
            return False
        return not (self.entry_id is None and is_blank(content))

    def save_now(self) -> bool:
        """Save at once if anything changed; False when the save failed."""
        self._timer.stop()
        content = self._read()
        if not self._needs_save(content):
            return True
        self.status_changed.emit("Saving…", False)
        diary = self._profile.diary
        try:
            if self.entry_id is None:
                record = diary.add(content)
                moved = True
            else:
                record = diary.update(self.entry_id, content)
                moved = record.entry_date != self._baseline.entry_date
        except RegroupError as exc:
            self._fail(content, exc)
            return False
        self._succeeded(record, moved)
        return True

    def _succeeded(self, record: EntryRecord, moved: bool) -> None:
        self.entry_id = record.id
        self._baseline = record.content()
        self.last_error = None
        if not self.protect_draft:
            self._profile.drafts.discard()
        moment = self._profile.clock.now().astimezone()
        self.status_changed.emit(f"Saved {moment:%H:%M}", False)
        self.saved.emit(record, moved)

    def _fail(self, content: EntryContent, error: RegroupError) -> None:
        log.warning("saving entry %s failed: %s", self.entry_id, error)
        self.last_error = str(error)
        self.status_changed.emit("Not saved", True)
        self.failed.emit(f"Your entry could not be saved. {error}\n\n{self.keep_draft(content)}")

    def keep_draft(self, content: EntryContent) -> str:
        """Write ``content`` as the recovery draft; return a sentence saying how that went."""
        draft = Draft(self.entry_id, content, self._profile.clock.now())
        self.draft_kept = True
        try:
            self._profile.drafts.save(draft)
        except (RegroupError, OSError) as exc:  # no folder took it (see DraftStore.save)
            self.draft_kept = False
            return (
                f"Your text is still in the editor, but a recovery copy could not be "
                f"written either ({exc}). Keep Regroup open and copy the text somewhere "
                "safe, or free some space and press Ctrl+S."
            )
        return (
            "Your text is still in the editor, and an encrypted recovery copy was kept: "
            "Regroup offers it at the next start if it cannot be saved before then."
        )
