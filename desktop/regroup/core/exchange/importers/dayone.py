"""Reading a Day One JSON export: the folder, or the .zip that holds ``Journal.json``.

Day One's layout: ``{"metadata": ..., "entries": [...]}`` with each entry's ``uuid``,
``creationDate`` (UTC, ``...Z``), ``timeZone`` (IANA), ``text`` (Markdown, with
punctuation escaped), ``tags``, ``starred`` and its ``photos``, ``videos``,
``audios`` and ``pdfAttachments``. An entry's day is the day where it was written,
so 23:30 UTC in Tokyo is the next morning there. Media cannot come along: each is
counted in the summary, and the text's links to them are taken out.
"""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from regroup.core.errors import ImportFileError
from regroup.core.exchange.entries import ImportedEntry
from regroup.core.exchange.importers.jrnl import STARRED_TAG
from regroup.core.exchange.importers.plan import (
    ImportFormat,
    ImportPlan,
    Progress,
    Skipped,
    bad_file,
    imported_entry,
    read_bytes,
    read_json,
    report,
    unbroken,
)
from regroup.core.exchange.source_file import MAX_IMPORT_BYTES

MEDIA = ("photos", "videos", "audios", "pdfAttachments")
_MEDIA_LINK = re.compile(r"!\[[^\]]*\]\(dayone-moment:/[^)]*\)\n?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def _zone(name: object, where: str) -> ZoneInfo:
    if name is None:
        return ZoneInfo("UTC")
    try:
        if isinstance(name, str) and name:
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise bad_file(where, f'"timeZone" {name!r} is not a time zone this computer knows')


def _written(value: object, where: str) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    raise bad_file(
        where, f'"creationDate" must be a time such as 2024-05-01T09:30:00Z, not {value!r}'
    )


def _title_and_body(text: str) -> tuple[str, str]:
    """A first line written as a heading is the title, as Day One shows it."""
    text = _ESCAPED.sub(r"\1", _MEDIA_LINK.sub("", text)).strip()
    first, _, rest = text.partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.strip()
    return "", text


class _Reader:
    def __init__(self, source: Path, progress: Progress | None) -> None:
        self.source = source
        self.progress = progress
        self.entries: dict[str, ImportedEntry] = {}
        self.skipped: list[Skipped] = []
        self.media = 0

    def journal(self, name: str, document: object, short: str) -> None:
        """Read one journal file; ``short`` names it inside the export, for the summary."""
        items = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise bad_file(name, 'a Day One journal holds a list of "entries"')
        for index, record in enumerate(items):
            number = f"entry {index + 1} (entries[{index}])"
            self.entry(f"{name}, {number}", record, f"{short}, {number}")
            report(self.progress, index + 1, len(items))

    def entry(self, where: str, record: object, short: str) -> None:
        if not isinstance(record, dict):
            raise bad_file(where, "must be an object")
        identity = record.get("uuid")
        if not isinstance(identity, str) or not identity.strip():
            raise bad_file(where, 'has no "uuid"')
        media = sum(len(record.get(kind) or []) for kind in MEDIA)
        self.media += media
        text = record.get("text", "")
        tags = record.get("tags") or []
        if not isinstance(text, str) or not unbroken(text):
            raise bad_file(where, '"text" must be text')
        if not isinstance(tags, list) or not all(isinstance(t, str) and unbroken(t) for t in tags):
            raise bad_file(where, '"tags" must be a list of texts')
        moment = _written(record.get("creationDate"), where).astimezone(
            _zone(record.get("timeZone"), where)
        )
        title, body = _title_and_body(text)
        if identity in self.entries:
            self.skipped.append(Skipped(short, "is the same Day One entry as an earlier one"))
        elif not title and not body:
            kept = "photos or other media" if media else "no text"
            self.skipped.append(Skipped(short, f"holds {kept} only"))
        else:
            starred = [STARRED_TAG] if record.get("starred") is True else []
            self.entries[identity] = imported_entry(
                ImportFormat.DAYONE, identity, moment.date(), moment, title, body, [*tags, *starred]
            )

    def plan(self) -> ImportPlan:
        return ImportPlan(
            self.source,
            ImportFormat.DAYONE,
            tuple(self.entries.values()),
            tuple(self.skipped),
            self.media,
        )


def _is_journal(name: str) -> bool:
    path = PurePosixPath(name)
    return path.suffix.lower() == ".json" and len(path.parts) <= 2 and not path.name.startswith(".")


def read_dayone(source: Path, progress: Progress | None = None) -> ImportPlan:
    """Read every journal of a Day One export folder, .zip or single journal file."""
    reader = _Reader(source, progress)
    if source.is_dir():
        files = sorted(p for p in source.glob("*.json") if not p.name.startswith("."))
        if not files:
            raise ImportFileError(f"{source} holds no Day One journal (such as Journal.json).")
        for path in files:
            reader.journal(str(path), read_json(str(path), read_bytes(path)), path.name)
    elif zipfile.is_zipfile(source):
        try:
            with zipfile.ZipFile(source) as archive:
                names = sorted(n for n in archive.namelist() if _is_journal(n))
                if not names:
                    raise ImportFileError(
                        f"{source} holds no Day One journal (such as Journal.json)."
                    )
                for name in names:
                    where = f"{source}, {name}"
                    if archive.getinfo(name).file_size > MAX_IMPORT_BYTES:
                        raise bad_file(where, "it is larger than any journal Regroup can import")
                    reader.journal(where, read_json(where, archive.read(name)), name)
        except (zipfile.BadZipFile, OSError) as exc:
            raise bad_file(str(source), f"the zip file cannot be read ({exc})") from exc
    else:
        reader.journal(str(source), read_json(str(source), read_bytes(source)), source.name)
    return reader.plan()
