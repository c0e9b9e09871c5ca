"""A page whose open record saves itself: leaving it, closing and quitting save it first.

The Diary and the Debriefs pages each hold one record in a form that an autosaver
stores after a pause. Whatever moves away from that record (another record, the
trash, closing the window, quitting) goes through :meth:`SavingPage.leave_current`,
so that a failed save keeps the words on screen instead of losing them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox

from regroup.gui.kit.page import Page
from regroup.gui.kit.page_parts import close_anyway


class Saver(Protocol):
    """What the page needs of its autosaver."""

    last_error: str | None
    draft_kept: bool
    """Whether the failed save's text reached an encrypted recovery draft."""

    def save_now(self) -> bool:
        """Store what changed at once; False when it could not be stored."""
        ...


class SavingPage(Page):
    """A :class:`Page` with a ``saver``; the subclass sets it and the close question."""

    saver: Saver
    close_title = "Close without saving?"
    close_text = "Your last changes could not be saved: {error}\n\nClose anyway and lose them?"
    """Asked when the last save before closing failed; ``{error}`` says why."""
    kept_title = "Your last changes are not saved"
    kept_text = (
        "They could not be saved: {error}\n\nAn encrypted recovery copy was kept; Regroup "
        "offers it the next time it starts."
    )
    """Said instead when a recovery draft kept them, as the window may then close."""

    def leave_current(self) -> bool:
        """Save the open record before showing another; False keeps it on screen."""
        return self.saver.save_now()

    def save_now(self) -> bool:
        """Ctrl+S: save without waiting for the pause."""
        return self.saver.save_now()

    def save_before_close(self) -> bool:
        """Save before the window closes; False when the person chose to stay."""
        return self.saver.save_now() or self.unsaved_on_close()

    def unsaved_on_close(self) -> bool:
        """The last save failed: a kept recovery draft lets the window close, else ask."""
        error = self.saver.last_error
        if self.saver.draft_kept:
            QMessageBox.warning(self, self.kept_title, self.kept_text.format(error=error))
            return True
        return close_anyway(self, self.close_title, self.close_text.format(error=error))

    def save_before_quit(self) -> None:
        """The app is quitting and cannot wait: save, or leave a recovery draft."""
        self.saver.save_now()
