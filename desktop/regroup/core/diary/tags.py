"""The tag rule the window and the command line share: #words in the text are tags.

An entry's tags are those typed (the tag field, ``--tag``) followed by every
#word of its text, so the same input stores the same tags wherever it was written.
Numbers such as #3, '# headings' and link anchors (``page#part``, ``&#39;``) are
not tags. Tags are unique without regard to case; the first spelling wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_TAG_LEAD = re.compile(r"^[#\s]+")  # \s is str.isspace() for str patterns
_INLINE = re.compile(r"(?<![\w#&/])#(\w[\w-]*)")
_SEPARATORS = re.compile(r"[\s,]+")


def normalise_tag(raw: str) -> str:
    """Return a tag as stored: no leading '#' or spaces, inner spaces as '-', NFC.

    Normalising a stored tag again gives it back unchanged.
    """
    text = unicodedata.normalize("NFC", _TAG_LEAD.sub("", raw).rstrip())
    return "-".join(text.split())


def unique_tags(tags: Iterable[str]) -> list[str]:
    """Return ``tags`` normalised, in order, without empties or repeats (ignoring case)."""
    seen: set[str] = set()
    result = []
    for raw in tags:
        tag = normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return result


def field_tags(text: str) -> list[str]:
    """Return the tags typed in a tag field: separated by spaces or commas, '#' optional."""
    return unique_tags(_SEPARATORS.split(text))


def inline_tags(body: str) -> list[str]:
    """Return the #words of an entry's text, in order, without repeats."""
    return unique_tags(match.strip("-") for match in _INLINE.findall(body) if not match.isdigit())


def entry_tags(typed: Iterable[str], body: str) -> list[str]:
    """Return an entry's tags: the typed ones first, then those only written in the text."""
    return unique_tags([*typed, *inline_tags(body)])


def merged_tags(field_text: str, body: str) -> list[str]:
    """Return an entry's tags from the text of a tag field and the entry's text."""
    return entry_tags(field_tags(field_text), body)


def field_text_for(tags: Sequence[str], body: str) -> str:
    """Return what a tag field shows for a saved entry: the tags its text lacks."""
    written = {tag.casefold() for tag in inline_tags(body)}
    return " ".join(f"#{tag}" for tag in tags if tag.casefold() not in written)
