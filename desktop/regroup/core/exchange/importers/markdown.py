"""Reading a folder of Markdown notes: daily notes (``2024-05-01.md``) or a ``date:`` on top.

The front matter is read as simple ``key: value`` lines (no YAML library: only
``date``, ``title`` and ``tags`` matter). A note's title is its front matter's
``title`` or its first ``# heading`` (unless that heading only repeats the date);
its tags are the front matter's and the ``#words`` of its text, by the diary's own
rule. A file with no date anywhere is listed as skipped; a date that cannot be
(``2024-02-30``) stops the import and names the file and line.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

from regroup.core.errors import ImportFileError
from regroup.core.exchange.entries import ImportedEntry
from regroup.core.exchange.importers.plan import (
    ImportFormat,
    ImportPlan,
    Progress,
    Skipped,
    bad_file,
    imported_entry,
    read_text,
    report,
)

SUFFIXES = frozenset({".md", ".markdown"})
_NAME_DAY = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")
_FENCE = re.compile(r"(?:---|\.\.\.)\s*")
_FIELD = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")
NOON = time(12, 0)
"""A note with only a day is placed at midday, far from the edges of the day."""


def notes_in(folder: Path) -> tuple[list[Path], list[Path]]:
    """Return the Markdown files under ``folder`` and the other files, hidden ones left out."""
    notes: list[Path] = []
    others: list[Path] = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        (notes if path.suffix.lower() in SUFFIXES else others).append(path)
    return notes, others


def _front_matter(text: str) -> tuple[dict[str, tuple[int, str]], list[str], str]:
    """Return the front matter's fields (with their line numbers), its list items and the rest."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, [], text
    fields: dict[str, tuple[int, str]] = {}
    items: list[str] = []
    for number, line in enumerate(lines[1:], start=2):
        if _FENCE.fullmatch(line):
            return fields, items, "\n".join(lines[number:])
        found = _FIELD.match(line)
        if found:
            fields[found.group(1).lower()] = (number, found.group(2).strip())
        elif line.strip().startswith("- ") and list(fields)[-1:] == ["tags"]:
            items.append(line.strip()[2:])
    return {}, [], text  # no closing line: it was not front matter


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    return value


def _when(value: str, where: str) -> datetime:
    text = _unquoted(value)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise bad_file(where, f"{text!r} is not a date such as 2024-05-01") from None
    if len(text) <= 10:
        moment = datetime.combine(moment.date(), NOON)
    return moment


def _title(body: str, day: date) -> tuple[str, str]:
    first, _, rest = body.lstrip("\n").partition("\n")
    if not first.startswith("# "):
        return "", body.strip()
    heading = first[2:].strip()
    return ("" if day.isoformat() in heading else heading), rest.strip()


def read_note(path: Path, name: str) -> ImportedEntry | Skipped:
    """Read one note; ``name`` is how messages call it (its path inside the folder)."""
    text = read_text(path).replace("\r\n", "\n")
    fields, items, body = _front_matter(text)
    if "date" in fields:
        line, value = fields["date"]
        moment = _when(value, f"{name}, line {line}")
    elif found := _NAME_DAY.match(path.stem):
        moment = _when(found.group(1), f"{name} (its name)")
    else:
        return Skipped(name, "has no date in its name or front matter")
    title, body = _title(body, moment.date())
    if "title" in fields:
        title = _unquoted(fields["title"][1])
    tags_text = _unquoted(fields.get("tags", (0, ""))[1]).strip("[]")
    tags = [_unquoted(tag) for tag in [*tags_text.split(","), *items] if tag.strip()]
    if not title and not body:
        return Skipped(name, "is empty")
    day = moment.date()  # where it was written, when the note gives its offset
    identity = f"{day}\n{title}\n{body}"
    return imported_entry(
        ImportFormat.MARKDOWN, identity, day, moment.astimezone(), title, body, tags
    )


def read_markdown(source: Path, progress: Progress | None = None) -> ImportPlan:
    """Read a folder of notes (or a single note); notes without a date are listed as skipped."""
    if source.is_dir():
        notes, others = notes_in(source)
        root = source
    else:
        notes, others, root = [source], [], source.parent
    if not notes:
        raise ImportFileError(f"{source} holds no Markdown notes (.md files).")
    entries: list[ImportedEntry] = []
    skipped = [Skipped(str(path.relative_to(root)), "is not a Markdown note") for path in others]
    for number, path in enumerate(notes, start=1):
        result = read_note(path, str(path.relative_to(root)))
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            entries.append(result)
        report(progress, number, len(notes), every=100)
    return ImportPlan(source, ImportFormat.MARKDOWN, tuple(entries), tuple(skipped))
