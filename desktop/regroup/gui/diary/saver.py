"""Autosave for the diary editor: how an entry is stored, on top of the kit's autosaver.

A new entry is created at its first save (never while it is blank), then updated.
A failed save keeps the text in the editor and in an encrypted recovery draft.
"""

from __future__ import annotations

from regroup.core.diary.types import EntryContent
from regroup.core.drafts import DraftKeeper
from regroup.gui.kit.autosaver import Autosaver, SaverWords, Stored

WORDS = SaverWords(
    new="New entry",
    not_saved="Your entry could not be saved.",
    still_there="Your text is still in the editor",
)


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


class EntrySaver(Autosaver[EntryContent]):
    """Saves the open entry: new ones with ``add`` on first save, then with ``update``.

    :attr:`saved` carries the :class:`EntryRecord` and whether entries were added or
    moved to another day.
    """

    words = WORDS

    @property
    def entry_id(self) -> int | None:
        """The open entry, or None for a new one not saved yet."""
        return self.record_id

    def _drafts(self) -> DraftKeeper[EntryContent]:
        return self.profile.drafts.entries

    def _same(self, first: EntryContent, second: EntryContent) -> bool:
        return same_content(first, second)

    def _worth_creating(self, content: EntryContent) -> bool:
        return not is_blank(content)

    def _store(self, content: EntryContent) -> Stored[EntryContent]:
        diary = self.profile.diary
        if self.record_id is None:
            record = diary.add(content)
            moved = True
        else:
            old_day = self.baseline.entry_date if self.baseline is not None else None
            record = diary.update(self.record_id, content)
            moved = record.entry_date != old_day
        return Stored(record.id, record.content(), record, moved)
