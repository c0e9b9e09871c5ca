"""Offering a recovery draft: the words a failed save left behind, back on screen.

A page that keeps drafts shows, once it is up, a toast asking whether to restore
the text; restoring opens the record the draft was written for (or a new one) and
puts the draft's content on top as unsaved changes, so autosave takes it from there.

The offer is a toast that stays until the person chooses: it floats, so it moves
nothing on the page as it appears a moment after the page, and it has no close
button and no timer, as a choice that slid away unseen would leave the draft
protected but forgotten until the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from regroup.core.drafts import Draft
from regroup.core.errors import RegroupError
from regroup.gui.kit.autosaver import Autosaver
from regroup.gui.kit.dates import format_moment
from regroup.gui.kit.toasts import Toast, toasts_for

DRAFT_CHECK_DELAY_MS = 300
"""Reading a draft loads the cipher library (~40 ms): do it once the window is up."""
C = TypeVar("C")


class DraftOffer(QObject, Generic[C]):
    """Offers the draft of one page in a toast over ``page``, and restores or discards it."""

    def __init__(
        self,
        saver: Autosaver[C],
        page: QWidget,
        *,
        kind: tuple[str, str],
        start_of: Callable[[C], str],
        show_base: Callable[[int | None], None],
        show_content: Callable[[C], None],
    ) -> None:
        """Follow ``saver``'s drafts; the page says how to show one.

        ``kind`` names a new and a saved record ("a new entry", "an entry");
        ``start_of`` gives the words a draft begins with; ``show_base`` opens the
        stored record of that id (or a new one for None, or for one that is gone) and
        ``show_content`` puts the draft's content on screen over it.
        """
        super().__init__(saver)
        self._saver = saver
        self._page = page
        self.toast: Toast | None = None
        """The offer on show, if any."""
        self._kind = kind
        self._start_of = start_of
        self._show_base = show_base
        self._show_content = show_content
        saver.protect_draft = True
        QTimer.singleShot(DRAFT_CHECK_DELAY_MS, self, self.offer)

    def offer(self) -> None:
        """Offer the text a failed save left behind last time, if any."""
        drafts = self._saver.drafts
        try:
            draft = drafts.load() if drafts is not None else None
        except (RegroupError, OSError):
            draft = None
        if draft is None:
            self._saver.protect_draft = False
            return
        where = self._kind[0] if draft.record_id is None else self._kind[1]
        start = self._start_of(draft.content)[:60]
        self.toast = toasts_for(self._page).show(
            f"Restore the unsaved text from {format_moment(draft.saved_at)}? "
            f"It was written for {where} and begins “{start}”.",
            actions=[("Restore", lambda: self.restore(draft)), ("Discard", self.discard)],
            closable=False,
            sticky=True,
            key=f"recovery draft: {self._kind[1]}",
            owner=self._page,
        )

    def restore(self, draft: Draft[C]) -> None:
        """Put a recovery draft on screen as unsaved changes; autosave takes it from there."""
        if not self._saver.save_now():
            self.offer()
            return
        self._saver.protect_draft = False
        self._show_base(draft.record_id)
        self._show_content(draft.content)
        self._saver.note_edit()

    def discard(self) -> None:
        """Forget the recovery draft for good."""
        if self._saver.drafts is not None:
            self._saver.drafts.discard()
        self._saver.protect_draft = False
