"""Autosave for the check-in form: the answers are kept a moment after typing stops.

A check-in exists before anyone answers it, so typing only ever updates one; what
the person does with it (closing, putting off) stores the answers by itself, after
taking them from the saver with ``hand_over``.
"""

from __future__ import annotations

from regroup.core.checkins.types import CheckinAnswers
from regroup.gui.kit.autosaver import Autosaver, SaverWords, Stored

WORDS = SaverWords(
    new="No check-in chosen",
    not_saved="Your answers could not be saved.",
    still_there="They are still in the form",
)


class CheckinSaver(Autosaver[CheckinAnswers]):
    """Saves the answers of the open check-in; :attr:`saved` carries its record."""

    words = WORDS

    def _worth_creating(self, content: CheckinAnswers) -> bool:
        return False  # with no check-in open there is nothing to save the answers to

    def _store(self, content: CheckinAnswers) -> Stored[CheckinAnswers]:
        assert self.record_id is not None
        record = self.profile.checkins.save_answers(self.record_id, content)
        return Stored(record.id, content, record, False)
