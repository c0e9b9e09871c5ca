"""Autosave, one way for every page: when what is typed is stored, and what if it cannot be.

Saving waits for a pause in typing, and also happens whenever the person moves
away (another record, another page, closing, quitting). Content equal to what was
last stored (the baseline) is not saved again. A failed save never touches what is
on screen: the text stays where it is, and where the page keeps recovery drafts an
encrypted one is written, so the words survive even if Regroup is closed before the
problem is fixed.

Each page has a thin subclass that says how its content is stored (``_store``),
where its drafts go (``_drafts``) and the words it uses (:class:`SaverWords`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from regroup.core.drafts import Draft, DraftKeeper
from regroup.core.errors import RegroupError
from regroup.core.record import record
from regroup.gui.kit.dates import format_time

if TYPE_CHECKING:
    from regroup.core.profile import Profile

AUTOSAVE_DELAY_MS = 1000
C = TypeVar("C")
log = logging.getLogger(__name__)


@record
class SaverWords:
    """What the person reads about one page's saves (the page says what closing says)."""

    new: str
    """The status of a new record not saved yet ("New entry")."""
    not_saved: str
    """The first sentence of a failure ("Your entry could not be saved.")."""
    still_there: str
    """Where the words still are ("Your text is still in the editor")."""
    offered: str = "at the next start"
    """When a recovery draft is offered."""


@record
class Stored(Generic[C]):
    """What one successful save gives back to the saver."""

    record_id: int
    baseline: C
    """The content as stored, to compare later edits with."""
    result: object
    """What :attr:`Autosaver.saved` carries (the record, or the save's result)."""
    news: bool
    """The second value of :attr:`Autosaver.saved` (added, moved or created)."""
    word: str = "Saved"


class Autosaver(QObject, Generic[C]):
    """Saves the open record of one page: a new one on its first save, then updates."""

    saved = Signal(object, bool)
    """:attr:`Stored.result` and :attr:`Stored.news` of the save that just succeeded."""

    failed = Signal(str)
    """What went wrong and what became of the text, in words for the person."""

    status_changed = Signal(str, bool)
    """A short status ("Saved 14:03", "Saving…", "Not saved") and whether it is an error."""

    words: SaverWords
    """Set by each page's saver."""

    def __init__(
        self,
        profile: Profile,
        read_content: Callable[[], C],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self._read = read_content
        self.drafts = self._drafts()
        self.record_id: int | None = None
        self._baseline: C | None = None
        self.protect_draft = False
        """While True, a successful save keeps the recovery draft (it is still on offer)."""
        self.last_error: str | None = None
        """Why the last save failed (None once a save succeeds)."""
        self.draft_kept = False
        """Whether the last failed save's text reached a recovery draft."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.save_now())

    # What a page's saver says

    def _drafts(self) -> DraftKeeper[C] | None:
        """Where a failed save's text goes; None keeps no recovery draft."""
        return None

    def _store(self, content: C) -> Stored[C]:
        """Store ``content`` (a new record when :attr:`record_id` is None); raise on failure."""
        raise NotImplementedError

    def _same(self, first: C, second: C) -> bool:
        """Tell whether two contents would be stored the same."""
        return first == second

    def _worth_creating(self, content: C) -> bool:
        """Tell whether a new record holding ``content`` should be created at all."""
        return True

    # Following the open record

    @property
    def pending(self) -> bool:
        """True while an autosave is waiting for the pause in typing to end."""
        return self._timer.isActive()

    @property
    def baseline(self) -> C | None:
        """What was last stored (or shown untouched): content equal to it is not saved."""
        return self._baseline

    def begin(self, record_id: int | None, baseline: C) -> None:
        """Start following a record whose stored (or untouched new) state is ``baseline``."""
        self._timer.stop()
        self.record_id = record_id
        self._baseline = baseline
        self.last_error = None
        self.status_changed.emit(self._resting_status(), False)

    def _resting_status(self) -> str:
        return "Saved" if self.record_id is not None else self.words.new

    def note_edit(self) -> None:
        """The person changed something: save after the next pause."""
        if not self.is_dirty():
            self._timer.stop()
            if self.last_error is not None:
                self.last_error = None
                self.status_changed.emit(self._resting_status(), False)
            return
        self._timer.start()
        if self.last_error is None:
            self.status_changed.emit("Editing…", False)

    def is_dirty(self) -> bool:
        """Tell whether the page holds something not yet stored."""
        return self._needs_save(self._read())

    def _needs_save(self, content: C) -> bool:
        if self._baseline is not None and self._same(content, self._baseline):
            return False
        return self.record_id is not None or self._worth_creating(content)

    def hand_over(self) -> C:
        """Return what the page holds for the caller to store itself, and stop waiting to save.

        It becomes the baseline: when the caller's own save fails, the text stays on
        screen and the caller says so, as after any failed save.
        """
        self._timer.stop()
        content = self._read()
        self._baseline = content
        return content

    # Saving

    def save_now(self, force: bool = False) -> bool:
        """Save at once if anything changed (or ``force`` asks); False when the save failed."""
        self._timer.stop()
        content = self._read()
        if not (force or self._needs_save(content)):
            return True
        self.status_changed.emit("Saving…", False)
        try:
            stored = self._store(content)
        except RegroupError as exc:
            self._fail(content, exc)
            return False
        self.record_id = stored.record_id
        self._baseline = stored.baseline
        self.last_error = None
        if self.drafts is not None and not self.protect_draft:
            self.drafts.discard()
        moment = self.profile.clock.now().astimezone()
        self.status_changed.emit(f"{stored.word} {format_time(moment.hour, moment.minute)}", False)
        self.saved.emit(stored.result, stored.news)
        return True

    def _fail(self, content: C, error: RegroupError) -> None:
        log.warning("saving %s failed: %s", self.record_id, error)
        self.last_error = str(error)
        self.status_changed.emit("Not saved", True)
        if self.drafts is None:
            self.failed.emit(f"{self.words.not_saved} {error} {self.words.still_there}.")
        else:
            self.failed.emit(f"{self.words.not_saved} {error}\n\n{self.keep_draft(content)}")

    def keep_draft(self, content: C) -> str:
        """Write ``content`` as the recovery draft; return a sentence saying how that went."""
        assert self.drafts is not None
        self.draft_kept = True
        try:
            self.drafts.save(Draft(self.record_id, content, self.profile.clock.now()))
        except (RegroupError, OSError) as exc:  # no folder took it (see DraftSlot.save)
            self.draft_kept = False
            return (
                f"{self.words.still_there}, but a recovery copy could not be written either "
                f"({exc}). Keep Regroup open and copy the text somewhere safe, or free some "
                "space and press Ctrl+S."
            )
        return (
            f"{self.words.still_there}, and an encrypted recovery copy was kept: Regroup "
            f"offers it {self.words.offered} if it cannot be saved before then."
        )
