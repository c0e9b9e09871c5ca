"""Autosave for the debrief form, after a pause in typing and whenever the person leaves.

A new debrief is created as a draft at its first save; later saves keep its status
unless the person finishes it. A failed save leaves the form as it is, so nothing
typed is lost, and says why in words the page can show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from regroup.core.debriefs.types import DebriefContent, DebriefSaveResult
from regroup.core.errors import RegroupError

if TYPE_CHECKING:
    from regroup.core.profile import Profile

AUTOSAVE_DELAY_MS = 1000
log = logging.getLogger(__name__)


class DebriefSaver(QObject):
    """Saves the open debrief: ``create`` on first save, then ``update``."""

    saved = Signal(object, bool)
    """The :class:`DebriefSaveResult`, and whether the debrief was just created."""

    failed = Signal(str)
    """What went wrong, in words for the person; the form keeps its text."""

    status_changed = Signal(str, bool)
    """A short status ("Saved 14:03", "Not saved") and whether it is an error."""

    def __init__(
        self,
        profile: Profile,
        read_content: Callable[[], DebriefContent],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._read = read_content
        self.debrief_id: int | None = None
        self._baseline = DebriefContent()
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def pending(self) -> bool:
        """True while an autosave waits for the pause in typing to end."""
        return self._timer.isActive()

    def begin(self, debrief_id: int | None, baseline: DebriefContent) -> None:
        """Follow a debrief whose stored (or untouched new) content is ``baseline``."""
        self._timer.stop()
        self.debrief_id = debrief_id
        self._baseline = baseline
        self.last_error = None
        self.status_changed.emit("Saved" if debrief_id is not None else "New debrief", False)

    def is_dirty(self) -> bool:
        """Tell whether the form holds something not saved yet."""
        return self._read() != self._baseline

    def note_edit(self) -> None:
        """The person changed something: save after the next pause."""
        if not self.is_dirty():
            self._timer.stop()
            return
        self._timer.start()
        if self.last_error is None:
            self.status_changed.emit("Editing…", False)

    def save_now(self, finish: bool = False) -> bool:
        """Save at once if anything changed (or ``finish`` asks for a final save).

        Returns False when the save failed; the form keeps what was typed.
        """
        self._timer.stop()
        content = self._read()
        if not finish and content == self._baseline:
            return True
        debriefs = self._profile.debriefs
        try:
            if self.debrief_id is None:
                result = debriefs.create(content, draft=not finish)
                created = True
            else:
                result = debriefs.update(self.debrief_id, content, draft=False if finish else None)
                created = False
        except RegroupError as exc:
            log.warning("saving debrief %s failed: %s", self.debrief_id, exc)
            self.last_error = str(exc)
            self.status_changed.emit("Not saved", True)
            self.failed.emit(
                f"This debrief could not be saved. {exc} Your answers are still in the form."
            )
            return False
        self._succeeded(result, created)
        return True

    def _succeeded(self, result: DebriefSaveResult, created: bool) -> None:
        self.debrief_id = result.record.id
        self._baseline = result.record.content
        self.last_error = None
        moment = self._profile.clock.now().astimezone()
        word = "Draft saved" if result.record.status.value == "draft" else "Saved"
        self.status_changed.emit(f"{word} {moment:%H:%M}", False)
        self.saved.emit(result, created)
