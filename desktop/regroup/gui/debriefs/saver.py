"""Autosave for the debrief form: how a debrief is stored, on top of the kit's autosaver.

A new debrief is created as a draft at its first save; later saves keep its status
unless the person finishes it. A failed save leaves the form as it is and keeps an
encrypted recovery draft, offered the next time the Debriefs page opens.
"""

from __future__ import annotations

from regroup.core.debriefs.types import DebriefContent, DebriefStatus
from regroup.core.drafts import DraftKeeper
from regroup.gui.kit.autosaver import Autosaver, SaverWords, Stored

WORDS = SaverWords(
    new="New debrief",
    not_saved="This debrief could not be saved.",
    still_there="Your answers are still in the form",
    offered="the next time you open Debriefs",
)


def draft_start(content: DebriefContent) -> str:
    """Return the words a debrief draft is recognised by: its company and role, or its text."""
    name = " — ".join(t for t in (content.company.strip(), content.role.strip()) if t)
    texts = (content.feedback_received, content.went_well, content.lessons, content.notes)
    return name or next((" ".join(t.split()) for t in texts if t.strip()), "")


class DebriefSaver(Autosaver[DebriefContent]):
    """Saves the open debrief: ``create`` on first save, then ``update``.

    :attr:`saved` carries the :class:`DebriefSaveResult` and whether the debrief was
    just created.
    """

    words = WORDS
    _finishing = False

    @property
    def debrief_id(self) -> int | None:
        """The open debrief, or None for a new one not saved yet."""
        return self.record_id

    def save_now(self, force: bool = False, *, finish: bool = False) -> bool:
        """Save at once if anything changed; ``finish`` also makes a draft debrief final.

        Returns False when the save failed; the form keeps what was typed.
        """
        self._finishing = finish
        try:
            return super().save_now(force or finish)
        finally:
            self._finishing = False

    def _drafts(self) -> DraftKeeper[DebriefContent]:
        return self.profile.drafts.debriefs

    def _store(self, content: DebriefContent) -> Stored[DebriefContent]:
        finish, debriefs = self._finishing, self.profile.debriefs
        if self.record_id is None:
            result = debriefs.create(content, draft=not finish)
        else:
            result = debriefs.update(self.record_id, content, draft=False if finish else None)
        record = result.record
        word = "Draft saved" if record.status is DebriefStatus.DRAFT else "Saved"
        return Stored(record.id, record.content, result, self.record_id is None, word)
