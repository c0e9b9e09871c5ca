"""Tags: the ones typed in the tag field, the #words written in the text, and their chips.

An entry's tags are the tag field's plus every #word of its text; that rule lives
in ``core.diary.tags`` so the command line stores the same tags. The field shows
only the tags the text does not already carry, so deleting a #word from the text
takes its tag away again instead of leaving it stranded in the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from regroup.core.diary.tags import field_tags, field_text_for, inline_tags, merged_tags

__all__ = [
    "MAX_CHIPS",
    "TAG_RULE",
    "TagChips",
    "field_tags",
    "field_text_for",
    "inline_tags",
    "merged_tags",
]

TAG_RULE = (
    "Tags group entries and can be searched with #tag. Type them here separated by "
    "spaces or commas, with or without '#'. Words written as #word in the text are "
    "tags too (not numbers such as #3, not '# headings', not link anchors)."
)
MAX_CHIPS = 12


class TagChips(QWidget):
    """A row of small labels, one per tag; those that come from the text say so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Tags of this entry")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch()
        self._shown: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def show_tags(self, typed: Sequence[str], written: Sequence[str]) -> None:
        """Show ``typed`` (from the field) and ``written`` (from the text) as chips."""
        key = (tuple(typed), tuple(written))
        if key == self._shown:
            return
        self._shown = key
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        typed_keys = {tag.casefold() for tag in typed}
        chips = [(tag, False) for tag in typed]
        chips += [(tag, True) for tag in written if tag.casefold() not in typed_keys]
        for position, (tag, from_text) in enumerate(chips[:MAX_CHIPS]):
            chip = QLabel(f"#{tag}")
            chip.setProperty("chip", "accent")
            chip.setAccessibleName(f"Tag {tag}")
            chip.setToolTip("Written as #word in the text" if from_text else "From the tag field")
            self._layout.insertWidget(position, chip)
        if len(chips) > MAX_CHIPS:
            more = QLabel(f"+{len(chips) - MAX_CHIPS} more")
            more.setAccessibleName("More tags")
            self._layout.insertWidget(MAX_CHIPS, more)

    def texts(self) -> list[str]:
        """Return the chips' texts, in order (for tests and screen readers)."""
        labels = []
        for position in range(self._layout.count()):
            item = self._layout.itemAt(position)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and not widget.isHidden():
                labels.append(widget.text())
        return labels
