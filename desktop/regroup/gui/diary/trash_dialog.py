"""The trash: deleted entries wait here until they are restored or the trash is emptied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from regroup.gui.diary.list_model import row_text
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.trash_bin import TrashBin, TrashWords

if TYPE_CHECKING:
    from regroup.core.diary.service import DiaryService

WORDS = TrashWords(
    title="Trash",
    intro="Deleted entries stay here until you empty the trash. Newest first.",
    list_name="Entries in the trash",
    restore_name="Restore the chosen entries",
    empty_name="Empty the trash",
)


class TrashDialog(TrashBin):
    """Restores entries from the trash, or deletes them for good after asking."""

    def __init__(
        self, diary: DiaryService, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(WORDS, parent)
        self._diary = diary
        self._events = events
        self.entry_list = self.item_list
        self.reload()

    def rows(self) -> list[tuple[int, str]]:
        """The entries in the trash, as the entry list shows them."""
        return [(summary.id, row_text(summary)) for summary in self._diary.trashed()]

    def restore_item(self, item_id: int) -> None:
        """Bring an entry back."""
        self._diary.restore(item_id)

    def empty_items(self) -> None:
        """Delete the entries in the trash for good."""
        self._diary.empty_trash()

    def empty_question(self, count: int) -> str:
        """Ask before deleting entries and their earlier versions."""
        return (
            f"Delete the {count:,} entr{'y' if count == 1 else 'ies'} in the trash for good, "
            "with their earlier versions? This cannot be undone."
        )

    def changed(self, restored: bool) -> None:
        """Restored entries join the list again."""
        if restored:
            self._events.entries_changed.emit()
