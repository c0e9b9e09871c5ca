"""Reading jrnl: its JSON export (``jrnl --export json``) and its plain-text journal file.

jrnl keeps no ids, so an entry is known by its minute, title and text (see plan).
Both readers split an entry the way jrnl 4 does (title = the first line or first
sentence), so importing the JSON export after the journal file adds nothing twice.
jrnl's ``@tags`` and ``#tags`` become tags without their sign; a starred entry gets
the tag ``starred``. Times are the computer's local time, as jrnl writes them.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from regroup.core.exchange.entries import ImportedEntry
from regroup.core.exchange.importers.plan import (
    ImportFormat,
    ImportPlan,
    Progress,
    bad_file,
    imported_entry,
    line_of,
    read_json,
    read_text,
    report,
    unbroken,
)

STARRED_TAG = "starred"
_HEADER = re.compile(r"(?:^|\n)\[([^\]]+)\] ")
_DATE_LIKE = re.compile(r"\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b")
_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p", "%Y-%m-%d")
_TAG = re.compile(r"[@#](?<!\S[@#])[-+*#/\w]+")  # jrnl's rule; the sign first scans faster
_MINUTE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2})")
# jrnl 4's SENTENCE_SPLITTER: a terminal, an optional quote and brackets, then spaces.
_SENTENCE_END = re.compile(
    "([.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+)"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)


def split_title(text: str) -> tuple[str, str]:
    """Split off the title as jrnl 4 does (its quirk of searching the stripped text kept)."""
    found = re.search("\n", text.lstrip()) or _SENTENCE_END.search(text)
    if not found:
        return text, ""
    return text[: found.end()].strip(), text[found.end() :].strip()


def _moment(day: str, clock: str) -> datetime | None:
    text = f"{day} {clock}".strip()
    if found := _MINUTE.fullmatch(text):  # jrnl's default; strptime is slow on 36,500
        try:
            year, month, day_of_month, hour, minute = map(int, found.groups())
            return datetime(year, month, day_of_month, hour, minute)
        except ValueError:
            return None
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _entry(
    written: datetime, title: str, body: str, tags: list[str], starred: bool
) -> ImportedEntry:
    local = written.astimezone()  # jrnl writes the computer's local time
    minute = written.isoformat(sep=" ", timespec="minutes")
    tags = sorted({tag.lstrip("@#").lower() for tag in tags} - {""})
    return imported_entry(
        ImportFormat.JRNL,
        f"{minute}\n{title}\n{body}",
        written.date(),
        local,
        title,
        body,
        [*tags, STARRED_TAG] if starred else tags,
    )


def read_jrnl_text(path: Path, text: str, progress: Progress | None = None) -> ImportPlan:
    """Read a jrnl journal file; a header with an impossible date names its line."""
    starts: list[tuple[datetime, int, int]] = []  # (when, header start, text start)
    for match in _HEADER.finditer(text):
        blob = match.group(1)
        written = _moment(blob, "")
        if written is None:
            if _DATE_LIKE.match(blob):
                line = line_of(text, match.start(1))
                raise bad_file(f"{path}, line {line}", f"[{blob}] is not a date jrnl writes")
            continue  # jrnl, too, reads other [brackets] as part of the text
        starts.append((written, match.start(), match.end()))
    if not starts and text.strip():
        raise bad_file(str(path), "it holds no jrnl entry (lines such as [2024-05-01 09:30] …)")
    entries = []
    for number, (written, _, begin) in enumerate(starts):
        end = starts[number + 1][1] if number + 1 < len(starts) else len(text)
        raw = text[begin:end]
        first = raw.partition("\n")[0]
        starred = first.strip().endswith("*")
        if starred:  # as jrnl does it (splitlines and join, so the last newline goes)
            lines = raw.splitlines()
            raw = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
        title, body = split_title(raw)
        tags = _TAG.findall(text[begin:end])
        entries.append(_entry(written, title, body, tags, starred))
        report(progress, number + 1, len(starts))
    return ImportPlan(path, ImportFormat.JRNL, tuple(entries))


def _text(record: dict[str, object], name: str, where: str) -> str:
    value = record.get(name, "")
    if not isinstance(value, str) or not unbroken(value):
        raise bad_file(where, f'"{name}" must be text')
    return value


def read_jrnl_json(path: Path, document: object, progress: Progress | None = None) -> ImportPlan:
    """Read the document of ``jrnl --export json``; a wrong record is named by its number."""
    items = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise bad_file(str(path), 'a jrnl export holds a list of "entries"')
    entries = []
    for index, record in enumerate(items):
        where = f"{path}, entry {index + 1} (entries[{index}])"
        if not isinstance(record, dict):
            raise bad_file(where, "must be an object")
        day, clock = _text(record, "date", where), _text(record, "time", where)
        written = _moment(day, clock)
        if written is None:
            raise bad_file(
                where, f'"{day} {clock}" is not a date and time such as 2024-05-01 09:30'
            )
        tags = record.get("tags", [])
        if not isinstance(tags, list) or not all(
            isinstance(tag, str) and unbroken(tag) for tag in tags
        ):
            raise bad_file(where, '"tags" must be a list of texts')
        title, body = _text(record, "title", where), _text(record, "body", where)
        entries.append(_entry(written, title, body, tags, record.get("starred") is True))
        report(progress, index + 1, len(items))
    return ImportPlan(path, ImportFormat.JRNL, tuple(entries))


def read_jrnl(path: Path, progress: Progress | None = None) -> ImportPlan:
    """Read either kind of jrnl file: JSON when it starts with '{', else the journal text."""
    text = read_text(path)
    if text.lstrip().startswith("{"):
        return read_jrnl_json(path, read_json(str(path), text), progress)
    return read_jrnl_text(path, text, progress)
