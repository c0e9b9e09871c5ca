"""Tags: the ones typed in the tag field, the #words written in the text, and their chips.

An entry's tags are the tag field's plus every #word of its text. The field shows
only the tags the text does not already carry, so deleting a #word from the text
takes its tag away again instead of leaving it stranded in the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from regroup.core.diary.types import normalise_tag

TAG_RULE = (
    "Tags group entries and can be searched with #tag. Type them here separated by "
    "spaces or commas, with or without '#'. Words written as #word in the text are "
    "tags too (not numbers such as #3, not '# headings', not link anchors)."
)
MAX_CHIPS = 12
_INLINE = re.compile(r"(?<![\w#&/])#(\w[\w-]*)")
_SEPARATORS = re.compile(r"[\s,]+")
_CHIP_STYLE = (
    "QLabel { background: #e3f1ea; color: #1f5c42; border: 1px solid #b9dcc9; "
    "border-radius: 8px; padding: 1px 7px; }"
)


def _unique(tags: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for raw in tags:
        tag = normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return result


def field_tags(text: str) -> list[str]:
    """Return the tags typed in the tag field."""
    return _unique(_SEPARATORS.split(text))


def inline_tags(body: str) -> list[str]:
    """Return the #words of an entry's text, in order, without repeats."""
    return _unique(match.strip("-") for match in _INLINE.findall(body) if not match.isdigit())


def merged_tags(field_text: str, body: str) -> list[str]:
    """Return an entry's tags: the field's first, then those only written in the text."""
    return _unique([*field_tags(field_text), *inline_tags(body)])


def field_text_for(tags: Sequence[str], body: str) -> str:
    """Return what the tag field shows for a saved entry: the tags its text lacks."""
    written = {tag.casefold() for tag in inline_tags(body)}
    return " ".join(f"#{tag}" for tag in tags if tag.casefold() not in written)


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
            chip.setStyleSheet(_CHIP_STYLE)
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
            widget = self._layout.itemAt(position).widget()
            if isinstance(widget, QLabel) and not widget.isHidden():
                labels.append(widget.text())
        return labels
