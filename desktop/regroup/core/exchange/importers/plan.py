"""What every reader hands over: the entries a file holds, what it left out and why.

An imported entry's uuid is derived from where it came from (uuid5 of the source
and the record's own identity: Day One's uuid, or for jrnl and Markdown, which keep
no ids, the day, time, title and text). The diary already refuses a second entry
with a uuid it holds, so importing a file again adds nothing, with no new column:
and because the uuid stays when the entry is later edited in Regroup, an edit does
not bring the old version back on the next import.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.core.diary.tags import entry_tags, unique_tags
from regroup.core.errors import ImportFileError
from regroup.core.exchange.entries import ImportedEntry
from regroup.core.exchange.fields import NOTHING_IMPORTED
from regroup.core.exchange.source_file import long_number_problem, read_source_bytes
from regroup.core.record import record
from regroup.core.storage.columns import to_db_date, to_db_time

if TYPE_CHECKING:
    from regroup.core.exchange.service import ImportDocument

Progress = Callable[[int, int], None]
"""Called with (done, total) while a large file is read or written."""

NAMESPACE = uuid.UUID("6f1d7a52-2b9e-4c1e-9a57-0d3c8e4b7a10")
"""Fixed forever: changing it would make every earlier import look new."""


class ImportFormat(StrEnum):
    JRNL = "jrnl"
    DAYONE = "dayone"
    MARKDOWN = "markdown"
    REGROUP = "regroup"


FORMAT_NAMES = {
    ImportFormat.JRNL: "jrnl",
    ImportFormat.DAYONE: "Day One",
    ImportFormat.MARKDOWN: "Markdown notes",
    ImportFormat.REGROUP: "Regroup export",
}


@record
class Skipped:
    """Something the file holds that will not become an entry, and why."""

    where: str
    reason: str


@record
class ImportPlan:
    """A whole file, checked, in the form it would be written; nothing is written yet."""

    source: Path
    format: ImportFormat
    entries: tuple[ImportedEntry, ...]
    skipped: tuple[Skipped, ...] = ()
    media_skipped: int = 0
    document: ImportDocument | None = field(default=None, compare=False)
    """For a Regroup export: the whole document (debriefs, goals and check-ins too)."""


def entry_uuid(source: ImportFormat, identity: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{source.value}:{identity}"))


def imported_entry(
    source: ImportFormat,
    identity: str,
    day: date,
    moment: datetime,
    title: str,
    body: str,
    tags: Iterable[str],
) -> ImportedEntry:
    """Return an entry in stored form; its #words join its tags as in the window."""
    return ImportedEntry(
        uuid=entry_uuid(source, identity),
        entry_date=to_db_date(day),
        created_at=to_db_time(moment),
        updated_at=None,
        deleted_at=None,
        title=title,
        body=body,
        mood=None,
        tags=tuple(entry_tags(tags, body) if "#" in body else unique_tags(tags)),
        revisions=(),
    )


def bad_file(where: str, problem: str) -> ImportFileError:
    """An error that names the file and the line or record, and says nothing was written."""
    return ImportFileError(f"{where}: {problem}. {NOTHING_IMPORTED}")


def unbroken(text: str) -> bool:
    """Whether ``text`` can be stored exactly (JSON may hold lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def report(progress: Progress | None, done: int, total: int, every: int = 500) -> None:
    if progress is not None and (done % every == 0 or done == total):
        progress(done, total)


def read_json(name: str, data: bytes | str) -> object:
    """Decode a JSON file, or say which line and column of ``name`` is wrong."""
    text = ""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise bad_file(name, f"byte {exc.start} is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise bad_file(
            f"{name}, line {exc.lineno}, column {exc.colno}", f"this is not valid JSON ({exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise bad_file(name, "it is nested too deeply to be a journal") from exc
    except ValueError as exc:  # a number longer than Python reads (sys.set_int_max_str_digits)
        raise bad_file(name, long_number_problem(text) or str(exc)) from exc


def read_text(path: Path) -> str:
    """Read a text file as UTF-8, or say where it is not."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise bad_file(f"{path}, line {line}", "this is not UTF-8 text") from exc


def read_bytes(path: Path) -> bytes:
    """Read a whole file; a pipe, a device or a file over 2 GB is refused unread."""
    return read_source_bytes(path)


def line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1
